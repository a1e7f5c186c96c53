import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope } from '@mooring/protocol';
import type { RunContext, RunnerSettings } from '../agent-runner';
import type { AgentSpec } from '../agent-spec';
import { silentLogger } from '../logger';
import type { RunnerMessage } from '../runner-message';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const FIXTURES = path.resolve(REPO_ROOT, 'packages/runners/test-fixtures');
export const BUNDLED = path.resolve(REPO_ROOT, 'agents');

/** Settings for tests: a data folder of their own, so they never touch a user's environments. */
export function testSettings(overrides: Partial<RunnerSettings> = {}): RunnerSettings {
  return {
    dataDir: path.join(REPO_ROOT, '.mooring', 'test-data'),
    agentHostDir: path.join(REPO_ROOT, 'packages', 'agent-host'),
    startTimeoutMs: 90_000,
    stopGraceMs: 3_000,
    venv: {
      python: process.env.MOORING_PYTHON ?? 'python3',
      uv: path.join(REPO_ROOT, '.mooring', 'tools', 'uv', 'bin', 'uv'),
    },
    container: {
      baseImage: process.env.MOORING_BASE_IMAGE ?? 'mooring/python-base:bookworm',
      memoryBytes: 1024 * 1024 * 1024,
      nanoCpus: 1e9,
      pidsLimit: 256,
    },
    ...overrides,
  };
}

/** An `adk create` style agent folder inside `parent`. */
export function folderAgent(parent: string, appName: string): AgentSpec {
  const projectDir = path.join(parent, appName);
  return { id: appName, name: appName, agentsDir: parent, appName, projectDir, env: {} };
}

/** A run context that records every message, for assertions. */
export function recordingContext(agent: AgentSpec, runId = `run-${Date.now()}`) {
  const messages: RunnerMessage[] = [];
  const context: RunContext = {
    runId,
    agent,
    logger: silentLogger,
    onMessage: (message) => {
      messages.push(message);
    },
  };
  const envelopes = () =>
    messages.flatMap((m): Envelope[] => (m.type === 'envelope' ? [m.envelope] : []));
  const logText = () => messages.flatMap((m) => (m.type === 'log' ? [m.log.line] : [])).join('\n');
  return { context, messages, envelopes, logText };
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(check: () => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
