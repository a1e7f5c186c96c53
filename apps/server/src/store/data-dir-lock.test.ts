import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, DataDirLock } from './data-dir-lock';

const logger = pino({ level: 'silent' });

async function dataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'mooring-lock-'));
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('DataDirLock', () => {
  it('refuses a folder that a live process holds, naming it and where it serves', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'mooring.lock');
    // The test runner's parent stands in for another Mooring: alive, and not this process.
    await writeFile(file, JSON.stringify({ pid: process.ppid, url: 'http://127.0.0.1:4100' }));

    const refusal = (() => {
      try {
        DataDirLock.acquire(dir, logger);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect((refusal as Error).message).toContain(`pid ${process.ppid}`);
    expect((refusal as Error).message).toContain('http://127.0.0.1:4100');
    expect(JSON.parse(await readFile(file, 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over the lock of a process that is gone, and gives it back on release', async () => {
    const dir = await dataDir();
    const file = path.join(dir, 'mooring.lock');
    await writeFile(file, JSON.stringify({ pid: deadPid() }));

    const lock = DataDirLock.acquire(dir, logger);
    lock.announce('http://127.0.0.1:4321');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      pid: process.pid,
      url: 'http://127.0.0.1:4321',
    });
    lock.release();
    expect(existsSync(file)).toBe(false);
    DataDirLock.acquire(dir, logger).release();
  });

  it('takes over a lock file that names nobody', async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, 'mooring.lock'), '{"pid":');
    const lock = DataDirLock.acquire(dir, logger);
    expect(JSON.parse(await readFile(path.join(dir, 'mooring.lock'), 'utf8')).pid).toBe(
      process.pid,
    );
    lock.release();
  });

  it('runs unlocked where the data folder cannot hold a file', async () => {
    // A file where the folder should be fails for root too, unlike a read-only mode.
    const notAFolder = path.join(await dataDir(), 'data');
    await writeFile(notAFolder, '');
    expect(() => DataDirLock.acquire(notAFolder, logger).release()).not.toThrow();
  });
});
