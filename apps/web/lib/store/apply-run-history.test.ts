import { describe, expect, it } from 'vitest';
import { logLine, runView, textEvent } from '../testing/fixtures';
import { applyHubMessage } from './apply-hub-message';
import { applyRunHistory } from './apply-run-history';
import { initialHubState } from './hub-state';

describe('applyRunHistory', () => {
  it('merges history with live messages that arrived first, without duplicates', () => {
    const live = [textEvent(2, 'two'), textEvent(3, 'three')].reduce(
      (state, envelope) =>
        applyHubMessage(state, { type: 'event', agentId: 'weather', runId: 'run-1', envelope }),
      applyHubMessage(initialHubState, {
        type: 'log',
        agentId: 'weather',
        runId: 'run-1',
        log: logLine('b', 2),
      }),
    );

    const state = applyRunHistory(live, {
      run: runView(),
      events: [textEvent(1, 'one'), textEvent(2, 'two')],
      logs: [logLine('a', 1), logLine('b', 2)],
      chat: [{ role: 'user', text: 'hello', ts: 1 }],
    });

    const record = state.runs['run-1'];
    expect(record?.envelopes.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(record?.logs.map((l) => l.line)).toEqual(['a', 'b']);
    expect(record?.chat).toHaveLength(1);
    expect(record?.historyLoaded).toBe(true);
  });
});
