import {
  bridgeGatewayAddress,
  ContainerAgentRunner,
  dockerClient,
  silentLogger,
} from '@mooring/runners';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatWithHost,
  containerSettings,
  containersOfRun,
  eventually,
  recorder,
  removeContainersOfRuns,
  seqsAreWhole,
  SKIP_DOCKER,
  SKIP_NOTE,
} from '../testing/docker-kit';
import { AgentEventChannel } from './agent-event-channel';
import { startAgentEventListener, type AgentEventListener } from './agent-event-listener';

const MINUTES = 60_000;
const APP = 'weather_assistant';

describe.skipIf(SKIP_DOCKER)(`adopting a running container${SKIP_NOTE}`, () => {
  let channel: AgentEventChannel;
  let listener: AgentEventListener;
  const runIds: string[] = [];

  beforeAll(async () => {
    channel = new AgentEventChannel({ logger: silentLogger });
    listener = await startAgentEventListener(channel, { host: await bridgeGatewayAddress() });
  });

  afterAll(async () => {
    channel?.close();
    await listener?.close();
    await removeContainersOfRuns(runIds);
  });

  it(
    'detaches without stopping, then a new runner adopts it and misses no event',
    async () => {
      const runId = `adopt-${Date.now()}`;
      runIds.push(runId);
      const first = recorder(runId);
      const starter = new ContainerAgentRunner(first.context, containerSettings(channel));
      const started = await starter.start();
      const session = await chatWithHost(started.baseUrl, APP, 'Weather in Paris?');
      await eventually(() => first.envelopes().some((e) => e.kind === 'run-finished'), 'a turn');
      await starter.detach();
      const stored = first.envelopes().length;

      // The host keeps what nobody acknowledges while no server listens for this run.
      await chatWithHost(started.baseUrl, APP, 'And in Tokyo?', session);
      const info = await dockerClient()
        .getContainer(started.containerId ?? '')
        .inspect();
      expect(info.State.Running).toBe(true);
      expect(first.envelopes()).toHaveLength(stored);

      const second = recorder(runId);
      const adopter = new ContainerAgentRunner(second.context, containerSettings(channel));
      try {
        const adopted = await adopter.adopt(stored);
        expect(adopted).toEqual(started);
        if (!adopted) return;
        await eventually(() => second.envelopes().some((e) => e.kind === 'run-finished'), 'resend');
        const all = [...first.envelopes(), ...second.envelopes()];
        expect(seqsAreWhole(all)).toBe(true);
        expect(second.envelopes()[0]?.seq).toBe(stored + 1);

        await chatWithHost(adopted.baseUrl, APP, 'And in Oslo?', session);
        const finished = () => second.envelopes().filter((e) => e.kind === 'run-finished');
        await eventually(() => finished().length === 2, 'a turn after adoption');

        await dockerClient()
          .getContainer(adopted.containerId ?? '')
          .kill({ signal: 'SIGKILL' });
        await eventually(() => second.messages.some((m) => m.type === 'exit'), 'the exit');
        expect(second.messages.find((m) => m.type === 'exit')).toMatchObject({ exitCode: 137 });
      } finally {
        await adopter.stop();
      }
      expect(await containersOfRun(runId)).toEqual([]);
      expect(seqsAreWhole([...first.envelopes(), ...second.envelopes()])).toBe(true);
    },
    10 * MINUTES,
  );

  it('adopts nothing when the run has no running container', async () => {
    const run = recorder(`adopt-none-${Date.now()}`);
    const runner = new ContainerAgentRunner(run.context, containerSettings(channel));
    expect(await runner.adopt(0)).toBeUndefined();
    await runner.stop();
  });
});
