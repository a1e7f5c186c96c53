import path from 'node:path';
import type { Envelope } from '@mooring/protocol';
import {
  dockerClient,
  type AgentSpec,
  type EventChannel,
  type RunnerSettings,
} from '@mooring/runners';
import { containersOfRun, recordingContext, SKIP_DOCKER } from '@mooring/runners/testing';
import { REPO_ROOT } from '../config/repo-root';

export {
  chatWithHost,
  containersOfRun,
  eventually,
  removeAgentImages,
  SKIP_DOCKER,
} from '@mooring/runners/testing';

export const SKIP_NOTE = SKIP_DOCKER ? ' (skipped: MOORING_SKIP_DOCKER=1)' : '';
export const BASE_IMAGE = process.env.MOORING_BASE_IMAGE ?? 'mooring/python-base:bookworm';
export const BURST_DIR = path.join(REPO_ROOT, 'apps', 'server', 'bench', 'agents');

export const weatherAgent: AgentSpec = {
  id: 'weather_assistant',
  name: 'weather_assistant',
  agentsDir: path.join(REPO_ROOT, 'agents'),
  appName: 'weather_assistant',
  projectDir: path.join(REPO_ROOT, 'agents', 'weather_assistant'),
  env: {},
};

/** Runner settings for container tests, with the test's own channel. */
export function containerSettings(channel: EventChannel): RunnerSettings {
  return {
    dataDir: path.join(REPO_ROOT, '.mooring', 'test-data'),
    agentHostDir: path.join(REPO_ROOT, 'packages', 'agent-host'),
    startTimeoutMs: 120_000,
    stopGraceMs: 3_000,
    venv: { python: 'python3' },
    container: { baseImage: BASE_IMAGE, memoryBytes: 1024 ** 3, nanoCpus: 1e9, pidsLimit: 256 },
    eventChannel: channel,
  };
}

/** A recording run context for `agent`, by default the weather agent. */
export function recorder(runId: string, agent: AgentSpec = weatherAgent) {
  return recordingContext(agent, runId);
}

/** Removes every container of these runs; for clean-up after a failed test. */
export async function removeContainersOfRuns(runIds: readonly string[]): Promise<void> {
  for (const runId of runIds) {
    for (const id of await containersOfRun(runId)) {
      await dockerClient()
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
    }
  }
}

/** Whether a run's envelopes are numbered 1, 2, 3... with nothing missing or repeated. */
export function seqsAreWhole(envelopes: readonly { seq: number }[]): boolean {
  return envelopes.every((e, i) => e.seq === i + 1);
}

/** The text parts of a run's agent events, in order; the user's own turns are left out. */
export function agentTexts(envelopes: readonly Envelope[]): string[] {
  return envelopes.flatMap((envelope) => {
    if (envelope.kind !== 'event' || envelope.event.author === 'user') return [];
    const parts = (envelope.event as { content?: { parts?: { text?: string }[] } }).content?.parts;
    return (parts ?? []).flatMap((part) => (part.text ? [part.text] : []));
  });
}
