import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AgentSpec } from '../agent-spec';
import { runProcess, type ProcessResult } from '../shared/run-process';

/** uv when it can be found (fast, one shared cache), otherwise the standard venv and pip. */
export type Installer = { kind: 'uv'; uv: string } | { kind: 'pip' };

type Step = { signal: AbortSignal; onLine: (line: string) => void };

/** Looks for uv where the settings point (Mooring's own copy), then on the PATH. */
export async function findInstaller(preferred: string | undefined): Promise<Installer> {
  const candidates = [
    preferred,
    ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'uv')),
  ];
  for (const candidate of candidates) {
    if (candidate && (await executable(candidate))) return { kind: 'uv', uv: candidate };
  }
  return { kind: 'pip' };
}

export function createEnvironment(
  installer: Installer,
  basePython: string,
  dir: string,
  step: Step,
): Promise<ProcessResult> {
  if (installer.kind === 'uv') {
    return runProcess(
      installer.uv,
      ['venv', '--quiet', '--python', basePython, dir],
      opts(step),
      step.onLine,
    );
  }
  return runProcess(basePython, ['-m', 'venv', dir], opts(step), step.onLine);
}

/**
 * Installs the agent's dependencies and the agent host in one resolver pass, so the host's own
 * requirements cannot silently downgrade what the agent asked for.
 */
export function installDependencies(
  installer: Installer,
  python: string,
  agent: AgentSpec,
  agentHostDir: string,
  dependencyFile: string | undefined,
  step: Step,
): Promise<ProcessResult> {
  const requirement = dependencyArgs(installer, agent, dependencyFile);
  if (installer.kind === 'uv') {
    const args = ['pip', 'install', '--python', python, ...requirement, agentHostDir];
    // uv caches builds of local folders by their metadata files; the host's sources change
    // without those, so its build is always refreshed.
    args.push('--refresh-package', 'mooring-agent-host');
    // Compiled up front: ADK is large, and with PYTHONDONTWRITEBYTECODE set (as on some
    // machines) every start would otherwise compile it again.
    args.push('--compile-bytecode');
    return runProcess(installer.uv, args, opts(step), step.onLine);
  }
  const args = ['-m', 'pip', 'install', '--disable-pip-version-check', ...requirement];
  return runProcess(python, [...args, agentHostDir], opts(step), step.onLine);
}

function dependencyArgs(installer: Installer, agent: AgentSpec, file: string | undefined) {
  if (!file) return [];
  if (path.basename(file) === 'requirements.txt') return ['-r', file];
  // uv reads the dependency list of a pyproject.toml directly; pip has to install the project.
  return installer.kind === 'uv' ? ['-r', file] : [agent.projectDir];
}

function opts(step: Step) {
  const env = { ...process.env, UV_PYTHON_DOWNLOADS: 'never', PIP_NO_INPUT: '1' };
  return { env, signal: step.signal };
}

async function executable(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
