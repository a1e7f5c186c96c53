import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HubPayload, RunView } from '@mooring/protocol';
import { silentLogger } from '@mooring/runners';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from './store';

const dirs: string[] = [];

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'mooring-store-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const run = (id: string, agentId = 'a', startedAt = Date.now()): RunView => ({
  id,
  agentId,
  mode: 'venv',
  status: 'running',
  startedAt,
});

const event = (runId: string, seq: number): HubPayload => ({
  type: 'event',
  agentId: 'a',
  runId,
  envelope: { v: 1, runId, seq, ts: Date.now(), kind: 'run-finished', invocationId: `i${seq}` },
});

describe('Store', () => {
  it('numbers messages, keeps them across a reopen and replays what came after', async () => {
    const dir = await dataDir();
    const first = new Store(dir, silentLogger);
    first.saveRun(run('r1'));
    const { message, durable } = first.append(event('r1', 1));
    expect(message.seq).toBe(1);
    await durable;
    first.append({
      type: 'log',
      agentId: 'a',
      runId: 'r1',
      log: { stream: 'stdout', line: 'hi', ts: 1 },
    });
    first.close();

    const second = new Store(dir, silentLogger);
    expect(second.currentSeq).toBe(2);
    expect(second.append(event('r1', 2)).message.seq).toBe(3);
    expect(second.messagesAfter(1)?.map((m) => m.seq)).toEqual([2, 3]);
    expect(second.messagesAfter(3)).toEqual([]);
    expect(second.messagesAfter(99)).toBeUndefined();
    const history = second.history('r1');
    expect(history?.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(history?.logs.map((l) => l.line)).toEqual(['hi']);
    expect(second.lastEnvelopeSeq('r1')).toBe(2);
    expect(second.activeRuns().map((r) => r.id)).toEqual(['r1']);
    second.close();
  });

  it('keeps the newest runs per agent and cannot replay from before what it pruned', async () => {
    const store = new Store(await dataDir(), silentLogger);
    for (let i = 1; i <= 4; i++) {
      store.saveRun({ ...run(`r${i}`, 'a', i * 1000), status: 'stopped' });
      store.append(event(`r${i}`, 1));
    }
    store.flush();
    expect(store.prune({ runsPerAgent: 2, maxAgeDays: 365_000 })).toBe(2);
    expect(store.runsOf('a').map((r) => r.id)).toEqual(['r4', 'r3']);
    expect(store.history('r1')).toBeUndefined();
    expect(store.messagesAfter(0)).toBeUndefined();
    expect(store.messagesAfter(2)?.map((m) => m.seq)).toEqual([3, 4]);
    store.close();
  });

  it('moves a corrupt file aside and starts fresh, with a warning', async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, 'mooring.db'), 'this is not a database '.repeat(500));
    const store = new Store(dir, silentLogger);
    expect(store.state.ok).toBe(true);
    expect(store.state.warning).toMatch(/moved to .*corrupt/);
    expect(readdirSync(dir).some((name) => name.startsWith('mooring.db.corrupt-'))).toBe(true);
    store.saveRun(run('r1'));
    expect(store.runsOf('a')).toHaveLength(1);
    store.close();
  });

  it('keeps working in memory, and says so, when the data folder cannot hold a store', async () => {
    const parent = await dataDir();
    const notAFolder = path.join(parent, 'file');
    await writeFile(notAFolder, 'x');
    const store = new Store(path.join(notAFolder, 'data'), silentLogger);
    expect(store.state.ok).toBe(false);
    expect(store.state.warning).toMatch(/in memory only/);
    store.saveRun(run('r1'));
    expect(store.append(event('r1', 1)).message.seq).toBe(1);
    expect(store.history('r1')?.events).toHaveLength(1);
    store.close();
  });

  it.runIf(process.getuid?.() === 0)('reports a full disk without throwing', async () => {
    const dir = await dataDir();
    const mount = path.join(dir, 'small');
    await mkdir(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]);
    try {
      const store = new Store(mount, silentLogger);
      store.saveRun(run('r1'));
      const big = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 20; i++) {
        store.append({
          type: 'log',
          agentId: 'a',
          runId: 'r1',
          log: { stream: 'stdout', line: big, ts: i },
        });
        store.flush();
      }
      expect(store.state.ok).toBe(false);
      expect(store.state.warning).toMatch(/writing history failed/);
      store.close();
    } finally {
      execFileSync('umount', [mount]);
    }
    expect(existsSync(mount)).toBe(true);
  });
});
