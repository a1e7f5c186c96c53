import { randomUUID } from 'node:crypto';
import {
  isActive,
  type AgentView,
  type ChatTurn,
  type DockerState,
  type HubMessage,
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
  publish(message: HubMessage): void;
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
  private readonly records = new Map<string, RunRecord>();

  constructor(private readonly options: RunManagerOptions) {
    for (const agent of options.agents) this.agents.set(agent.spec.id, agent);
  }

  list(): AgentView[] {
    return [...this.agents.values()].map((agent) => this.view(agent.spec.id));
  }

  view(agentId: string): AgentView {
    const agent = this.agent(agentId);
    const run = this.runs.get(agentId)?.record.view;
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
    const record = this.records.get(runId);
    if (!record) throw new ApiError('run_not_found', `no run with id ${runId}`);
    return record.history();
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
    this.records.set(runId, record);
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
        this.options.publish({ type: 'progress', agentId, runId, progress: message.progress });
        return;
      case 'log':
        record.addLog(message.log);
        this.options.publish({ type: 'log', agentId, runId, log: message.log });
        return;
      case 'envelope':
        if (record.addEnvelope(message.envelope)) {
          this.options.publish({ type: 'event', agentId, runId, envelope: message.envelope });
        }
        return;
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
    if (this.runs.get(agentId)?.record === record) {
      this.options.publish({ type: 'agent', agent: this.view(agentId) });
    }
  }

  private addChat(agentId: string, record: RunRecord, turn: ChatTurn) {
    record.addChat(turn);
    this.options.publish({ type: 'chat', agentId, runId: record.view.id, turn });
  }

  private log(agentId: string, record: RunRecord, stream: 'system', line: string) {
    const log = { stream, line, ts: Date.now() };
    record.addLog(log);
    this.options.publish({ type: 'log', agentId, runId: record.view.id, log });
  }

  private agent(agentId: string): AgentEntry {
    const agent = this.agents.get(agentId);
    if (!agent) throw new ApiError('agent_not_found', `no agent with id ${agentId}`);
    return agent;
  }
}
