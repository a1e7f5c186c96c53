import type { ChatTurn, Envelope, LogLine, RunHistory, RunView } from '@mooring/protocol';

const MAX_EVENTS = 50_000;
const MAX_LOGS = 5_000;

/**
 * Everything one run produced, kept in memory for browsers that open it later. Bounded so a
 * chatty agent cannot grow the server without limit; the oldest entries go first.
 */
export class RunRecord {
  readonly events: Envelope[] = [];
  readonly logs: LogLine[] = [];
  readonly chat: ChatTurn[] = [];
  private lastSeq = 0;

  constructor(public view: RunView) {}

  /** Keeps an envelope unless its sequence number was already seen; says whether it was new. */
  addEnvelope(envelope: Envelope): boolean {
    if (envelope.seq <= this.lastSeq) return false;
    this.lastSeq = envelope.seq;
    push(this.events, envelope, MAX_EVENTS);
    return true;
  }

  addLog(log: LogLine): void {
    push(this.logs, log, MAX_LOGS);
  }

  addChat(turn: ChatTurn): void {
    this.chat.push(turn);
  }

  history(): RunHistory {
    return { run: this.view, events: this.events, logs: this.logs, chat: this.chat };
  }
}

function push<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}
