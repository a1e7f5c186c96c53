import type { DockerState } from '@mooring/protocol';

const POLL_MS = 10_000;

/**
 * Keeps a fresh answer to "does a Docker daemon answer?" so cards and the API can say why
 * container mode is unavailable without asking the daemon on every request.
 */
export class DockerMonitor {
  private state: DockerState = { available: false, reason: 'not checked yet' };
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly probe: () => Promise<DockerState>,
    private readonly onChange: (state: DockerState) => void,
  ) {}

  current(): DockerState {
    return this.state;
  }

  async refresh(): Promise<DockerState> {
    const next = await this.probe().catch((error: unknown): DockerState => ({
      available: false,
      reason: String(error),
    }));
    const changed = next.available !== this.state.available || next.reason !== this.state.reason;
    this.state = next;
    if (changed) this.onChange(next);
    return next;
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
