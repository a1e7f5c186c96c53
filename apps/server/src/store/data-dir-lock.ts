import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '@mooring/runners';
import { z } from 'zod';

const holderSchema = z.object({ pid: z.number().int().positive(), url: z.string().optional() });
type Holder = z.infer<typeof holderSchema>;

/** Another live Mooring process holds the data folder; sharing it would corrupt its history. */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use';

  constructor(
    readonly dataDir: string,
    readonly holder: Holder,
  ) {
    const where = holder.url ? ` at ${holder.url}` : '';
    super(`Mooring (pid ${holder.pid})${where} already uses the data folder ${dataDir}`);
    this.name = 'DataDirInUseError';
  }
}

/**
 * One Mooring process per data folder. Two would adopt the same containers and write the same
 * store, each undoing the other's history. The lock file names its holder; one whose process is
 * gone (a crash, SIGKILL) is taken over. Where the folder cannot hold a file at all (read-only,
 * full), Mooring runs unlocked, as its store then lives in memory anyway.
 */
export class DataDirLock {
  private held = false;

  private constructor(
    private readonly file: string,
    private readonly logger: Logger,
  ) {}

  static acquire(dataDir: string, logger: Logger): DataDirLock {
    const lock = new DataDirLock(path.join(dataDir, 'mooring.lock'), logger);
    try {
      mkdirSync(dataDir, { recursive: true });
      lock.take(dataDir);
    } catch (error) {
      if (error instanceof DataDirInUseError) throw error;
      logger.warn({ err: error, file: lock.file }, 'cannot lock the data folder; running unlocked');
    }
    return lock;
  }

  /** Names where this process serves, so a second start can point the user to it. */
  announce(url: string): void {
    if (this.held) this.write({ pid: process.pid, url }, 'w');
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      unlinkSync(this.file);
    } catch (error) {
      this.logger.warn({ err: error, file: this.file }, 'could not remove the data folder lock');
    }
  }

  private take(dataDir: string): void {
    try {
      this.write({ pid: process.pid }, 'wx');
      this.held = true;
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = this.readHolder();
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new DataDirInUseError(dataDir, holder);
    }
    this.logger.info({ file: this.file, stale: holder?.pid }, 'taking over a stale lock');
    unlinkSync(this.file);
    this.write({ pid: process.pid }, 'wx');
    this.held = true;
  }

  private readHolder(): Holder | undefined {
    try {
      return holderSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8'))).data;
    } catch {
      // A half-written or foreign file names nobody; it is taken over like a stale one.
      return undefined;
    }
  }

  private write(holder: Holder, flag: 'w' | 'wx'): void {
    const fd = openSync(this.file, flag);
    try {
      writeFileSync(fd, `${JSON.stringify(holder)}\n`);
    } finally {
      closeSync(fd);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
