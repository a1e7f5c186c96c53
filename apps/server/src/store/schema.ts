import type { Database } from 'better-sqlite3';

/**
 * The store's tables. `messages` is the hub's own log: every message it sent, numbered by
 * `seq`, which is what a reconnecting browser resumes from and what a run's history is read
 * from. `runs` keeps each run's latest view, and its event-channel secret so a container run
 * can be re-adopted after a restart.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id TEXT PRIMARY KEY,
     agent_id TEXT NOT NULL,
     mode TEXT NOT NULL,
     status TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     view TEXT NOT NULL,
     secret TEXT
   );
   CREATE INDEX runs_by_agent ON runs (agent_id, started_at DESC);
   CREATE TABLE messages (
     seq INTEGER PRIMARY KEY,
     run_id TEXT,
     type TEXT NOT NULL,
     ts INTEGER NOT NULL,
     body TEXT NOT NULL
   );
   CREATE INDEX messages_by_run ON messages (run_id, seq);`,
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

export function migrate(db: Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next] ?? '');
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}
