import type { RunView } from '@mooring/protocol';
import { formatDuration } from '../format/duration';
import { formatStartTime } from '../format/start-time';

function how(run: RunView): string {
  if (run.status !== 'exited') return run.status;
  return run.exitCode === undefined ? 'exited' : `exited with code ${run.exitCode}`;
}

/**
 * How an ended run ended and when, for the agent's header: `stopped at 14:03:27 after 2m 05s`,
 * `exited with code 1 at 14:03:27 after 4s`. The failure reason is kept apart by the caller.
 */
export function describeRunEnd(run: RunView, now: number = Date.now()): string {
  const parts = [how(run)];
  if (run.endedAt !== undefined) {
    parts.push(`at ${formatStartTime(run.endedAt, now)}`);
    parts.push(`after ${formatDuration(run.endedAt - run.startedAt)}`);
  }
  return parts.join(' ');
}
