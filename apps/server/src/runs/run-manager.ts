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
  recover(): void {
    for (const view of this.options.store.activeRuns()) {
      const ended: RunView = {
        ...view,
        status: 'stopped',
        endedAt: Date.now(),
        reason: 'Mooring stopped while this run was active',
      };
      this.options.store.saveRun(ended);
      if (this.previous.get(view.agentId)?.id === view.id) this.previous.set(view.agentId, ended);
      this.options.logger.info(
        { agentId: view.agentId, runId: view.id },
        'ended a run left active',
      );
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

    const runId = randomUUID();
    const logger = this.options.logger.child({ agentId, runId, mode });
    const record = new RunRecord({
      id: runId,
      agentId,
      mode,
      status: 'preparing',
      startedAt: Date.now(),
    });
    const context = {
      runId,
      agent: agent.spec,
      logger,
      onMessage: (m: RunnerMessage) => this.onRunnerMessage(agentId, record, m),
    };
    const runner = (this.options.createRunner ?? createRunner)(
      mode,
      context,
      this.options.settings,
    );
    this.runs.set(agentId, { record, runner, chatQueue: Promise.resolve() });
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
      throw new ApiError('not_running', `${agentId} is not running; start it first`);
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
        const reason = error instanceof Error ? error.message : String(error);
        throw new ApiError('agent_unreachable', `the agent did not answer: ${reason}`, {
          cause: error,
        });
      }
    });
    run.chatQueue = turn.catch(() => {});
    return turn;
  }

  /** Stops every run; used when the server shuts down. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.runs.keys()].map((id) => this.stop(id).catch(() => {})));
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
        if (record.view.status !== 'stopping') this.setStatus(agentId, record, message.phase);
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
