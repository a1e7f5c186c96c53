import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgentView, RunView } from '@mooring/protocol';
import { dockerClient } from '@mooring/runners';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config/repo-root';
import { DaemonProxy } from '../testing/daemon-proxy';
import {
  BASE_IMAGE,
  containersOfRun,
  eventually,
  removeContainersOfRuns,
  SKIP_DOCKER,
  SKIP_NOTE,
} from '../testing/docker-kit';
import { ServerProcess } from '../testing/server-process';
import { isAlive } from '@mooring/runners/testing';

/**
 * Restarting the daemon stops every container on it, other people's too, so this runs only when
 * asked for, on a machine where nothing else uses Docker at the time.
 */
const ASKED = process.env.MOORING_TEST_DAEMON_RESTART === '1';
const NOTE = ASKED ? '' : ' (skipped: set MOORING_TEST_DAEMON_RESTART=1 to restart the daemon)';
const MINUTES = 60_000;
const WEATHER = 'weather_assistant';
const ENDED = ['exited', 'failed', 'stopped'];

const temps: string[] = [];
let server: ServerProcess | undefined;
let proxy: DaemonProxy | undefined;
const runIds: string[] = [];

/** Every server started, so that one a failed test left behind is killed too. */
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const started of servers) await started.kill('SIGKILL');
  await proxy?.cut();
  await removeContainersOfRuns(runIds);
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function startServer(port: number, extraEnv: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'mooring-daemon-'));
  temps.push(dataDir);
  server = new ServerProcess(port, {
    MOORING_DATA_DIR: dataDir,
    MOORING_ROOTS: path.join(REPO_ROOT, 'agents'),
    MOORING_AGENT_EVENT_PORT: String(port + 1),
    MOORING_BASE_IMAGE: BASE_IMAGE,
    ...extraEnv,
  });
  servers.push(server);
  await server.start();
}

/** Waits for the run to end, and checks it says why and that its container is gone. */
async function expectEndedTruthfully(run: RunView): Promise<AgentView> {
  const ended: AgentView = await server?.waitFor(
    `/api/agents/${WEATHER}`,
    (a) => ENDED.includes(a.status),
    3 * MINUTES,
  );
  expect(ended.run).toMatchObject({ id: run.id, reason: expect.any(String) });
  expect(['exited', 'failed']).toContain(ended.status);
  expect(await containersOfRun(run.id)).toEqual([]);
  return ended;
}

/** A new start, a chat turn, and a stop that leaves nothing behind. */
async function startChatStop(): Promise<void> {
  const run = await start(WEATHER);
  await chat('And in Tokyo?');
  const stopped = await server?.json(`/api/agents/${WEATHER}/stop`, { method: 'POST' });
  expect(stopped.agent.status).toBe('stopped');
  expect(await containersOfRun(run.id)).toEqual([]);
}

function daemonPid(): number | undefined {
  try {
    return Number(execFileSync('pgrep', ['-x', 'dockerd'], { encoding: 'utf8' }).split('\n')[0]);
  } catch {
    return undefined;
  }
}

/**
 * Stops dockerd the way a service manager restarts it, then starts it again with the project's
 * own script, in a session of its own so that it outlives this test process.
 */
async function restartDaemon(): Promise<void> {
  const pid = daemonPid();
  if (!pid) throw new Error('no dockerd process to restart');
  process.kill(pid, 'SIGTERM');
  await eventually(() => !isAlive(pid), 'dockerd to stop', 2 * MINUTES);
  const script = path.join(REPO_ROOT, 'scripts', 'docker', 'ensure-daemon.sh');
  const child = spawn('bash', [script], { detached: true, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`ensure-daemon.sh exited with ${code}`);
}

async function start(agentId: string): Promise<RunView> {
  if (!server) throw new Error('no server');
  const started = await server.json(`/api/agents/${agentId}/start`, {
    method: 'POST',
    body: JSON.stringify({ mode: 'container' }),
  });
  expect(started.run, JSON.stringify(started)).toBeDefined();
  runIds.push(started.run.id);
  const agent: AgentView = await server.waitFor(
    `/api/agents/${agentId}`,
    (a) => a.status === 'running' || a.status === 'failed',
    10 * MINUTES,
  );
  expect(agent.status, agent.run?.reason).toBe('running');
  return agent.run as RunView;
}

async function chat(message: string): Promise<void> {
  const reply = await server?.json(`/api/agents/${WEATHER}/chat`, {
    method: 'POST',
    body: JSON.stringify({ message }),
  });
  expect(reply.text, JSON.stringify(reply)).toBeTruthy();
}

describe.skipIf(SKIP_DOCKER)(`a server that loses its Docker daemon${SKIP_NOTE}`, () => {
  it(
    'ends a run whose container stopped meanwhile, saying why, once the daemon answers again',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'mooring-proxy-'));
      temps.push(dir);
      proxy = new DaemonProxy(path.join(dir, 'docker.sock'));
      await proxy.start();
      await startServer(4388, { DOCKER_HOST: proxy.dockerHost });
      const first = await start(WEATHER);
      await chat('Weather in Paris?');

      await proxy.cut();
      await dockerClient()
        .getContainer(first.containerId ?? '')
        .kill({ signal: 'SIGKILL' });
      // Longer than the runner's look-up interval, so it finds the daemon gone.
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      const meanwhile = await server?.json(`/api/agents/${WEATHER}`);
      expect(meanwhile.status).toBe('running');
      await proxy.start();

      const ended = await expectEndedTruthfully(first);
      expect(ended.run?.exitCode).toBe(137);
      expect(ended.run?.reason).toContain('Docker daemon');
      await startChatStop();
      await server?.kill('SIGTERM');
    },
    20 * MINUTES,
  );
});

describe.skipIf(SKIP_DOCKER || !ASKED)(
  `a Docker daemon restart under a container run${NOTE}`,
  () => {
    it(
      'ends the run with a truthful status, and a new start works',
      async () => {
        await startServer(4393);
        const first = await start(WEATHER);
        await chat('Weather in Paris?');

        await restartDaemon();
        await expectEndedTruthfully(first);
        await startChatStop();
        await server?.kill('SIGTERM');
      },
      20 * MINUTES,
    );
  },
);
