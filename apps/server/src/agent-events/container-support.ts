import type { DockerState } from '@mooring/protocol';
import { reapOrphanedContainers, type Logger } from '@mooring/runners';
import { AgentEventChannel } from './agent-event-channel';
import { startAgentEventListener, type AgentEventListener } from './agent-event-listener';

/**
 * What container mode needs besides a daemon: the event channel and its listener on the
 * bridge. The listener can only bind once Docker is up, so it is started on the first probe
 * that finds the daemon, and container mode counts as available only when both are there.
 */
export class ContainerSupport {
  readonly channel: AgentEventChannel;
  private listener: AgentEventListener | undefined;
  private starting: Promise<string | undefined> | undefined;

  constructor(
    private readonly probeDaemon: () => Promise<DockerState>,
    private readonly logger: Logger,
  ) {
    this.channel = new AgentEventChannel({ logger: logger.child({ part: 'agent-events' }) });
  }

  /** The daemon's state, downgraded to unavailable when the event listener cannot start. */
  async probe(): Promise<DockerState> {
    const state = await this.probeDaemon();
    if (!state.available) return state;
    const problem = await this.ensureListener();
    return problem ? { available: false, reason: problem } : state;
  }

  async close(): Promise<void> {
    this.channel.close();
    await this.listener?.close();
  }

  private ensureListener(): Promise<string | undefined> {
    if (this.listener) return Promise.resolve(undefined);
    this.starting ??= this.startListener().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async startListener(): Promise<string | undefined> {
    try {
      this.listener = await startAgentEventListener(this.channel);
      const { host, port } = this.listener;
      this.logger.info({ host, port }, 'agent event listener started');
      const removed = await reapOrphanedContainers(this.logger);
      if (removed.length > 0) this.logger.info({ removed }, 'removed containers left behind');
      return undefined;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ err: error }, 'agent event listener could not start');
      return `the agent event listener could not start: ${reason}`;
    }
  }
}
