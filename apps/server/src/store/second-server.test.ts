import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ServerProcess } from '../testing/server-process';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.ts');
const temps: string[] = [];
let first: ServerProcess | undefined;

afterAll(async () => {
  await first?.kill('SIGTERM');
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** Runs a server to its end and returns how it ended and what it said on stderr. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, ...env, MOORING_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('a second server on the same data folder', () => {
  it('is refused before it touches the first one, which keeps its store', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'mooring-second-'));
    const roots = await mkdtemp(path.join(tmpdir(), 'mooring-second-roots-'));
    temps.push(dataDir, roots);
    const env = { MOORING_DATA_DIR: dataDir, MOORING_ROOTS: roots };
    first = new ServerProcess(4371, { ...env, MOORING_AGENT_EVENT_PORT: '4372' });
    await first.start();

    const second = await runToExit({
      ...env,
      MOORING_PORT: '4373',
      MOORING_AGENT_EVENT_PORT: '4374',
    });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`already uses the data folder ${dataDir}`);
    expect(second.stderr).toContain(first.url);

    const health = await first.json('/api/health');
    expect(health.store).toMatchObject({ ok: true });
    expect(health.store.warning).toBeUndefined();
  }, 60_000);
});
