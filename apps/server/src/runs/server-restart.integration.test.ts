import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config/repo-root';
import WebSocket from 'ws';
import { ServerProcess } from '../testing/server-process';
import { isAlive } from '@mooring/runners/testing';

const MINUTES = 60_000;
let dataDir = '';

/** Every server started, so that one a failed test left behind is killed too. */
const servers: ServerProcess[] = [];

afterAll(async () => {
  for (const server of servers) await server.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a server killed while a venv agent runs', () => {
  it(
    'leaves no agent process behind and shows the run ended, history intact',
    async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'mooring-restart-'));
      const env = {
        MOORING_DATA_DIR: dataDir,
        MOORING_ROOTS: path.join(REPO_ROOT, 'agents'),
        MOORING_AGENT_EVENT_PORT: '4362',
      };
      const first = new ServerProcess(4361, env);
      servers.push(first);
      await first.start();
      await first.json('/api/agents/story_dice/start', {
        method: 'POST',
        body: JSON.stringify({ mode: 'venv' }),
      });
      const running = await first.waitFor('/api/agents/story_dice', (a) => a.status === 'running');
      await first.json('/api/agents/story_dice/chat', {
        method: 'POST',
        body: JSON.stringify({ message: 'a dragon and a lighthouse' }),
      });
      const before = await first.json(`/api/runs/${running.run.id}`);
      expect(before.events.length).toBeGreaterThan(2);

      const seen = await lastHubSeq(first.url);
      await first.kill('SIGKILL');
      const deadline = Date.now() + 10_000;
      while (isAlive(running.run.pid) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(isAlive(running.run.pid)).toBe(false);

      const second = new ServerProcess(4361, env);
      servers.push(second);
      await second.start();
      try {
        const agent = await second.json('/api/agents/story_dice');
        expect(agent.status).toBe('stopped');
        // A page that was open before the crash resumes and learns that the run ended.
        const missed = await hubMessages(`${second.url}?after=${seen}`);
        const update = missed.find((m) => m.type === 'agent' && m.agent.id === 'story_dice');
        expect(update?.agent.status).toBe('stopped');
        expect(agent.run).toMatchObject({
          id: running.run.id,
          reason: expect.stringMatching(/stopped/),
        });
        const after = await second.json(`/api/runs/${running.run.id}`);
        expect(after.events.map((e: any) => e.seq)).toEqual(before.events.map((e: any) => e.seq));
        expect(after.chat.map((t: any) => t.role)).toEqual(['user', 'agent']);
        const runs = await second.json('/api/agents/story_dice/runs');
        expect(runs.runs[0].id).toBe(running.run.id);
      } finally {
        await second.kill('SIGTERM');
      }
    },
    5 * MINUTES,
  );
});

/** The messages a hub client gets in its first moments on `url` (an http URL of the server). */
async function hubMessages(url: string): Promise<any[]> {
  const { origin, search } = new URL(url);
  const socket = new WebSocket(`${origin.replace('http', 'ws')}/ws${search}`);
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve) => socket.once('open', resolve));
  await new Promise((resolve) => setTimeout(resolve, 500));
  socket.close();
  return messages;
}

async function lastHubSeq(url: string): Promise<number> {
  const [snapshot] = await hubMessages(url);
  return snapshot.seq as number;
}
