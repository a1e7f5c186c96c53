import { randomUUID } from 'node:crypto';
import {
  isActive,
  type AgentView,
  type ChatTurn,
  type DockerState,
  type HubPayload,
  type RunMode,
  type RunStatus,
  type RunView,
} from '@mooring/protocol';
import {
  createRunner,
  RunnerError,
  type AgentRunner,
  type Logger,
  type RunEndpoint,
  type RunnerMessage,
  type RunnerSettings,
} from '@mooring/runners';
import type { AgentEntry } from '../agents/agent-entry';
import { AgentTurnError } from '../chat/agent-turn-error';
import { HostClient } from '../chat/host-client';
import { ApiError } from '../http/api-error';
import type { Store } from '../store/store';
import { RunRecord } from './run-record';

type ActiveRun = {
  record: RunRecord;
  runner: AgentRunner;
  client?: HostClient;
  chatQueue: Promise<unknown>;
};

export type RunManagerOptions = {
  agents: AgentEntry[];
  settings: RunnerSettings;
  logger: Logger;
  store: Store;
  /** Sends a message to every browser; resolves once it is stored. */
  publish(message: HubPayload): Promise<void>;
  dockerState(): Promise<DockerState>;
  /** Which runner a mode gets; tests substitute their own. */
  createRunner?: typeof createRunner;
};

/**
 * Owns every agent's runs: starts them with the runner their mode asks for, moves their status,
 * records what they produce and publishes it to the hub. One active run per agent.
 */
export class RunManager {
  private readonly agents = new Map<string, AgentEntry>();
  private readonly runs = new Map<string, ActiveRun>();
  /** The last run of each agent that has none in this process, read back from the store. */
  private readonly previous = new Map<string, RunView>();

  constructor(private readonly options: RunManagerOptions) {
    for (const agent of options.agents) {
      this.agents.set(agent.spec.id, agent);
      const [last] = options.store.runsOf(agent.spec.id, 1);
      if (last) this.previous.set(agent.spec.id, last);
    }
  }

  /**
   * Settles runs that were active when the server last stopped. Their processes went with it
   * (a venv host exits when its parent does), so each is recorded as ended, history intact.
   */
  async recover(): Promise<void> {
    for (const view of this.options.store.activeRuns()) {
      if (await this.adopt(view)) continue;
      const ended: RunView = {
        ...view,
        status: 'stopped',
        // The last thing the run did is the closest record of when it ended.
        endedAt: this.options.store.lastActivity(view.id) ?? Date.now(),
        reason: 'Mooring stopped while this run was active',
      };
      this.options.store.saveRun(ended);
      if (this.previous.get(view.agentId)?.id === view.id) {
        this.previous.set(view.agentId, ended);
        // Browsers that resume across the restart learn of it like any other change.
        if (this.agents.has(view.agentId)) {
          void this.options.publish({ type: 'agent', agent: this.view(view.agentId) });
        }
      }
      this.options.logger.info(
        { agentId: view.agentId, runId: view.id },
        'ended a run left active',
      );
    }
  }

  /**
   * Takes over a container run an earlier server process left running: its host reconnects to
   * the event channel and resends what was never stored, and its ADK session lives on.
   */
  private async adopt(view: RunView): Promise<boolean> {
    const agent = this.agents.get(view.agentId);
    if (view.mode !== 'container' || view.status !== 'running' || !agent || !view.sessionId) {
      return false;
    }
    const { store, logger } = this.options;
    const lastSeq = store.lastEnvelopeSeq(view.id);
    const record = new RunRecord(view, lastSeq);
    const runner = this.track(agent, record);
    try {
      const endpoint = runner.adopt ? await runner.adopt(lastSeq) : undefined;
      if (!endpoint) throw new Error('its container is gone');
      const run = this.runs.get(view.agentId);
      if (run) run.client = new HostClient(endpoint.baseUrl, agent.spec.appName);
      this.log(view.agentId, record, 'system', 'adopted after a server restart');
      this.setStatus(view.agentId, record, 'running');
      logger.info({ agentId: view.agentId, runId: view.id, lastSeq }, 'run adopted');
      return true;
    } catch (error) {
      logger.warn({ err: error, agentId: view.agentId, runId: view.id }, 'could not adopt a run');
      this.runs.delete(view.agentId);
      return false;
    }
  }

  runsOf(agentId: string): RunView[] {
    this.agent(agentId);
    return this.options.store.runsOf(agentId);
  }

  list(): AgentView[] {
    return [...this.agents.values()].map((agent) => this.view(agent.spec.id));
  }

  view(agentId: string): AgentView {
    const agent = this.agent(agentId);
    const run = this.runs.get(agentId)?.record.view ?? this.previous.get(agentId);
    return {
      id: agent.spec.id,
      name: agent.spec.name,
      description: agent.description,
      root: agent.root,
      path: agent.path,
      kind: agent.kind,
      hasDockerfile: agent.hasDockerfile,
      status: run?.status ?? 'stopped',
      ...(run ? { run } : {}),
    };
  }

  history(runId: string) {
    const history = this.options.store.history(runId);
    if (!history) throw new ApiError('run_not_found', `no run with id ${runId}`);
    return history;
  }

  async start(agentId: string, mode: RunMode): Promise<RunView> {
    const agent = this.agent(agentId);
    const current = this.runs.get(agentId);
    if (current && isActive(current.record.view.status)) {
      throw new ApiError('already_running', `${agentId} is already ${current.record.view.status}`);
    }
    if (mode === 'container') {
      const docker = await this.options.dockerState();
      if (!docker.available) {
        throw new ApiError('docker_unavailable', `container mode needs Docker: ${docker.reason}`);
      }
    }

    const record = new RunRecord({
      id: randomUUID(),
      agentId,
      mode,
      status: 'preparing',
      startedAt: Date.now(),
    });
    const runner = this.track(agent, record);
    this.setStatus(agentId, record, 'preparing');

    runner.start().then(
      (endpoint) => this.onReady(agentId, record, endpoint),
      (error: unknown) => this.onStartFailed(agentId, record, error),
    );
    return record.view;
  }

  async stop(agentId: string): Promise<AgentView> {
    this.agent(agentId);
    const run = this.runs.get(agentId);
    if (!run || !isActive(run.record.view.status) || run.record.view.status === 'stopping') {
      if (run?.record.view.status === 'stopping') await run.runner.stop();
      return this.view(agentId);
    }
    this.setStatus(agentId, run.record, 'stopping');
    await run.runner.stop();
    this.setStatus(agentId, run.record, 'stopped');
    return this.view(agentId);
  }

  async chat(agentId: string, message: string): Promise<{ sessionId: string; text: string }> {
    this.agent(agentId);
    const run = this.runs.get(agentId);
    const sessionId = run?.record.view.sessionId;
    if (!run || run.record.view.status !== 'running' || !run.client || !sessionId) {
      const status = run?.record.view.status ?? 'stopped';
      const advice = isActive(status) ? 'wait until it is running' : 'start it first';
      throw new ApiError('not_running', `${agentId} is ${status}; ${advice}`);
    }
    const { client, record } = run;
    // One turn at a time per session, so replies never interleave.
    const turn = run.chatQueue.then(async () => {
      this.addChat(agentId, record, { role: 'user', text: message, ts: Date.now() });
      try {
        const text = await client.send(sessionId, message);
        this.addChat(agentId, record, { role: 'agent', text, ts: Date.now() });
        return { sessionId, text };
      } catch (error) {
        if (error instanceof AgentTurnError) {
          throw new ApiError('agent_error', `the agent failed: ${error.message}`, { cause: error });
        }
        const reason = error instanceof Error ? error.message : String(error);
        throw new ApiError('agent_unreachable', `the agent did not answer: ${reason}`, {
          cause: error,
        });
      }
    });
    run.chatQueue = turn.catch(() => {});
    return turn;
  }

  /**
   * Stops every run; used when the server shuts down. With `keepContainers`, container runs are
   * let go instead, still running, for the next server process to adopt.
   */
  /** Stops every run; with `keepContainers`, running containers are left for a later server. */
  async stopAll(options: { keepContainers?: boolean } = {}): Promise<string[]> {
    const kept: string[] = [];
    const all = [...this.runs.entries()].map(async ([agentId, run]) => {
      const { mode, status } = run.record.view;
      if (
        options.keepContainers &&
        mode === 'container' &&
        status === 'running' &&
        run.runner.detach
      ) {
        await run.runner.detach();
        kept.push(agentId);
        this.options.logger.info({ agentId, runId: run.record.view.id }, 'left running for later');
        return;
      }
      await this.stop(agentId).catch(() => {});
    });
    await Promise.all(all);
    return kept.sort();
  }

  /** Ids of the container runs this process owns, which must survive any clean-up. */
  containerRunIds(): Set<string> {
    const ids = [...this.runs.values()]
      .filter((run) => run.record.view.mode === 'container' && isActive(run.record.view.status))
      .map((run) => run.record.view.id);
    return new Set(ids);
  }

  /** Creates the runner of a run and makes it the agent's current one. */
  private track(agent: AgentEntry, record: RunRecord): AgentRunner {
    const { id: runId, agentId, mode } = record.view;
    const context = {
      runId,
      agent: agent.spec,
      logger: this.options.logger.child({ agentId, runId, mode }),
      onMessage: (m: RunnerMessage) => this.onRunnerMessage(agentId, record, m),
    };
    const create = this.options.createRunner ?? createRunner;
    const runner = create(mode, context, this.options.settings);
    this.runs.set(agentId, { record, runner, chatQueue: Promise.resolve() });
    return runner;
  }

  private async onReady(agentId: string, record: RunRecord, endpoint: RunEndpoint) {
    const run = this.runs.get(agentId);
    if (!run || run.record !== record || record.view.status === 'stopping') return;
    const agent = this.agent(agentId);
    const client = new HostClient(endpoint.baseUrl, agent.spec.appName);
    try {
      const sessionId = await client.createSession();
      run.client = client;
      const { baseUrl: _ignored, ...where } = endpoint;
      record.view = { ...record.view, ...where, sessionId };
      this.setStatus(agentId, record, 'running');
    } catch (error) {
      await run.runner.stop();
      this.onStartFailed(agentId, record, error);
    }
  }

  private onStartFailed(agentId: string, record: RunRecord, error: unknown) {
    const stopped = error instanceof RunnerError && error.code === 'stopped';
    if (stopped || record.view.status === 'stopping' || record.view.status === 'stopped') return;
    const reason = error instanceof Error ? error.message : String(error);
    this.log(agentId, record, 'system', `start failed: ${reason}`);
    record.view = { ...record.view, reason };
    this.setStatus(agentId, record, 'failed');
  }

  private onRunnerMessage(agentId: string, record: RunRecord, message: RunnerMessage) {
    const runId = record.view.id;
    switch (message.type) {
      case 'phase':
        if (record.view.status === 'stopping' || record.view.status === message.phase) return;
        this.setStatus(agentId, record, message.phase);
        return;
      case 'progress':
        record.view = { ...record.view, progress: message.progress };
        void this.options.publish({ type: 'progress', agentId, runId, progress: message.progress });
        return;
      case 'log':
        void this.options.publish({ type: 'log', agentId, runId, log: message.log });
        return;
      case 'envelope':
        if (!record.accept(message.envelope)) return;
        return this.options.publish({ type: 'event', agentId, runId, envelope: message.envelope });
      case 'exit':
        if (record.view.status !== 'running') return;
        record.view = {
          ...record.view,
          exitCode: message.exitCode,
          reason: message.reason ?? `exited with code ${message.exitCode}`,
        };
        this.setStatus(agentId, record, 'exited');
    }
  }

  private setStatus(agentId: string, record: RunRecord, status: RunStatus) {
    const ended = status === 'stopped' || status === 'failed' || status === 'exited';
    const { progress: _done, ...rest } = record.view;
    record.view = {
      ...(ended || status === 'running' ? rest : record.view),
      status,
      ...(ended ? { endedAt: Date.now() } : {}),
    };
    this.options.logger.info(
      { agentId, runId: record.view.id, status, reason: record.view.reason },
      'run status',
    );
    this.options.store.saveRun(record.view);
    if (this.runs.get(agentId)?.record === record) {
      void this.options.publish({ type: 'agent', agent: this.view(agentId) });
    }
  }

  private addChat(agentId: string, record: RunRecord, turn: ChatTurn) {
    void this.options.publish({ type: 'chat', agentId, runId: record.view.id, turn });
  }

  private log(agentId: string, record: RunRecord, stream: 'system', line: string) {
    const log = { stream, line, ts: Date.now() };
    void this.options.publish({ type: 'log', agentId, runId: record.view.id, log });
  }

  private agent(agentId: string): AgentEntry {
    const agent = this.agents.get(agentId);
    if (!agent) throw new ApiError('agent_not_found', `no agent with id ${agentId}`);
    return agent;
  }
}
