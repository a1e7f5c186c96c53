import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { StoreState } from '@mooring/protocol';
import type { Logger } from '@mooring/runners';
import { migrate } from './schema';

export type OpenedDatabase = { db: Database.Database; state: StoreState };

/**
 * Opens the store in the data folder. A corrupt file is moved aside, never overwritten, and a
 * fresh store takes its place with a warning the user sees. When the folder cannot hold a store
 * at all (read-only, full, not a folder), Mooring keeps running on an in-memory store and says
 * that history is not being saved.
 */
export function openDatabase(dataDir: string, logger: Logger): OpenedDatabase {
  const file = path.join(dataDir, 'mooring.db');
  try {
    mkdirSync(dataDir, { recursive: true });
    return { db: openFile(file), state: { ok: true, path: file } };
  } catch (error) {
    if (isCorrupt(error) && existsSync(file)) return recoverCorrupt(file, error, logger);
    const reason = describe(error);
    logger.error({ err: error, file }, 'cannot open the store; history will not be saved');
    const warning = `cannot open ${file} (${reason}); history is kept in memory only`;
    return { db: openMemory(), state: { ok: false, path: file, warning } };
  }
}

function recoverCorrupt(file: string, error: unknown, logger: Logger): OpenedDatabase {
  const aside = `${file}.corrupt-${Date.now()}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  logger.warn({ err: error, file, aside }, 'the store was corrupt; moved it aside, starting fresh');
  const warning = `the store was unreadable (${describe(error)}); it was moved to ${aside}`;
  return { db: openFile(file), state: { ok: true, path: file, warning } };
}

function openFile(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function openMemory(): Database.Database {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

function isCorrupt(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
