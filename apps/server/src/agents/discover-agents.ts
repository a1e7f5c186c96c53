import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AgentEntry } from './agent-entry';
import { readDescription } from './read-description';

const PROJECT_FILES = ['requirements.txt', 'pyproject.toml'];
const SKIPPED = new Set(['node_modules', '__pycache__', 'venv', 'site-packages', 'dist', 'build']);
const MAX_DEPTH = 4;

type Found = Omit<AgentEntry, 'spec' | 'root'> & {
  agentsDir: string;
  appName: string;
  projectDir: string;
};

/**
 * Finds the agents under each root in the layouts ADK users have: an `adk create` folder
 * (`agent.py` defining `root_agent`), a project folder whose dependency file sits beside a
 * package holding `agent.py`, and a `root_agent.yaml` config agent. Other folders are skipped.
 */
export async function discoverAgents(
  roots: readonly string[],
  agentEnv: Record<string, Record<string, string>> = {},
): Promise<AgentEntry[]> {
  const entries: AgentEntry[] = [];
  const taken = new Set<string>();
  for (const root of roots) {
    const label = path.basename(root);
    const found = existsSync(root) ? await walk(root, root, 0) : [];
    for (const agent of found.sort((a, b) => a.path.localeCompare(b.path))) {
      let id = toId(agent.path === '.' ? label : agent.path);
      if (taken.has(id)) id = toId(`${label}.${agent.path}`);
      taken.add(id);
      const { agentsDir, appName, projectDir, ...view } = agent;
      const env = agentEnv[id] ?? {};
      entries.push({
        ...view,
        root: label,
        spec: { id, name: path.basename(projectDir), agentsDir, appName, projectDir, env },
      });
    }
  }
  return entries;
}

async function walk(root: string, dir: string, depth: number): Promise<Found[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const own = await agentAt(dir);
  if (own) return [await describe(root, dir, path.dirname(dir), own)];

  const children = await subdirectories(dir, names);
  if (PROJECT_FILES.some((file) => names.includes(file))) {
    const packages: Found[] = [];
    for (const child of children) {
      const kind = await agentAt(child);
      if (kind) packages.push(await describe(root, dir, dir, kind, child));
    }
    if (packages.length > 0) return packages;
  }
  if (depth >= MAX_DEPTH) return [];
  const nested = await Promise.all(children.map((child) => walk(root, child, depth + 1)));
  return nested.flat();
}

async function agentAt(dir: string): Promise<'python' | 'config' | undefined> {
  if (existsSync(path.join(dir, 'root_agent.yaml'))) return 'config';
  const agentFile = path.join(dir, 'agent.py');
  if (!existsSync(agentFile)) return undefined;
  const source = await readFile(agentFile, 'utf8').catch(() => '');
  return /\broot_agent\b/.test(source) ? 'python' : undefined;
}

async function describe(
  root: string,
  projectDir: string,
  agentsDir: string,
  kind: 'python' | 'config',
  agentDir = projectDir,
): Promise<Found> {
  const definition = kind === 'config' ? 'root_agent.yaml' : 'agent.py';
  return {
    agentsDir,
    appName: path.basename(agentDir),
    projectDir,
    path: path.relative(root, projectDir) || '.',
    kind,
    description: await readDescription(path.join(agentDir, definition)),
    hasDockerfile: existsSync(path.join(projectDir, 'Dockerfile')),
  };
}

async function subdirectories(dir: string, names: string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const visible = new Set(names.filter((name) => !name.startsWith('.') && !SKIPPED.has(name)));
  return entries
    .filter((entry) => entry.isDirectory() && visible.has(entry.name))
    .map((entry) => path.join(dir, entry.name));
}

function toId(relativePath: string): string {
  return relativePath
    .split(path.sep)
    .map((part) => part.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+/, ''))
    .filter(Boolean)
    .join('.');
}
