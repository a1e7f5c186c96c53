import { afterAll, describe, expect, it } from 'vitest';
import { RunnerError } from '../runner-error';
import { eventually, recordingContext, testSettings } from '../testing/test-settings';
import { ContainerAgentRunner } from './container-agent-runner';
import { dockerClient } from './docker-client';
import {
  containersOfRun,
  removeAgentImages,
  SKIP_DOCKER,
  SKIP_NOTE,
  tempAgent,
  unreachableChannel,
} from './container-test-kit';

const MINUTES = 60_000;
const TEST_AGENTS = [
  'broken_build',
  'exits_early',
  'slow_build',
  'never_ready',
  'stopped_while_starting',
];
const settings = testSettings({ eventChannel: unreachableChannel() });

/** Containers the classic builder runs steps in; they carry no labels of ours. */
async function buildContainers(): Promise<string[]> {
  const all = await dockerClient().listContainers({ all: true });
  return all.filter((c) => c.Command.includes('slow-step-begins')).map((c) => c.Id);
}

/** Polls until no build container is left or the time is up; returns what is left. */
async function buildContainersAfter(ms: number): Promise<string[]> {
  const deadline = Date.now() + ms;
  let left = await buildContainers();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    left = await buildContainers();
  }
  return left;
}

async function startFailure(runner: ContainerAgentRunner): Promise<RunnerError> {
  const error: unknown = await runner.start().then(
    () => new Error('the start should have failed'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(RunnerError);
  return error as RunnerError;
}

describe.skipIf(SKIP_DOCKER)(`ContainerAgentRunner against a real daemon${SKIP_NOTE}`, () => {
  afterAll(async () => {
    await removeAgentImages(TEST_AGENTS);
  });

  it(
    'fails a broken build with prepare_failed, its output in the logs and nothing left over',
    async () => {
      const agent = await tempAgent('broken_build', {
        'agent.py': 'root_agent = None\n',
        Dockerfile: `FROM ${settings.container.baseImage}\nRUN echo "step-went-wrong" && exit 3\n`,
      });
      const run = recordingContext(agent);
      const runner = new ContainerAgentRunner(run.context, settings);

      const error = await startFailure(runner);
      expect(error.code).toBe('prepare_failed');
      expect(error.message).toContain('non-zero code: 3');
      expect(run.logText()).toContain('step-went-wrong');
      expect(run.messages.some((m) => m.type === 'progress')).toBe(true);
      expect(await containersOfRun(run.context.runId)).toEqual([]);
      await runner.stop();
    },
    5 * MINUTES,
  );

  it(
    'fails with host_exited and the host output when the agent cannot load',
    async () => {
      const agent = await tempAgent('exits_early', {
        '__init__.py': 'from . import agent\n',
        'agent.py': 'raise RuntimeError("agent-refuses-to-load")\n',
      });
      const run = recordingContext(agent);
      const runner = new ContainerAgentRunner(run.context, settings);

      const started = Date.now();
      const error = await startFailure(runner);
      expect(error.code).toBe('host_exited');
      expect(error.message).toContain('agent-refuses-to-load');
      expect(run.logText()).toContain('agent-refuses-to-load');
      expect(await containersOfRun(run.context.runId)).toEqual([]);
      expect(Date.now() - started).toBeLessThan(15 * MINUTES);
      await runner.stop();
    },
    15 * MINUTES,
  );

  it(
    'fails with host_exited and the shell error when the host cannot even be found',
    async () => {
      const agent = await tempAgent('exits_early', {
        '__init__.py': 'from . import agent\n',
        'agent.py': 'raise RuntimeError("agent-refuses-to-load")\n',
      });
      agent.env = { PATH: '/nowhere' };
      const run = recordingContext(agent);
      const runner = new ContainerAgentRunner(run.context, settings);
      const error = await startFailure(runner);
      expect(error.code).toBe('host_exited');
      expect(error.message).toMatch(/code 127[\s\S]*python3: not found/);
      expect(await containersOfRun(run.context.runId)).toEqual([]);
    },
    15 * MINUTES,
  );

  it(
    'stops during a build: start rejects with stopped, stop is safe twice, nothing is left',
    async () => {
      const agent = await tempAgent('slow_build', {
        'agent.py': 'root_agent = None\n',
        Dockerfile: `FROM ${settings.container.baseImage}\nRUN echo slow-step-begins && sleep 60\n`,
      });
      const run = recordingContext(agent);
      const runner = new ContainerAgentRunner(run.context, settings);
      const starting = startFailure(runner);
      await eventually(() => run.logText().includes('slow-step-begins'), 'the slow step', MINUTES);

      const stopped = Date.now();
      await Promise.all([runner.stop(), runner.stop()]);
      const error = await starting;
      expect(error.code).toBe('stopped');
      expect(Date.now() - stopped).toBeLessThan(20_000);
      expect(await containersOfRun(run.context.runId)).toEqual([]);
      expect(await buildContainersAfter(10_000)).toEqual([]);
    },
    5 * MINUTES,
  );

  it(
    'gives up with start_timeout when no ready event comes, and removes the container',
    async () => {
      const agent = await tempAgent('never_ready', {
        '__init__.py': 'from . import agent\n',
        'agent.py': 'from google.adk.agents import LlmAgent\nroot_agent = LlmAgent(name="x")\n',
      });
      const run = recordingContext(agent);
      const quick = { ...settings, startTimeoutMs: 4_000 };
      const runner = new ContainerAgentRunner(run.context, quick);
      const error = await startFailure(runner);
      expect(error.code).toBe('start_timeout');
      expect(await containersOfRun(run.context.runId)).toEqual([]);
    },
    15 * MINUTES,
  );

  it(
    'stops while waiting for ready: start rejects with stopped and the container is gone',
    async () => {
      const agent = await tempAgent('stopped_while_starting', {
        '__init__.py': 'from . import agent\n',
        'agent.py': 'from google.adk.agents import LlmAgent\nroot_agent = LlmAgent(name="x")\n',
      });
      const run = recordingContext(agent);
      const runner = new ContainerAgentRunner(run.context, settings);
      const starting = startFailure(runner);
      await eventually(
        () => run.messages.some((m) => m.type === 'phase' && m.phase === 'starting'),
        'the starting phase',
        10 * MINUTES,
      );
      await runner.stop();
      expect((await starting).code).toBe('stopped');
      expect(await containersOfRun(run.context.runId)).toEqual([]);
      await runner.stop();
    },
    15 * MINUTES,
  );
});
