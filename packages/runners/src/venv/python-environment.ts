import { execFile } from 'node:child_process';
import { access, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AgentSpec } from '../agent-spec';
import { contentHash } from '../shared/content-hash';

const run = promisify(execFile);

/** The files whose content decides whether an agent's environment can be reused. */
export const DEPENDENCY_FILES = ['requirements.txt', 'pyproject.toml', 'uv.lock', 'setup.py'];

/** Written last, so a half-built environment is never mistaken for a finished one. */
export const READY_MARKER = '.mooring-ready';

export type EnvironmentPlan = {
  dir: string;
  python: string;
  key: string;
  /** Folder of the agent's own environments, where stale ones are pruned. */
  parentDir: string;
};

/**
 * Where the agent's environment lives and under which key: one per agent, outside its folder,
 * named by a hash of its dependency files, the agent host's own sources and the Python version.
 */
export async function planEnvironment(
  agent: AgentSpec,
  settings: { dataDir: string; agentHostDir: string; python: string },
): Promise<EnvironmentPlan> {
  const version = await pythonVersion(settings.python);
  const key = await contentHash([
    ...DEPENDENCY_FILES.map((name) => ({ file: path.join(agent.projectDir, name) })),
    // What gets installed of the host: its metadata and its sources, not its tests or caches.
    { file: path.join(settings.agentHostDir, 'pyproject.toml') },
    { dir: path.join(settings.agentHostDir, 'src') },
    { text: version },
    // Bumped when the way environments are built changes, so old ones are rebuilt.
    { text: 'recipe 2: bytecode compiled' },
  ]);
  const parentDir = path.join(settings.dataDir, 'venvs', agent.id);
  const dir = path.join(parentDir, key.slice(0, 16));
  return { dir, python: path.join(dir, 'bin', 'python'), key, parentDir };
}

export async function isReady(plan: EnvironmentPlan): Promise<boolean> {
  return access(path.join(plan.dir, READY_MARKER)).then(
    () => true,
    () => false,
  );
}

export async function markReady(plan: EnvironmentPlan): Promise<void> {
  await writeFile(path.join(plan.dir, READY_MARKER), `${plan.key}\n`);
}

/** Removes the agent's other environments once a newer one is complete. */
export async function pruneOthers(plan: EnvironmentPlan): Promise<void> {
  const keep = path.basename(plan.dir);
  const entries = await readdir(plan.parentDir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name !== keep)
      .map((name) => rm(path.join(plan.parentDir, name), { recursive: true, force: true })),
  );
}

export async function resetDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
}

async function pythonVersion(python: string): Promise<string> {
  const { stdout } = await run(python, ['-c', 'import sys; print(sys.version)']);
  return stdout.trim();
}
