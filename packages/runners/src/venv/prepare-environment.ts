import { access } from 'node:fs/promises';
import path from 'node:path';
import type { RunContext } from '../agent-runner';
import { RunnerError } from '../runner-error';
import { summarizeFailure } from '../shared/failure-summary';
import { createEnvironment, findInstaller, installDependencies, type Installer } from './installer';
import {
  DEPENDENCY_FILES,
  isReady,
  markReady,
  planEnvironment,
  pruneOthers,
  resetDir,
  type EnvironmentPlan,
} from './python-environment';

export const VENV_STEPS = 3;

type Settings = { dataDir: string; agentHostDir: string; python: string; uv?: string | undefined };

/**
 * Makes sure the agent has a finished environment, building it when its key is new. Reports
 * steps 1 and 2 of {@link VENV_STEPS}; the runner reports the last one, starting the host.
 */
export async function prepareEnvironment(
  context: RunContext,
  settings: Settings,
  signal: AbortSignal,
): Promise<EnvironmentPlan> {
  const { agent, onMessage } = context;
  const log = (line: string) =>
    onMessage({ type: 'log', log: { stream: 'install', line, ts: Date.now() } });
  const progress = (current: number, step: string, label: string) =>
    onMessage({ type: 'progress', progress: { step, label, current, total: VENV_STEPS } });

  const plan = await planEnvironment(agent, settings);
  if (await isReady(plan)) {
    progress(2, 'reuse', 'Reusing environment');
    log(`environment ${path.basename(plan.dir)} is up to date; reusing it`);
    return plan;
  }

  const installer = await findInstaller(settings.uv);
  const tool = installer.kind === 'uv' ? 'uv' : 'python -m venv and pip';
  progress(1, 'create', 'Creating environment');
  log(`creating environment ${plan.dir} with ${tool}`);
  await resetDir(plan.dir);
  await check(
    createEnvironment(installer, settings.python, plan.dir, { signal, onLine: log }),
    'could not create the environment',
  );

  progress(2, 'install', 'Installing dependencies');
  await install(context, installer, plan, settings, signal, log);
  await markReady(plan);
  await pruneOthers(plan);
  return plan;
}

async function install(
  context: RunContext,
  installer: Installer,
  plan: EnvironmentPlan,
  settings: Settings,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<void> {
  const file = await dependencyFile(context.agent.projectDir);
  log(file ? `installing ${path.basename(file)} and the agent host` : 'installing the agent host');
  const step = { signal, onLine: log };
  const install = installDependencies(
    installer,
    plan.python,
    context.agent,
    settings.agentHostDir,
    file,
    step,
  );
  await check(install, 'installing dependencies failed');
}

/** Installer output is long; its error line goes first and only its last lines follow. */
const REASON_TAIL_LINES = 8;

async function check(result: Promise<{ code: number; tail: string }>, message: string) {
  const { code, tail } = await result;
  if (code === 0) return;
  const summary = summarizeFailure(tail.split('\n'), REASON_TAIL_LINES);
  const failed = `${message} (exit code ${code})`;
  const headline = summary.cause === undefined ? failed : `${failed}: ${summary.cause}`;
  throw new RunnerError('prepare_failed', [headline, ...summary.tail].join('\n'));
}

async function dependencyFile(projectDir: string): Promise<string | undefined> {
  for (const name of DEPENDENCY_FILES.slice(0, 2)) {
    const file = path.join(projectDir, name);
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      return file;
  }
  return undefined;
}
