import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger, type RunContext } from '@mooring/runners';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../config/config';
import { startServer, type MooringServer } from '../server';
import { FakeRunner } from '../testing/fake-runner';
import { startFakeHost } from '../testing/fake-host';

let server: MooringServer;
let host: Awaited<ReturnType<typeof startFakeHost>>;
let runners: FakeRunner[] = [];
let dockerUp = false;

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'mooring-api-'));
  for (const name of ['alpha', 'beta']) {
    await mkdir(path.join(root, name));
    await writeFile(path.join(root, name, 'agent.py'), `root_agent = A(description="${name}")\n`);
  }
  host = await startFakeHost();
  const config = {
    ...loadConfig({ MOORING_ROOTS: root }),
    port: 0,
    dataDir: path.join(root, '.data'),
  };
  server = await startServer(config, {
    logger: silentLogger,
    dockerProbe: async () =>
      dockerUp ? { available: true } : { available: false, reason: 'no daemon answers' },
    createRunner: (_mode, context: RunContext) => {
      const runner = new FakeRunner(context);
      runners.push(runner);
      return runner;
    },
  });
});

afterAll(async () => {
  await server.close();
  await host.close();
});

beforeEach(async () => {
  await server.runs.stopAll();
  runners = [];
});

async function api(method: string, route: string, body?: unknown, headers = {}) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function collect(url: string) {
  const socket = new WebSocket(url);
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve) => socket.once('open', resolve));
  return { socket, messages };
}

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition never held');
}

describe('command API', () => {
  it('lists the discovered agents as stopped', async () => {
    const { status, body } = await api('GET', '/api/agents');
    expect(status).toBe(200);
    expect(body.agents.map((a: any) => [a.id, a.status])).toEqual([
      ['alpha', 'stopped'],
      ['beta', 'stopped'],
    ]);
  });

  it('answers 404 for an unknown agent and 400 for an id that escapes the roots', async () => {
    expect((await api('POST', '/api/agents/nobody/start', { mode: 'venv' })).status).toBe(404);
    const escape = await api('POST', `/api/agents/${encodeURIComponent('../etc')}/start`, {
      mode: 'venv',
    });
    expect(escape.status).toBe(400);
    expect(escape.body.error.code).toBe('invalid_agent_id');
    expect((await api('GET', '/api/agents/..')).status).not.toBe(200);
  });

  it('answers 400 with the allowed values for a bad mode', async () => {
    const { status, body } = await api('POST', '/api/agents/alpha/start', { mode: 'vm' });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_mode', allowed: ['venv', 'container'] });
    expect((await api('POST', '/api/agents/alpha/start', 'not json')).status).toBe(400);
    expect(runners).toHaveLength(0);
  });

  it('runs an agent, chats with it, refuses a second start and stops it', async () => {
    const started = await api('POST', '/api/agents/alpha/start', { mode: 'venv' });
    expect(started.status).toBe(202);
    expect(started.body.run.status).toBe('preparing');

    runners[0]?.ready(host.url);
    await until(async () => (await api('GET', '/api/agents/alpha')).body.status === 'running');
    const running = (await api('GET', '/api/agents/alpha')).body;
    expect(running.run).toMatchObject({ mode: 'venv', pid: 4242, sessionId: 'session-1' });

    const again = await api('POST', '/api/agents/alpha/start', { mode: 'venv' });
    expect(again.status).toBe(409);
    expect((await api('GET', '/api/agents/alpha')).body.run.id).toBe(running.run.id);

    const chat = await api('POST', '/api/agents/alpha/chat', { message: 'hi' });
    expect(chat.body).toEqual({ sessionId: 'session-1', text: 'hello from the fake host' });
    const history = await api('GET', `/api/runs/${running.run.id}`);
    expect(history.body.chat.map((t: any) => t.role)).toEqual(['user', 'agent']);

    const stopped = await api('POST', '/api/agents/alpha/stop');
    expect(stopped.body.agent.status).toBe('stopped');
    expect(runners[0]?.stopCalls).toBe(1);
  });

  it('treats stop of a stopped agent as no error', async () => {
    const { status, body } = await api('POST', '/api/agents/beta/stop');
    expect(status).toBe(200);
    expect(body.agent.status).toBe('stopped');
  });

  it("reports an agent's own failure as agent_error, the message delivered", async () => {
    await api('POST', '/api/agents/alpha/start', { mode: 'venv' });
    runners[0]?.ready(host.url);
    await until(async () => (await api('GET', '/api/agents/alpha')).body.status === 'running');

    host.failNext.push('ValueError: No API key was provided.');
    const failed = await api('POST', '/api/agents/alpha/chat', { message: 'hi' });
    expect(failed.status).toBe(502);
    expect(failed.body.error).toEqual({
      code: 'agent_error',
      message: 'the agent failed: ValueError: No API key was provided.',
    });
    const { run } = (await api('GET', '/api/agents/alpha')).body;
    const history = await api('GET', `/api/runs/${run.id}`);
    expect(history.body.chat.map((t: any) => t.text)).toEqual(['hi']);
  });

  it('refuses to chat with an agent that is not running', async () => {
    const { status, body } = await api('POST', '/api/agents/beta/chat', { message: 'hi' });
    expect(status).toBe(409);
    expect(body.error.code).toBe('not_running');
  });

  it('marks a failed start and an exit with their reason and code', async () => {
    await api('POST', '/api/agents/alpha/start', { mode: 'venv' });
    runners[0]?.fail('Traceback: boom');
    await until(async () => (await api('GET', '/api/agents/alpha')).body.status === 'failed');
    expect((await api('GET', '/api/agents/alpha')).body.run.reason).toMatch(/boom/);

    await api('POST', '/api/agents/alpha/start', { mode: 'venv' });
    runners[1]?.ready(host.url);
    await until(async () => (await api('GET', '/api/agents/alpha')).body.status === 'running');
    runners[1]?.exit(3);
    const view = (await api('GET', '/api/agents/alpha')).body;
    expect(view).toMatchObject({ status: 'exited', run: { exitCode: 3 } });
  });

  it('answers 503 for container mode when no Docker daemon answers', async () => {
    dockerUp = false;
    const { status, body } = await api('POST', '/api/agents/alpha/start', { mode: 'container' });
    expect(status).toBe(503);
    expect(body.error.message).toMatch(/no daemon answers/);
    expect((await api('GET', '/api/health')).body.docker.available).toBe(false);
  });

  it('refuses API calls from a foreign origin', async () => {
    const { status } = await api('GET', '/api/agents', undefined, { origin: 'http://evil.test' });
    expect(status).toBe(403);
  });
});

describe('browser hub', () => {
  it('sends a snapshot first, then status changes', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
    const messages: any[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await until(async () => messages.length > 0);
    expect(messages[0].type).toBe('snapshot');
    expect(messages[0].agents).toHaveLength(2);

    await api('POST', '/api/agents/beta/start', { mode: 'venv' });
    await until(async () => messages.some((m) => m.type === 'agent' && m.agent.id === 'beta'));
    socket.close();
  });

  it('replays exactly the messages a reconnecting browser missed', async () => {
    const url = `${server.url.replace('http', 'ws')}/ws`;
    const first = await collect(url);
    await until(async () => first.messages.length > 0);
    const seen = first.messages.at(-1).seq as number;
    first.socket.close();

    await api('POST', '/api/agents/beta/stop');
    await api('POST', '/api/agents/beta/start', { mode: 'venv' });
    const second = await collect(`${url}?after=${seen}`);
    await until(async () =>
      second.messages.some((m) => m.type === 'agent' && m.agent.status === 'preparing'),
    );
    const seqs = second.messages.map((m) => m.seq as number);
    expect(second.messages[0].type).not.toBe('snapshot');
    expect(seqs[0]).toBe(seen + 1);
    expect(seqs).toEqual(seqs.map((_, i) => seen + 1 + i));
    second.socket.close();

    const stale = await collect(`${url}?after=999999999`);
    await until(async () => stale.messages.length > 0);
    expect(stale.messages[0]).toMatchObject({ type: 'snapshot', seq: expect.any(Number) });
    stale.socket.close();
  });

  it('refuses an upgrade from a foreign origin', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, {
      headers: { origin: 'http://evil.test' },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('open', () => resolve('open'));
      socket.on('error', (error) => resolve(error.message));
    });
    expect(outcome).toMatch(/403/);
  });
});
