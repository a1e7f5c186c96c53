import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { AgentRunner, RunContext, RunEndpoint, RunnerSettings } from '../agent-runner';
import { RunnerError } from '../runner-error';
import { decodeEnvelope } from '../shared/envelope-decoder';
import { exitCodeOf } from '../shared/exit-code';
import { freePort } from '../shared/free-port';
import { hostExitReason } from '../shared/host-exit-reason';
import { LineSplitter } from '../shared/line-splitter';
import { ReadyGate } from '../shared/ready-gate';
import { TailBuffer } from '../shared/tail-buffer';
import { prepareEnvironment, VENV_STEPS } from './prepare-environment';

/** The host writes envelopes to this inherited descriptor. */
const EVENT_FD = 3;

/**
 * Runs an agent in a Python virtual environment of its own: the agent host is a child process
 * that inherits a pipe for its envelopes and exits when its stdin closes, so it cannot outlive
 * the server even when the server is killed.
 */
export class VenvAgentRunner implements AgentRunner {
  readonly mode = 'venv' as const;
  private readonly abort = new AbortController();
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private stopping = false;
  private gate = new ReadyGate();

  constructor(
    private readonly context: RunContext,
    private readonly settings: RunnerSettings,
  ) {}

  async start(): Promise<RunEndpoint> {
    const { onMessage, logger } = this.context;
    onMessage({ type: 'phase', phase: 'preparing' });
    const plan = await this.guard(() =>
      prepareEnvironment(
        this.context,
        { ...this.settings, ...this.settings.venv },
        this.abort.signal,
      ),
    );

    onMessage({ type: 'phase', phase: 'starting' });
    onMessage({
      type: 'progress',
      progress: {
        step: 'launch',
        label: 'Starting agent host',
        current: VENV_STEPS,
        total: VENV_STEPS,
      },
    });
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = this.launch(plan.python, port);
    logger.info({ pid: child.pid, port }, 'agent host launched');
    try {
      await this.gate.wait(baseUrl, this.settings.startTimeoutMs);
    } catch (error) {
      await this.stop();
      throw error;
    }
    return { baseUrl, port, ...(child.pid === undefined ? {} : { pid: child.pid }) };
  }

  async stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      this.abort.abort();
      this.gate.fail(new RunnerError('stopped', 'the run was stopped before it was ready'));
      this.terminate();
    }
    await this.exited;
  }

  private launch(python: string, port: number): ChildProcess {
    const { agent, runId } = this.context;
    const args = [
      '-m',
      'mooring_agent_host',
      '--agents-dir',
      agent.agentsDir,
      '--app',
      agent.appName,
      '--port',
      String(port),
      '--run-id',
      runId,
      '--event-fd',
      String(EVENT_FD),
      '--env-file',
      path.join(agent.projectDir, '.env'),
      '--exit-on-stdin-eof',
    ];
    const child = spawn(python, args, {
      cwd: agent.projectDir,
      env: { ...process.env, ...agent.env, PYTHONUNBUFFERED: '1' },
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    this.wireOutput(child);
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    return child;
  }

  private wireOutput(child: ChildProcess): void {
    const { onMessage, logger } = this.context;
    const tail = new TailBuffer();
    const forward = (stream: 'stdout' | 'stderr') => (line: string) => {
      tail.add(line);
      onMessage({ type: 'log', log: { stream, line, ts: Date.now() } });
    };
    pipeLines(child.stdout, forward('stdout'));
    pipeLines(child.stderr, forward('stderr'));
    pipeLines(child.stdio[EVENT_FD] as Readable, (line) => this.onEventLine(line));
    (child.stdin as Writable).on('error', () => {});

    child.on('error', (error) => {
      this.gate.fail(
        new RunnerError('host_exited', `could not launch the agent host: ${error.message}`),
      );
    });
    child.on('close', (code, signal) => {
      const exitCode = exitCodeOf(code, signal);
      logger.info({ pid: child.pid, exitCode, signal }, 'agent host exited');
      const reason = hostExitReason(exitCode, tail.snapshot());
      this.gate.fail(new RunnerError('host_exited', reason));
      if (!this.stopping) onMessage({ type: 'exit', exitCode });
    });
  }

  private onEventLine(line: string): void {
    if (!line.trim()) return;
    const decoded = decodeEnvelope(line);
    if (!decoded.ok) {
      this.context.logger.warn({ error: decoded.error }, 'skipped a malformed event line');
      this.context.onMessage({
        type: 'log',
        log: {
          stream: 'system',
          line: `skipped a malformed event line (${decoded.error})`,
          ts: Date.now(),
        },
      });
      return;
    }
    if (decoded.envelope.kind === 'ready') this.gate.ready();
    this.context.onMessage({ type: 'envelope', envelope: decoded.envelope });
  }

  private terminate(): void {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    // SIGTERM lets the host flush and exit cleanly; its stdin stays open until it is gone,
    // since a closed stdin means "the server died" to the host.
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), this.settings.stopGraceMs);
    child.once('close', () => clearTimeout(timer));
  }

  /** Turns a failure caused by a stop request into the `stopped` error the caller expects. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      if (this.stopping)
        throw new RunnerError('stopped', 'the run was stopped before it was ready');
      return result;
    } catch (error) {
      if (this.stopping)
        throw new RunnerError('stopped', 'the run was stopped before it was ready');
      if (error instanceof RunnerError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new RunnerError('prepare_failed', message, { cause: error });
    }
  }
}

function pipeLines(stream: Readable | null | undefined, onLine: (line: string) => void): void {
  if (!stream) return;
  const splitter = new LineSplitter(onLine);
  stream.on('data', (chunk: Buffer) => splitter.push(chunk));
  stream.on('end', () => splitter.flush());
  stream.on('error', () => {});
}
