import type { HubFrame, SnapshotFrame } from '../hub/hub-frame';
import { appendLogs } from './append-logs';
import { applyAgentView } from './apply-agent-view';
import type { HubState } from './hub-state';
import { mergeChatTurns } from './merge-chat-turns';
import { mergeEnvelopes } from './merge-envelopes';
import { updateRun } from './update-run';

/**
 * A snapshot starts the browser over: it comes on a first connection, after a gap, or when the
 * server could not replay what was missed. Runs are dropped too, since their live messages may
 * have gaps; the runs on screen are reloaded from the server's record.
 */
function applySnapshot(state: HubState, message: SnapshotFrame): HubState {
  const base: HubState = {
    ...state,
    agents: {},
    agentOrder: [],
    docker: message.docker,
    store: 'store' in message ? message.store : null,
    runs: {},
    lastRunByAgent: {},
    snapshotEpoch: state.snapshotEpoch + 1,
  };
  return message.agents.reduce(applyAgentView, base);
}

/** Folds one validated hub message into the state. Pure: the store calls it inside `set`. */
export function applyHubMessage(state: HubState, message: HubFrame): HubState {
  switch (message.type) {
    case 'snapshot':
      return applySnapshot(state, message);
    case 'agent':
      return applyAgentView(state, message.agent);
    case 'docker':
      return { ...state, docker: message.docker };
    case 'progress':
      return updateRun(state, message.runId, message.agentId, (record) => ({
        ...record,
        progress: message.progress,
      }));
    case 'log':
      return updateRun(state, message.runId, message.agentId, (record) => {
        const logs = appendLogs(record.logs, [message.log]);
        const dropped = record.logs.length + 1 - logs.length;
        return { ...record, logs, logsDropped: record.logsDropped + dropped };
      });
    case 'event':
      return updateRun(state, message.runId, message.agentId, (record) => {
        const envelopes = mergeEnvelopes(record.envelopes, [message.envelope]);
        return envelopes === record.envelopes ? record : { ...record, envelopes };
      });
    case 'chat':
      return updateRun(state, message.runId, message.agentId, (record) => {
        const chat = mergeChatTurns(record.chat, [message.turn]);
        return chat === record.chat ? record : { ...record, chat };
      });
  }
}

export function applyHubMessages(state: HubState, messages: readonly HubFrame[]): HubState {
  return messages.reduce(applyHubMessage, state);
}
