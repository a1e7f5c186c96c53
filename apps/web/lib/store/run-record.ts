import type { ChatTurn, Envelope, LogLine, Progress } from '@mooring/protocol';

/** Everything the browser holds about one run. Arrays are replaced, never mutated. */
export type RunRecord = {
  runId: string;
  agentId: string;
  /** Ordered by `seq`, one entry per `seq`. */
  envelopes: readonly Envelope[];
  /** The newest lines only; see `MAX_LOG_LINES`. */
  logs: readonly LogLine[];
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
    chat: [],
    progress: null,
    historyLoaded: false,
  };
}
