import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  bridgeGatewayAddress,
  ContainerAgentRunner,
  dockerClient,
  silentLogger,
  type AgentSpec,
} from '@mooring/runners';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config/repo-root';
import { AgentEventChannel } from './agent-event-channel';
import {
  agentTexts,
  BURST_DIR,
  chatWithHost,
  containerSettings,
  containersOfRun,
  eventually,
  recorder,
  removeAgentImages,
  weatherAgent,
  SKIP_DOCKER,
  SKIP_NOTE,
} from '../testing/docker-kit';
import { partKind } from '@mooring/runners/testing';
import { startAgentEventListener, type AgentEventListener } from './agent-event-listener';

const MINUTES = 60_000;
const APP = 'weather_assistant';
const BURST_ID = 'burst_cut';

/** The benchmark's agent under an id of its own, so its image is this test's alone. */
const burstAgent: AgentSpec = {
  id: BURST_ID,
  name: 'burst',
  agentsDir: BURST_DIR,
  appName: 'burst',
  projectDir: path.join(BURST_DIR, 'burst'),
  env: {},
};

describe.skipIf(SKIP_DOCKER)(`container events over the real channel${SKIP_NOTE}`, () => {
  let channel: AgentEventChannel;
  let listener: AgentEventListener;

  beforeAll(async () => {
    channel = new AgentEventChannel({ logger: silentLogger });
    listener = await startAgentEventListener(channel, { host: await bridgeGatewayAddress() });
  });

  afterAll(async () => {
    channel?.close();
    await listener?.close();
    await removeAgentImages(['own_dice', BURST_ID]);
  });

  it(
    'streams call, response and text events of the weather agent in order, then cleans up',
    async () => {
      const run = recorder(`run-${Date.now()}`);
      const runner = new ContainerAgentRunner(run.context, containerSettings(channel));
      const { envelopes } = run;

      const endpoint = await runner.start();
      try {
        expect(endpoint.containerId).toBeTruthy();
        expect(endpoint.imageTag).toMatch(/^mooring\/weather_assistant:[0-9a-f]{12}$/);
        expect(envelopes()[0]?.kind).toBe('ready');

        await chatWithHost(endpoint.baseUrl, APP, 'Weather in Paris?');
        await eventually(() => envelopes().some((e) => e.kind === 'run-finished'), 'run end');

        const kinds = envelopes().flatMap(partKind);
        const call = kinds.indexOf('function-call');
        const response = kinds.indexOf('function-response');
        expect(call).toBeGreaterThanOrEqual(0);
        expect(response).toBeGreaterThan(call);
        expect(kinds.lastIndexOf('text')).toBeGreaterThan(response);
        const seqs = envelopes().map((e) => e.seq);
        expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      } finally {
        await runner.stop();
      }

      expect(await containersOfRun(run.context.runId)).toEqual([]);
      expect(run.messages.some((m) => m.type === 'exit')).toBe(false);
    },
    15 * MINUTES,
  );

  it(
    'reuses the image on the next start, and reports an exit when the container dies',
    async () => {
      const run = recorder(`run-${Date.now()}`);
      const runner = new ContainerAgentRunner(run.context, containerSettings(channel));
      const started = Date.now();
      const endpoint = await runner.start();
      try {
        expect(Date.now() - started).toBeLessThan(60_000);
        expect(run.logText()).toContain('image reused');
        const steps = run.messages.flatMap((m) => (m.type === 'progress' ? [m.progress.step] : []));
        expect(steps).toEqual(['launch']);

        await dockerClient()
          .getContainer(endpoint.containerId ?? '')
          .kill({ signal: 'SIGKILL' });
        await eventually(() => run.messages.some((m) => m.type === 'exit'), 'the exit message');
        expect(run.messages.find((m) => m.type === 'exit')).toMatchObject({ exitCode: 137 });
      } finally {
        await runner.stop();
      }
      expect(await containersOfRun(run.context.runId)).toEqual([]);
    },
    15 * MINUTES,
  );

  it(
    "loses and repeats nothing when the host's socket is cut three times mid-stream",
    async () => {
      const count = 600;
      const run = recorder(`run-${Date.now()}`, burstAgent);
      const { runId } = run.context;
      const runner = new ContainerAgentRunner(run.context, containerSettings(channel));
      const before = channel.counters;
      const events = () => run.envelopes().filter((e) => e.kind === 'event');
      const deliveredAtCuts: number[] = [];

      /** Waits for `delivered` events, then for a connection to cut (the host may be away). */
      const cutAfter = async (delivered: number) => {
        await eventually(() => events().length >= delivered, `${delivered} events`);
        await eventually(() => channel.disconnect(runId), 'a connection to cut');
        deliveredAtCuts.push(events().length);
      };

      const endpoint = await runner.start();
      try {
        const turn = chatWithHost(endpoint.baseUrl, 'burst', `${count} 2`);
        const cuts = (async () => {
          for (const delivered of [100, 250, 400]) await cutAfter(delivered);
        })();
        await Promise.all([turn, cuts]);
        expect(deliveredAtCuts.every((delivered) => delivered < count)).toBe(true);
        await eventually(() => run.envelopes().some((e) => e.kind === 'run-finished'), 'run end');

        const all = run.envelopes();
        expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
        // ready, the user's turn, the chunks, run-finished
        expect(all.length).toBe(count + 3);
        expect(all[0]?.kind).toBe('ready');
        expect(all.at(-1)?.kind).toBe('run-finished');
        const chunks = agentTexts(events());
        expect(chunks).toEqual(Array.from({ length: count }, (_, i) => `chunk ${i}`));
        expect(channel.counters.gaps).toBe(before.gaps);
        expect(channel.counters.delivered - before.delivered).toBe(count + 3);
      } finally {
        await runner.stop();
      }
      expect(await containersOfRun(runId)).toEqual([]);
    },
    15 * MINUTES,
  );

  it(
    "builds an agent's own Dockerfile with the host added, as the file's user",
    async () => {
      const agentsDir = await mkdtemp(path.join(tmpdir(), 'mooring-own-'));
      const projectDir = path.join(agentsDir, 'story_dice');
      await cp(path.join(REPO_ROOT, 'agents', 'story_dice'), projectDir, { recursive: true });
      await writeFile(path.join(projectDir, 'Dockerfile'), ownDockerfile());
      const agent = {
        ...weatherAgent,
        id: 'own_dice',
        appName: 'story_dice',
        agentsDir,
        projectDir,
      };
      const run = recorder(`run-${Date.now()}`, agent);
      const runner = new ContainerAgentRunner(run.context, containerSettings(channel));
      try {
        const endpoint = await runner.start();
        expect(run.logText()).toContain("from the agent's Dockerfile");
        const info = await dockerClient()
          .getContainer(endpoint.containerId ?? '')
          .inspect();
        expect(info.Config.User).toBe('dice');
        const health = await fetch(`${endpoint.baseUrl}/health`);
        expect(health.ok).toBe(true);
      } finally {
        await runner.stop();
        await rm(agentsDir, { recursive: true, force: true });
      }
      expect(await containersOfRun(run.context.runId)).toEqual([]);
    },
    15 * MINUTES,
  );
});

function ownDockerfile(): string {
  const base = process.env.MOORING_BASE_IMAGE ?? 'mooring/python-base:bookworm';
  return [
    `FROM ${base}`,
    'RUN python3 -m venv /opt/dice && useradd --create-home dice',
    'ENV PATH=/opt/dice/bin:$PATH',
    'COPY requirements.txt /tmp/requirements.txt',
    'RUN pip install --no-cache-dir -r /tmp/requirements.txt',
    'USER dice',
    'CMD ["python3", "-c", "print(1)"]',
    '',
  ].join('\n');
}
