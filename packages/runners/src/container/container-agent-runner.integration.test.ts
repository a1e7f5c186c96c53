import { describe, expect, it } from 'vitest';
import { RunnerError } from '../runner-error';
import { recordingContext, testSettings } from '../testing/test-settings';
import { ContainerAgentRunner } from './container-agent-runner';
import {
  containersOfRun,
  SKIP_DOCKER,
  SKIP_NOTE,
  tempAgent,
  unreachableChannel,
} from './container-test-kit';

const MINUTES = 60_000;
const settings = testSettings({ eventChannel: unreachableChannel() });

async function startFailure(runner: ContainerAgentRunner): Promise<RunnerError> {
  const error: unknown = await runner.start().then(
    () => new Error('the start should have failed'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(RunnerError);
  return error as RunnerError;
}

describe.skipIf(SKIP_DOCKER)(`ContainerAgentRunner against a real daemon${SKIP_NOTE}`, () => {
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
});
