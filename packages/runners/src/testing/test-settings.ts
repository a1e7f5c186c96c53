import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunnerSettings } from '../agent-runner';
import type { AgentSpec } from '../agent-spec';

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

export { eventually, recordingContext } from './recording-context';
