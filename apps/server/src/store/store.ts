import type {
  ChatTurn,
  Envelope,
  HubMessage,
  HubPayload,
  LogLine,
  RunHistory,
  RunView,
  StoreState,
} from '@mooring/protocol';
import type { Logger } from '@mooring/runners';
import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { openDatabase } from './open-database';

const FLUSH_MS = 20;
const FLUSH_ROWS = 1_000;

export type Retention = { runsPerAgent: number; maxAgeDays: number };

type Row = { seq: number; runId: string | null; type: string; ts: number; body: string };

/**
 * Mooring's memory: the hub's numbered message log and every run's latest view. Messages are
 * numbered at once but written in batches, so the store is never the bottleneck; a crash loses
 * at most the batch not yet written, which agents resend because it was never acknowledged.
 */
export class Store {
  private readonly db: Database;
  private stateValue: StoreState;
  private pending: Row[] = [];
  private waiters: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastSeq: number;
  private readonly insertMessage: Statement;
  private readonly upsertRun: Statement;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    const opened = openDatabase(dataDir, logger);
    this.db = opened.db;
    this.stateValue = opened.state;
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM messages').get() as { seq: number };
    this.lastSeq = row.seq ?? 0;
    this.insertMessage = this.db.prepare(
      'INSERT INTO messages (seq, run_id, type, ts, body) VALUES (?, ?, ?, ?, ?)',
    );
    this.upsertRun = this.db.prepare(
      `INSERT INTO runs (id, agent_id, mode, status, started_at, view, secret)
       VALUES (@id, @agentId, @mode, @status, @startedAt, @view, @secret)
       ON CONFLICT (id) DO UPDATE SET status = @status, view = @view,
         secret = COALESCE(@secret, secret)`,
    );
  }

  /** A stable name for this store, kept across restarts; containers are labelled with it. */
  instanceId(): string {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'instance'").get() as
      { value: string } | undefined;
    if (row) return row.value;
    const id = randomBytes(8).toString('hex');
    this.write(() => {
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('instance', ?)").run(id);
    }, 1);
    return id;
  }

  get state(): StoreState {
    return this.stateValue;
  }

  /** Numbers a hub message and queues it for writing; `durable` settles once it is written. */
  append(payload: HubPayload): { message: HubMessage; durable: Promise<void> } {
    const seq = ++this.lastSeq;
    const message = { ...payload, seq } as HubMessage;
    const ts = Date.now();
    this.pending.push({
      seq,
      runId: runIdOf(payload),
      type: payload.type,
      ts,
      body: JSON.stringify(message),
    });
    const durable = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.pending.length >= FLUSH_ROWS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
    return { message, durable };
  }

  /** Writes what is queued. Failures are logged and reported, never thrown at the caller. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.pending;
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    if (rows.length > 0) {
      this.write(() => {
        for (const r of rows) this.insertMessage.run(r.seq, r.runId, r.type, r.ts, r.body);
      }, rows.length);
    }
    for (const resolve of waiters) resolve();
  }

  saveRun(view: RunView, secret?: string): void {
    this.write(() => {
      this.upsertRun.run({
        id: view.id,
        agentId: view.agentId,
        mode: view.mode,
        status: view.status,
        startedAt: view.startedAt,
        view: JSON.stringify(view),
        secret: secret ?? null,
      });
    }, 1);
  }

  run(runId: string): { view: RunView; secret: string | undefined } | undefined {
    const row = this.db.prepare('SELECT view, secret FROM runs WHERE id = ?').get(runId) as
      { view: string; secret: string | null } | undefined;
    return row && { view: JSON.parse(row.view) as RunView, secret: row.secret ?? undefined };
  }

  runsOf(agentId: string, limit = 20): RunView[] {
    const rows = this.db
      .prepare('SELECT view FROM runs WHERE agent_id = ? ORDER BY started_at DESC LIMIT ?')
      .all(agentId, limit) as { view: string }[];
    return rows.map((row) => JSON.parse(row.view) as RunView);
  }

  /** Runs that were active when the server last stopped, whatever the reason. */
  activeRuns(): RunView[] {
    const rows = this.db
      .prepare(
        "SELECT view FROM runs WHERE status IN ('preparing', 'starting', 'running', 'stopping')",
      )
      .all() as { view: string }[];
    return rows.map((row) => JSON.parse(row.view) as RunView);
  }

  history(runId: string): RunHistory | undefined {
    this.flush();
    const found = this.run(runId);
    if (!found) return undefined;
    const rows = this.db
      .prepare(
        `SELECT body FROM messages
         WHERE run_id = ? AND type IN ('event', 'log', 'chat') ORDER BY seq`,
      )
      .all(runId) as { body: string }[];
    const events: Envelope[] = [];
    const logs: LogLine[] = [];
    const chat: ChatTurn[] = [];
    for (const { body } of rows) {
      const message = JSON.parse(body) as HubMessage;
      if (message.type === 'event') events.push(message.envelope);
      else if (message.type === 'log') logs.push(message.log);
      else if (message.type === 'chat') chat.push(message.turn);
    }
    return { run: found.view, events, logs, chat };
  }

  /** When a run last produced anything (epoch ms), or undefined when it produced nothing. */
  lastActivity(runId: string): number | undefined {
    this.flush();
    const row = this.db
      .prepare('SELECT MAX(ts) AS ts FROM messages WHERE run_id = ?')
      .get(runId) as {
      ts: number | null;
    };
    return row.ts ?? undefined;
  }

  /** The highest envelope seq stored for a run, so a re-adopted host resends only the rest. */
  lastEnvelopeSeq(runId: string): number {
    this.flush();
    const row = this.db
      .prepare(
        `SELECT MAX(json_extract(body, '$.envelope.seq')) AS seq FROM messages
         WHERE run_id = ? AND type = 'event'`,
      )
      .get(runId) as { seq: number | null };
    return row.seq ?? 0;
  }

  get currentSeq(): number {
    return this.lastSeq;
  }

  /**
   * The messages after `after`, or undefined when they cannot all be replayed: `after` lies
   * before what retention kept, or beyond what this store has ever numbered.
   */
  messagesAfter(after: number): HubMessage[] | undefined {
    this.flush();
    if (after > this.lastSeq) return undefined;
    const first = this.db.prepare('SELECT MIN(seq) AS seq FROM messages').get() as {
      seq: number | null;
    };
    if (first.seq !== null && after < first.seq - 1) return undefined;
    const rows = this.db
      .prepare('SELECT body FROM messages WHERE seq > ? ORDER BY seq')
      .all(after) as {
      body: string;
    }[];
    return rows.map((row) => JSON.parse(row.body) as HubMessage);
  }

  /** Drops runs beyond the retention, with their messages, and messages of no kept run. */
  prune(retention: Retention): number {
    const cutoff = Date.now() - retention.maxAgeDays * 24 * 3600 * 1000;
    let removed = 0;
    this.write(() => {
      const stale = this.db
        .prepare(
          `SELECT id FROM runs r
           WHERE status NOT IN ('preparing', 'starting', 'running', 'stopping')
             AND (started_at < ? OR (SELECT COUNT(*) FROM runs n WHERE n.agent_id = r.agent_id
               AND n.started_at > r.started_at) >= ?)`,
        )
        .all(cutoff, retention.runsPerAgent) as { id: string }[];
      const dropMessages = this.db.prepare('DELETE FROM messages WHERE run_id = ?');
      const dropRun = this.db.prepare('DELETE FROM runs WHERE id = ?');
      for (const { id } of stale) {
        dropMessages.run(id);
        dropRun.run(id);
      }
      this.db.prepare('DELETE FROM messages WHERE run_id IS NULL AND ts < ?').run(cutoff);
      removed = stale.length;
    }, 0);
    return removed;
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  private write(work: () => void, rows: number): void {
    try {
      this.db.transaction(work)();
    } catch (error) {
      this.logger.error({ err: error, rows }, 'could not write to the store');
      const reason = error instanceof Error ? error.message : String(error);
      this.stateValue = {
        ...this.stateValue,
        ok: false,
        warning: `writing history failed: ${reason}`,
      };
    }
  }
}

function runIdOf(payload: HubPayload): string | null {
  if (payload.type === 'agent') return payload.agent.run?.id ?? null;
  if (payload.type === 'docker') return null;
  return payload.runId;
}
