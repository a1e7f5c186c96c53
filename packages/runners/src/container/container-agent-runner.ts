import type Docker from 'dockerode';
import type { Envelope } from '@mooring/protocol';
import type { AgentRunner, RunContext, RunEndpoint, RunnerSettings } from '../agent-runner';
import type { ChannelRegistration, EventChannel } from '../event-channel';
import type { Logger } from '../logger';
import { RunnerError } from '../runner-error';
import { ReadyGate } from '../shared/ready-gate';
import { TailBuffer } from '../shared/tail-buffer';
import { attachOutput, type ContainerOutput } from './container-output';
import { containerEnv } from './container-env';
import { containerSpec } from './container-spec';
import { dockerClient } from './docker-client';
import { dockerState } from './docker-state';
import { emitLog } from './emit-log';
import { prepareImage } from './prepare-image';
import { publishedPort } from './published-port';
import { removeContainer } from './remove-container';

const TAIL_LINES = 30;
const OUTPUT_DRAIN_MS = 2_000;
const EXIT_GRACE_MS = 2_000;

/**
 * Runs an agent in a Docker container: builds (or reuses) its image, starts the container with
 * the agent host as its entrypoint, receives the host's envelopes over the event channel, and
 * removes the container when the run ends, fails or is stopped.
 */
export class ContainerAgentRunner implements AgentRunner {
  readonly mode = 'container' as const;

  private readonly logger: Logger;
  private readonly abort = new AbortController();
  private readonly gate = new ReadyGate();
  private readonly tail = new TailBuffer(TAIL_LINES);
  private starting: Promise<RunEndpoint> | undefined;
  private stopping: Promise<void> | undefined;
  private cleaning: Promise<void> = Promise.resolve();
  private container: Docker.Container | undefined;
  private output: ContainerOutput | undefined;
  private registration: ChannelRegistration | undefined;
  private ready = false;

  constructor(
    private readonly context: RunContext,
    private readonly settings: RunnerSettings,
    private readonly docker: Docker = dockerClient(),
  ) {
    this.logger = context.logger.child({ mode: 'container' });
  }

  start(): Promise<RunEndpoint> {
    this.starting ??= this.run();
    return this.starting;
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async run(): Promise<RunEndpoint> {
    try {
      this.throwIfStopped();
      this.context.onMessage({ type: 'phase', phase: 'preparing' });
      const channel = await this.preconditions();
      const imageTag = await prepareImage({
        docker: this.docker,
        context: this.context,
        settings: this.settings,
        signal: this.abort.signal,
      });
      this.throwIfStopped();
      this.context.onMessage({ type: 'phase', phase: 'starting' });
      return await this.launch(channel, imageTag);
    } catch (error) {
      const failure = this.explain(error);
      await this.cleanUp();
      throw failure;
    }
  }

  private async preconditions(): Promise<EventChannel> {
    const channel = this.settings.eventChannel;
    if (!channel) {
      throw new RunnerError('prepare_failed', 'container mode needs the agent event channel');
    }
    const state = await dockerState(this.docker);
    if (!state.available) {
      throw new RunnerError('docker_unavailable', state.reason ?? 'Docker is not available');
    }
    return channel;
  }

  private async launch(channel: EventChannel, imageTag: string): Promise<RunEndpoint> {
    const { agent, runId } = this.context;
    this.registration = channel.register(agent.id, runId, (e) => this.onEnvelope(e));
    const env = await containerEnv(agent, {
      runId,
      secret: this.registration.secret,
      eventUrl: channel.urlFor(agent.id),
    });
    const spec = containerSpec({
      agentId: agent.id,
      runId,
      imageTag,
      env,
      limits: this.settings.container,
    });
    const container = await this.docker.createContainer(spec);
    this.container = container;
    this.throwIfStopped();

    const log = this.logger.child({ containerId: container.id.slice(0, 12) });
    this.output = await attachOutput(this.docker, container, (stream, line) => {
      this.tail.add(line);
      emitLog(this.context, stream, line);
    });
    // Waiting before the start catches even an instant exit; watching at once handles the wait's
    // rejection should the start fail and the container be removed.
    const exited = container.wait({ condition: 'next-exit' });
    void this.watchExit(exited, log);
    await container.start();
    log.info({ imageTag }, 'container started');

    const port = await publishedPort(container).catch((error: unknown) =>
      this.failUnlessExited(exited, error),
    );
    const baseUrl = `http://127.0.0.1:${port}`;
    await this.gate.wait(baseUrl, this.settings.startTimeoutMs);
    this.throwIfStopped();
    this.ready = true;
    log.info({ port }, 'agent ready');
    return { baseUrl, port, containerId: container.id, imageTag };
  }

  private onEnvelope(envelope: Envelope): void {
    this.context.onMessage({ type: 'envelope', envelope });
    if (envelope.kind === 'ready') this.gate.ready();
  }

  /** Before ready, an exit fails the start with the host's last words; after, it ends the run. */
  private async watchExit(exited: Promise<unknown>, log: Logger): Promise<void> {
    let exitCode: number;
    try {
      exitCode = exitStatus(await exited);
    } catch (error) {
      // The wait ends with an error when the container is removed under it; nothing to report.
      log.debug({ err: error }, 'container wait ended');
      return;
    }
    if (this.abort.signal.aborted) return;
    await this.drainOutput();
    log.info({ exitCode }, 'container exited');
    if (!this.ready) {
      this.gate.fail(this.hostExited(exitCode));
      return;
    }
    this.context.onMessage({ type: 'exit', exitCode });
    await this.cleanUp();
  }

  /**
   * A container that exits at once has no published port any more; what it printed explains the
   * failure better than the missing port does.
   */
  private async failUnlessExited(exited: Promise<unknown>, error: unknown): Promise<never> {
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), EXIT_GRACE_MS);
    });
    const result = await Promise.race([exited.catch(() => undefined), cap]);
    clearTimeout(timer);
    if (result === undefined) throw error;
    await this.drainOutput();
    throw this.hostExited(exitStatus(result));
  }

  private hostExited(exitCode: number): RunnerError {
    const said = this.tail.text() || '(no output)';
    return new RunnerError('host_exited', `the agent host exited with code ${exitCode}:\n${said}`);
  }

  private async drainOutput(): Promise<void> {
    const output = this.output;
    if (!output) return;
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, OUTPUT_DRAIN_MS)));
    await Promise.race([output.ended, cap]);
    clearTimeout(timer);
  }

  private async shutDown(): Promise<void> {
    const stopped = new RunnerError('stopped', 'the run was stopped before the agent was ready');
    this.abort.abort(stopped);
    this.gate.fail(stopped);
    await this.starting?.catch(() => undefined);
    await this.cleanUp();
  }

  /** Serialized, so a second caller waits for the removal the first one began. */
  private cleanUp(): Promise<void> {
    this.cleaning = this.cleaning.then(() => this.removeEverything());
    return this.cleaning;
  }

  private async removeEverything(): Promise<void> {
    const { container, output, registration } = this;
    this.container = undefined;
    this.output = undefined;
    this.registration = undefined;
    try {
      if (container) {
        const graceSeconds = Math.ceil(this.settings.stopGraceMs / 1000);
        await removeContainer(container, graceSeconds, this.logger);
        this.logger.info({ containerId: container.id.slice(0, 12) }, 'container removed');
      }
    } catch (error) {
      this.logger.error({ err: error, containerId: container?.id }, 'container removal failed');
    } finally {
      output?.close();
      registration?.close();
    }
  }

  private throwIfStopped(): void {
    if (this.abort.signal.aborted) throw this.abort.signal.reason;
  }

  private explain(error: unknown): RunnerError {
    if (this.abort.signal.aborted) {
      const reason: unknown = this.abort.signal.reason;
      return reason instanceof RunnerError ? reason : new RunnerError('stopped', 'stopped');
    }
    if (error instanceof RunnerError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const code = this.container ? 'host_exited' : 'prepare_failed';
    return new RunnerError(code, `the container could not be started: ${message}`, {
      cause: error,
    });
  }
}

function exitStatus(result: unknown): number {
  if (typeof result === 'object' && result !== null && 'StatusCode' in result) {
    const code = Number(result.StatusCode);
    if (Number.isInteger(code)) return code;
  }
  return -1;
}
