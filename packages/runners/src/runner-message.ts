import type { Envelope, LogLine, Progress } from '@mooring/protocol';

/**
 * What a runner reports while it works, in order. The server owns the run's status: it moves to
 * `running` when `start()` resolves, to `failed` when it rejects, and to `exited` on `exit`.
 */
export type RunnerMessage =
  | { type: 'phase'; phase: 'preparing' | 'starting' }
  | { type: 'progress'; progress: Progress }
  | { type: 'log'; log: LogLine }
  | { type: 'envelope'; envelope: Envelope }
  | { type: 'exit'; exitCode: number; reason?: string };
