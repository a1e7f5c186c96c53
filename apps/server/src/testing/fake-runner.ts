import type { AgentRunner, RunContext, RunEndpoint } from '@mooring/runners';
import { RunnerError } from '@mooring/runners';

/**
 * A runner that needs no Python: tests drive it by hand (`ready`, `fail`, `exit`) to check how
 * the server moves a run through its statuses.
 */
export class FakeRunner implements AgentRunner {
  readonly mode = 'venv' as const;
  stopCalls = 0;
  private settle: { resolve(e: RunEndpoint): void; reject(e: unknown): void } | undefined;

  constructor(readonly context: RunContext) {}

  start(): Promise<RunEndpoint> {
    this.context.onMessage({ type: 'phase', phase: 'preparing' });
    return new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  async stop(): Promise<void> {
    this.stopCalls += 1;
    this.settle?.reject(new RunnerError('stopped', 'stopped'));
  }

  ready(baseUrl: string): void {
    this.settle?.resolve({ baseUrl, port: Number(new URL(baseUrl).port), pid: 4242 });
  }

  fail(message: string): void {
    this.settle?.reject(new RunnerError('host_exited', message));
  }

  exit(exitCode: number): void {
    this.context.onMessage({ type: 'exit', exitCode });
  }
}
