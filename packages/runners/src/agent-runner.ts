import type { RunMode } from '@mooring/protocol';
import type { AgentSpec } from './agent-spec';
import type { EventChannel } from './event-channel';
import type { Logger } from './logger';
import type { RunnerMessage } from './runner-message';

/** Where a ready agent host can be reached, and what runs it. */
export type RunEndpoint = {
  baseUrl: string;
  port: number;
  pid?: number;
  containerId?: string;
  imageTag?: string;
};

export type RunContext = {
  runId: string;
  agent: AgentSpec;
  logger: Logger;
  /** Resolves once the message is stored; container runs acknowledge envelopes only then. */
  onMessage(message: RunnerMessage): void | Promise<void>;
};

/**
 * Runs one agent once. `start` prepares the environment, launches the agent host and resolves
 * when it is ready; it rejects with a {@link RunnerError} and leaves nothing behind if it cannot.
 * `stop` is safe to call at any time, more than once, and while `start` is still under way.
 */
export interface AgentRunner {
  readonly mode: RunMode;
  start(): Promise<RunEndpoint>;
  stop(): Promise<void>;
  /**
   * Takes over a run that an earlier server process started and that still runs (container
   * mode only: a venv host dies with its server). Resolves undefined when there is nothing
   * left to take over. `lastSeq` is the last envelope already stored for the run.
   */
  adopt?(lastSeq: number): Promise<RunEndpoint | undefined>;
  /** Lets go of a run without stopping it, so a later server process can adopt it. */
  detach?(): Promise<void>;
}

/** Settings shared by all runners, filled from Mooring's configuration. */
export type RunnerSettings = {
  /** Where environments and build contexts are kept, outside every agent folder. */
  dataDir: string;
  /** The `packages/agent-host` folder, installed into every environment and image. */
  agentHostDir: string;
  startTimeoutMs: number;
  stopGraceMs: number;
  /** The base Python for new environments, and uv when it is installed. */
  venv: { python: string; uv?: string };
  container: {
    baseImage: string;
    memoryBytes: number;
    nanoCpus: number;
    pidsLimit: number;
  };
  /**
   * Names this Mooring (its store) on the containers it creates, so that on a shared daemon it
   * only ever adopts or removes its own.
   */
  instanceId?: string;
  /** Only container mode uses it; venv mode streams over a pipe. */
  eventChannel?: EventChannel;
};
