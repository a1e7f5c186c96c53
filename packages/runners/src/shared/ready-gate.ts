import { RunnerError } from '../runner-error';
import { waitForHealth } from './wait-for-health';

/**
 * Decides when a launched host is ready: its health endpoint answers and its `ready` envelope has
 * arrived. Whatever happens first of "the host exited", "stop was asked" or the timeout ends the
 * wait with that reason instead.
 */
export class ReadyGate {
  private readonly abort = new AbortController();
  private resolveReady: () => void = () => {};
  private readonly readySeen = new Promise<void>((resolve) => (this.resolveReady = resolve));
  private rejectFailure: (error: RunnerError) => void = () => {};
  private readonly failure = new Promise<never>((_, reject) => (this.rejectFailure = reject));

  constructor() {
    this.failure.catch(() => {});
  }

  /** The host's `ready` envelope arrived. */
  ready(): void {
    this.resolveReady();
  }

  /** The start cannot succeed any more (the host exited, or stop was asked). */
  fail(error: RunnerError): void {
    this.rejectFailure(error);
    this.abort.abort(error);
  }

  async wait(baseUrl: string, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seconds = Math.round(timeoutMs / 1000);
        reject(new RunnerError('start_timeout', `the agent was not ready within ${seconds} s`));
      }, timeoutMs);
    });
    try {
      const both = Promise.all([waitForHealth(baseUrl, this.abort.signal), this.readySeen]);
      await Promise.race([both, this.failure, timeout]);
    } finally {
      clearTimeout(timer);
      this.abort.abort(new Error('ready wait over'));
    }
  }
}
