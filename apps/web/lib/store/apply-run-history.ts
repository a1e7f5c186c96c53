import type { RunHistory } from '@mooring/protocol';
import { mergeLogHistory } from './append-logs';
import type { HubState } from './hub-state';
import { mergeChatTurns } from './merge-chat-turns';
import { mergeEnvelopes } from './merge-envelopes';
import { updateRun } from './update-run';

/**
 * Merges a run's recorded history (fetched after a reload or reconnect) with whatever the hub
 * delivered meanwhile. Envelopes dedupe by `seq`; logs and chat turns by content.
 */
export function applyRunHistory(state: HubState, history: RunHistory): HubState {
  const { run } = history;
  return updateRun(state, run.id, run.agentId, (record) => ({
    ...record,
    envelopes: mergeEnvelopes(record.envelopes, history.events),
    logs: mergeLogHistory(history.logs, record.logs),
    chat: mergeChatTurns(record.chat, history.chat),
    progress: record.progress ?? run.progress ?? null,
    historyLoaded: true,
  }));
}
