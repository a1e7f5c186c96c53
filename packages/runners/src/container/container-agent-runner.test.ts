import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { RunnerError } from '../runner-error';
import { recordingContext, testSettings } from '../testing/test-settings';
import { ContainerAgentRunner } from './container-agent-runner';
import { tempAgent, unreachableChannel } from './container-test-kit';

const noDaemon = new Docker({ socketPath: '/nonexistent/docker.sock' });

describe('ContainerAgentRunner without a daemon', () => {
  it('fails with docker_unavailable and a reason', async () => {
    const run = recordingContext(await tempAgent('lonely', { 'agent.py': '' }));
    const settings = testSettings({ eventChannel: unreachableChannel() });
    const runner = new ContainerAgentRunner(run.context, settings, noDaemon);
    const error = await runner.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect(error).toMatchObject({ code: 'docker_unavailable' });
    expect((error as Error).message).toContain('no Docker daemon answers');
    expect(run.messages[0]).toEqual({ type: 'phase', phase: 'preparing' });
    await runner.stop();
    await runner.stop();
  });

  it('fails with prepare_failed when no event channel is configured', async () => {
    const run = recordingContext(await tempAgent('lonely', { 'agent.py': '' }));
    const runner = new ContainerAgentRunner(run.context, testSettings(), noDaemon);
    await expect(runner.start()).rejects.toMatchObject({ code: 'prepare_failed' });
  });

  it('rejects with stopped when stopped before it began', async () => {
    const run = recordingContext(await tempAgent('lonely', { 'agent.py': '' }));
    const settings = testSettings({ eventChannel: unreachableChannel() });
    const runner = new ContainerAgentRunner(run.context, settings, noDaemon);
    await runner.stop();
    await expect(runner.start()).rejects.toMatchObject({ code: 'stopped' });
  });
});
