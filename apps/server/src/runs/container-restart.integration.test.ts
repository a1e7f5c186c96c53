import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Envelope, RunView } from '@mooring/protocol';
import { dockerClient } from '@mooring/runners';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config/repo-root';
import {
  BASE_IMAGE,
  BURST_DIR,
  chatWithHost,
  containersOfRun,
  removeAgentImages,
  removeContainersOfRuns,
  agentTexts,
  seqsAreWhole,
  SKIP_DOCKER,
  SKIP_NOTE,
} from '../testing/docker-kit';
import { ServerProcess } from '../testing/server-process';

const MINUTES = 60_000;
const WEATHER = 'weather_assistant';
/** The benchmark's agent under a name of its own, so its image is this test's alone. */
const BURST = 'burst_restart';
const BURST_COUNT = 400;

type History = { run: RunView; events: Envelope[]; chat: { role: string; text: string }[] };

const temps: string[] = [];
const servers: ServerProcess[] = [];
const runIds: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A server on its own data folder and ports, seeing the bundled agents and `burst_restart`. */
async function serverEnv(agentEventPort: number): Promise<Record<string, string>> {
  const burstRoot = await tempDir('mooring-burst-root-');
  await cp(path.join(BURST_DIR, 'burst'), path.join(burstRoot, BURST), { recursive: true });
  return {
    MOORING_DATA_DIR: await tempDir('mooring-adopt-data-'),
    MOORING_ROOTS: [path.join(REPO_ROOT, 'agents'), burstRoot].join(path.delimiter),
    MOORING_AGENT_EVENT_PORT: String(agentEventPort),
    MOORING_BASE_IMAGE: BASE_IMAGE,
  };
}

async function startServer(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const server = new ServerProcess(port, env);
  servers.push(server);
  await server.start();
  return server;
}

async function startContainer(server: ServerProcess, agentId: string): Promise<RunView> {
  const started = await server.json(`/api/agents/${agentId}/start`, {
    method: 'POST',
    body: JSON.stringify({ mode: 'container' }),
  });
  expect(started.run, JSON.stringify(started)).toBeDefined();
  runIds.push(started.run.id);
  const agent = await server.waitFor(
    `/api/agents/${agentId}`,
    (a) => a.status === 'running' || a.status === 'failed',
    10 * MINUTES,
  );
  expect(agent.status, agent.run?.reason).toBe('running');
  return agent.run as RunView;
}

async function chat(server: ServerProcess, agentId: string, message: string) {
  const reply = await server.json(`/api/agents/${agentId}/chat`, {
    method: 'POST',
    body: JSON.stringify({ message }),
  });
  expect(reply.text, JSON.stringify(reply)).toBeTruthy();
  return reply as { sessionId: string; text: string };
}

function history(server: ServerProcess, runId: string): Promise<History> {
  return server.json(`/api/runs/${runId}`) as Promise<History>;
}

const turnsFinished = (h: History) => h.events.filter((e) => e.kind === 'run-finished').length;

async function stopAndCheckGone(server: ServerProcess, agentId: string, runId: string) {
  const stopped = await server.json(`/api/agents/${agentId}/stop`, { method: 'POST' });
  expect(stopped.agent.status).toBe('stopped');
  expect(await containersOfRun(runId)).toEqual([]);
}

async function isRunning(containerId: string): Promise<boolean> {
  const info = await dockerClient().getContainer(containerId).inspect();
  return info.State.Running;
}

afterAll(async () => {
  for (const server of servers) await server.kill('SIGKILL');
  await removeContainersOfRuns(runIds);
  await removeAgentImages([BURST]);
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(SKIP_DOCKER)(`container runs across a server restart${SKIP_NOTE}`, () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    env = await serverEnv(4392);
  });

  it(
    'SIGKILL: the next server adopts the runs, with every event stored once and in order',
    async () => {
      const first = await startServer(4391, env);
      const weather = await startContainer(first, WEATHER);
      const firstTurn = await chat(first, WEATHER, 'Weather in Paris?');
      expect(firstTurn.sessionId).toBe(weather.sessionId);
      const burst = await startContainer(first, BURST);

      // A paced turn, asked of the host directly, goes on emitting after the server is killed.
      const burstTurn = chatWithHost(`http://127.0.0.1:${burst.port}`, BURST, `${BURST_COUNT} 5`);
      const atKill: History = await first.waitFor(
        `/api/runs/${burst.id}`,
        (h: History) => h.events.length > 100,
      );
      await first.kill('SIGKILL');
      expect(atKill.events.length).toBeLessThan(BURST_COUNT);
      await burstTurn;
      // And the weather agent answers a turn while no server listens to it.
      await chatWithHost(`http://127.0.0.1:${weather.port}`, WEATHER, 'And in Tokyo?');

      const second = await startServer(4391, env);
      for (const [agentId, run] of [
        [WEATHER, weather],
        [BURST, burst],
      ] as const) {
        const agent = await second.json(`/api/agents/${agentId}`);
        expect(agent.status).toBe('running');
        expect(agent.run).toMatchObject({ id: run.id, containerId: run.containerId });
      }

      const lastTurn = await chat(second, WEATHER, 'And in Oslo?');
      expect(lastTurn.sessionId).toBe(weather.sessionId);
      const weatherRun = await second.waitFor(
        `/api/runs/${weather.id}`,
        (h: History) => turnsFinished(h) === 3,
      );
      expect(seqsAreWhole(weatherRun.events)).toBe(true);
      expect(weatherRun.events[0]?.kind).toBe('ready');
      expect(weatherRun.chat.map((t: { role: string }) => t.role)).toEqual([
        'user',
        'agent',
        'user',
        'agent',
      ]);

      const burstRun = await second.waitFor(`/api/runs/${burst.id}`, (h: History) =>
        h.events.some((e) => e.kind === 'run-finished'),
      );
      expect(seqsAreWhole(burstRun.events)).toBe(true);
      expect(agentTexts(burstRun.events)).toEqual(
        Array.from({ length: BURST_COUNT }, (_, i) => `chunk ${i}`),
      );
      // ready, the user's turn, the chunks, run-finished
      expect(burstRun.events).toHaveLength(BURST_COUNT + 3);

      await stopAndCheckGone(second, WEATHER, weather.id);
      await stopAndCheckGone(second, BURST, burst.id);
      await second.kill('SIGTERM');
    },
    20 * MINUTES,
  );

  it(
    'SIGTERM: the container keeps running and the next server adopts it',
    async () => {
      const first = await startServer(4391, env);
      const weather = await startContainer(first, WEATHER);
      await chat(first, WEATHER, 'Weather in Lisbon?');
      const before = await history(first, weather.id);
      await first.kill('SIGTERM');

      expect(await isRunning(weather.containerId ?? '')).toBe(true);
      const second = await startServer(4391, env);
      const agent = await second.json(`/api/agents/${WEATHER}`);
      expect(agent.status).toBe('running');
      expect(agent.run.id).toBe(weather.id);

      await chat(second, WEATHER, 'And in Rome?');
      const after = await second.waitFor(
        `/api/runs/${weather.id}`,
        (h: History) => turnsFinished(h) === 2,
      );
      expect(seqsAreWhole(after.events)).toBe(true);
      expect(after.events.slice(0, before.events.length)).toEqual(before.events);
      await stopAndCheckGone(second, WEATHER, weather.id);
      await second.kill('SIGTERM');
    },
    10 * MINUTES,
  );
});
