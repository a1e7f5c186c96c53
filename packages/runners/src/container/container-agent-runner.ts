import type Docker from 'dockerode';
import type { Envelope } from '@mooring/protocol';
import type { AgentRunner, RunContext, RunEndpoint, RunnerSettings } from '../agent-runner';
import type { ChannelRegistration, EventChannel } from '../event-channel';
import type { Logger } from '../logger';
import { RunnerError } from '../runner-error';
import { hostExitReason } from '../shared/host-exit-reason';
import { ReadyGate } from '../shared/ready-gate';
import { TailBuffer } from '../shared/tail-buffer';
import { findAdoptableContainer } from './adoptable-container';
import { attachOutput, type ContainerOutput } from './container-output';
import { containerEnv } from './container-env';
import { containerSpec } from './container-spec';
import { dockerClient } from './docker-client';
import { dockerState } from './docker-state';
import { emitLog } from './emit-log';
import { exitStatus, followExit } from './follow-exit';
import { prepareImage } from './prepare-image';
import { publishedPort } from './published-port';
import { removeContainer } from './remove-container';

const OUTPUT_DRAIN_MS = 2_000;
const EXIT_GRACE_MS = 2_000;
/** How long an adopted host may take to answer `/health`; it was running, so not long. */
const ADOPT_HEALTH_MS = 30_000;

/**
 * Runs an agent in a Docker container: builds (or reuses) its image, starts the container with
 * the agent host as its entrypoint, receives the host's envelopes over the event channel, and
 * removes the container when the run ends, fails or is stopped. A run can also outlive its
 * server: `detach` lets go of a running container, and a later process's runner for the same
 * run `adopt`s it.
 */
export class ContainerAgentRunner implements AgentRunner {
  readonly mode = 'container' as const;

  private readonly logger: Logger;
  private readonly abort = new AbortController();
  /** Ends the follow-up of the container (its wait and output) without touching it. */
  private readonly watch = new AbortController();
  private readonly gate = new ReadyGate();
  private readonly tail = new TailBuffer();
  private starting: Promise<RunEndpoint> | undefined;
  private adopting: Promise<RunEndpoint | undefined> | undefined;
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
    this.logger = context.logger;
  }

  start(): Promise<RunEndpoint> {
    this.starting ??= this.run();
    return this.starting;
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  /**
   * Takes over the container of this run that an earlier server process left running: the
   * channel accepts its host's reconnect with the secret it already holds and tells it the last
   * seq already stored, so it resends only the rest. Resolves undefined when no container of the
   * run runs any more; rejects, removing the container, when its host does not answer.
   */
  adopt(lastSeq: number): Promise<RunEndpoint | undefined> {
    this.adopting ??= this.takeOver(lastSeq);
    return this.adopting;
  }

  /**
   * Lets go of the run and leaves its container running: the channel registration, the output
   * and the wait on the container end, nothing else. The host keeps what was not acknowledged
   * and reconnects with backoff, until a later server process adopts the run.
   */
  async detach(): Promise<void> {
    const { output, registration } = this;
    this.container = undefined;
    this.output = undefined;
    this.registration = undefined;
    this.watch.abort(new Error('detached'));
    output?.close();
    registration?.close();
    this.logger.info({ runId: this.context.runId }, 'container left running');
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
      // A single step: the build's own count, still on the card, no longer says what happens.
      const launch = { step: 'launch', label: 'Starting container', current: 1, total: 1 };
      this.context.onMessage({ type: 'progress', progress: launch });
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
      instanceId: this.settings.instanceId,
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
    const exited = container.wait({ condition: 'next-exit', abortSignal: this.watch.signal });
    void this.watchExit(container, exited, log);
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

  private async takeOver(lastSeq: number): Promise<RunEndpoint | undefined> {
    const { agent, runId } = this.context;
    try {
      this.throwIfStopped();
      const channel = await this.preconditions();
      const found = await findAdoptableContainer(this.docker, runId, this.settings.instanceId);
      this.throwIfStopped();
      if (!found) return undefined;
      const { container, secret, port, imageTag } = found;
      this.container = container;
      const log = this.logger.child({ containerId: container.id.slice(0, 12) });

      const onEnvelope = (e: Envelope) => this.onEnvelope(e);
      this.registration = channel.register(agent.id, runId, onEnvelope, { secret, lastSeq });
      this.output = await attachOutput(this.docker, container, (stream, line) => {
        this.tail.add(line);
        emitLog(this.context, stream, line);
      });
      const exited = container.wait({ condition: 'not-running', abortSignal: this.watch.signal });
      void this.watchExit(container, exited, log);

      // No `ready` envelope comes again: the host sent it to the server that started it.
      this.gate.ready();
      const baseUrl = `http://127.0.0.1:${port}`;
      await this.gate.wait(baseUrl, Math.min(ADOPT_HEALTH_MS, this.settings.startTimeoutMs));
      this.throwIfStopped();
      this.ready = true;
      log.info({ port, lastSeq }, 'container adopted');
      return { baseUrl, port, containerId: container.id, imageTag };
    } catch (error) {
      const failure = this.explain(error, 'taken over');
      await this.cleanUp();
      throw failure;
    }
  }

  /** Resolves once the server has stored the envelope; the channel acknowledges it only then. */
  private onEnvelope(envelope: Envelope): void | Promise<void> {
    const stored = this.context.onMessage({ type: 'envelope', envelope });
    if (envelope.kind === 'ready') this.gate.ready();
    return stored;
  }

  /** Before ready, an exit fails the start with the host's last words; after, it ends the run. */
  private async watchExit(
    container: Docker.Container,
    exited: Promise<unknown>,
    log: Logger,
  ): Promise<void> {
    const exit = await followExit(container, exited, this.watch.signal, log);
    if (!exit || this.abort.signal.aborted || this.watch.signal.aborted) return;
    await this.drainOutput();
    log.info(exit, 'container exited');
    if (!this.ready) {
      this.gate.fail(this.hostExited(exit.exitCode));
      return;
    }
    // An adopted run is reported running once `adopt` resolves; its exit must come after that.
    await this.adopting?.catch(() => undefined);
    // Removed first, so that a run reported as exited has no container left to find.
    await this.cleanUp();
    this.context.onMessage({ type: 'exit', ...exit });
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
    return new RunnerError('host_exited', hostExitReason(exitCode, this.tail.snapshot()));
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
    await this.adopting?.catch(() => undefined);
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
    this.watch.abort(new Error('cleaned up'));
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

  private explain(error: unknown, what = 'started'): RunnerError {
    if (this.abort.signal.aborted) {
      const reason: unknown = this.abort.signal.reason;
      return reason instanceof RunnerError ? reason : new RunnerError('stopped', 'stopped');
    }
    if (error instanceof RunnerError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const code = this.container ? 'host_exited' : 'prepare_failed';
    return new RunnerError(code, `the container could not be ${what}: ${message}`, {
      cause: error,
    });
  }
}
