import type { DockerState } from '@mooring/protocol';
import { reapOrphanedContainers, type Logger } from '@mooring/runners';
import { AgentEventChannel } from './agent-event-channel';
import { startAgentEventListener, type AgentEventListener } from './agent-event-listener';

/**
 * What container mode needs besides a daemon: the event channel and its listener on the
 * bridge. The listener can only bind once Docker is up, so it is started on the first probe
 * that finds the daemon, and container mode counts as available only when both are there. It
 * binds a fixed port (`agentEventPort`), the one in every container's event URL, so containers
 * started by an earlier server process find this one; a busy port makes container mode
 * unavailable with that reason, and each probe tries again.
 */
export class ContainerSupport {
  readonly channel: AgentEventChannel;
  private listener: AgentEventListener | undefined;
  private starting: Promise<string | undefined> | undefined;
  private lastProblem: string | undefined;

  constructor(
    private readonly probeDaemon: () => Promise<DockerState>,
    private readonly logger: Logger,
    private readonly listenerPort: number,
    readonly instanceId: string,
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

  /**
   * Removes this Mooring's containers that belong to no run it still owns: those of runs that
   * ended, failed half-way or are unknown to the store. Other containers are never touched.
   */
  async reap(keepRunIds: ReadonlySet<string>): Promise<void> {
    try {
      const removed = await reapOrphanedContainers(this.logger, {
        instanceId: this.instanceId,
        keepRunIds,
      });
      if (removed.length > 0) this.logger.info({ removed }, 'removed containers left behind');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not look for containers left behind');
    }
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
      // A fixed port: containers of an earlier server process reconnect to the same URL.
      this.listener = await startAgentEventListener(this.channel, { port: this.listenerPort });
      const { host, port } = this.listener;
      this.logger.info({ host, port }, 'agent event listener started');
      return undefined;
    } catch (error) {
      const problem = listenerProblem(error, this.listenerPort);
      // Every probe tries again; say it once, not every few seconds.
      if (problem !== this.lastProblem) {
        this.logger.warn({ err: error }, 'agent event listener could not start');
      }
      this.lastProblem = problem;
      return problem;
    }
  }
}

/** Why container mode is unavailable, in words that say what to do about a busy port. */
function listenerProblem(error: unknown, port: number): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (hasCode(error, 'EADDRINUSE')) {
    return (
      `the agent event listener could not start: port ${port} is already in use (${detail}); ` +
      'set MOORING_AGENT_EVENT_PORT to a free port'
    );
  }
  return `the agent event listener could not start: ${detail}`;
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
