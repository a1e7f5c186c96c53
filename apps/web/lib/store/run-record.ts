import type { ChatTurn, Envelope, LogLine, Progress } from '@mooring/protocol';

/** Everything the browser holds about one run. Arrays are replaced, never mutated. */
export type RunRecord = {
  runId: string;
  agentId: string;
  /** Ordered by `seq`, one entry per `seq`. */
  envelopes: readonly Envelope[];
  /** The newest lines only; see `MAX_LOG_LINES`. */
  logs: readonly LogLine[];
  /** How many older lines were dropped, so `logsDropped + index` names a line stably. */
  logsDropped: number;
  chat: readonly ChatTurn[];
  progress: Progress | null;
  historyLoaded: boolean;
};

export function emptyRunRecord(runId: string, agentId: string): RunRecord {
  return {
    runId,
    agentId,
    envelopes: [],
    logs: [],
    logsDropped: 0,
    chat: [],
    progress: null,
    historyLoaded: false,
  };
}
