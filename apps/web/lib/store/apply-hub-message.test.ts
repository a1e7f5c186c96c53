import { describe, expect, it } from 'vitest';
import type { HubFrame } from '../hub/hub-frame';
import { agentView, logLine, runView, textEvent } from '../testing/fixtures';
import { applyHubMessage, applyHubMessages } from './apply-hub-message';
import { initialHubState, type HubState } from './hub-state';

const docker = { available: true, version: '20.10.24' };
const store = { ok: true, path: '/data/mooring.db' };

function snapshot(...agents: ReturnType<typeof agentView>[]): HubFrame {
  return { type: 'snapshot', seq: 7, agents, docker, store };
}

function eventMessage(seq: number, text: string): HubFrame {
  return { type: 'event', agentId: 'weather', runId: 'run-1', envelope: textEvent(seq, text) };
}

describe('applyHubMessage', () => {
  it('replaces agents and docker state from a snapshot, keeping server order', () => {
    const before = applyHubMessage(initialHubState, snapshot(agentView({ id: 'gone' })));
    const state = applyHubMessage(before, snapshot(agentView({ id: 'b' }), agentView({ id: 'a' })));

    expect(state.agentOrder).toEqual(['b', 'a']);
    expect(Object.keys(state.agents)).toEqual(['b', 'a']);
    expect(state.docker).toEqual(docker);
    expect(state.store).toEqual(store);
    expect(state.snapshotEpoch).toBe(2);
  });

  it('starts the runs over from a snapshot, keeping only the runs it names', () => {
    const before = applyHubMessages(initialHubState, [
      snapshot(agentView({ id: 'old', run: runView({ id: 'run-0', agentId: 'old' }) })),
      eventMessage(1, 'a'),
    ]);
    const state = applyHubMessage(before, snapshot(agentView({ run: runView({ id: 'run-2' }) })));

    expect(state.runs).toEqual({ 'run-2': expect.objectContaining({ envelopes: [] }) });
    expect(state.lastRunByAgent).toEqual({ weather: 'run-2' });
  });

  it('accepts an unnumbered snapshot from a server without a store', () => {
    const state = applyHubMessage(initialHubState, { type: 'snapshot', agents: [], docker });
    expect(state.store).toBeNull();
    expect(state.snapshotEpoch).toBe(1);
  });

  it('updates one agent and remembers its current run', () => {
    const start = applyHubMessage(initialHubState, snapshot(agentView()));
    const progress = { step: 'venv', label: 'Creating venv', current: 1, total: 3 };
    const run = runView({ status: 'preparing', progress });
    const state = applyHubMessage(start, {
      type: 'agent',
      agent: agentView({ status: 'preparing', run }),
    });

    expect(state.agents.weather?.status).toBe('preparing');
    expect(state.lastRunByAgent.weather).toBe('run-1');
    expect(state.runs['run-1']?.progress).toEqual(progress);
  });

  it('stores progress messages on the run', () => {
    const progress = { step: 'install', label: 'Installing', current: 2, total: 3 };
    const state = applyHubMessage(initialHubState, {
      type: 'progress',
      agentId: 'weather',
      runId: 'run-1',
      progress,
    });
    expect(state.runs['run-1']?.progress).toEqual(progress);
  });

  it('keeps events in seq order and drops repeated seqs', () => {
    const state = applyHubMessages(initialHubState, [
      eventMessage(2, 'b'),
      eventMessage(1, 'a'),
      eventMessage(2, 'b again'),
      eventMessage(3, 'c'),
    ]);
    expect(state.runs['run-1']?.envelopes.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('returns the same state for a duplicate event', () => {
    const once = applyHubMessage(initialHubState, eventMessage(1, 'a'));
    expect(applyHubMessage(once, eventMessage(1, 'a'))).toBe(once);
  });

  it('appends log lines and caps them', () => {
    let state: HubState = initialHubState;
    for (let i = 0; i < 5003; i += 1) {
      state = applyHubMessage(state, {
        type: 'log',
        agentId: 'weather',
        runId: 'run-1',
        log: logLine(`line ${i}`, i),
      });
    }
    const logs = state.runs['run-1']?.logs ?? [];
    expect(logs).toHaveLength(5000);
    expect(logs[0]?.line).toBe('line 3');
    expect(logs.at(-1)?.line).toBe('line 5002');
    expect(state.runs['run-1']?.logsDropped).toBe(3);
  });

  it('records chat turns once', () => {
    const turn = { role: 'user' as const, text: 'hi', ts: 5 };
    const message: HubFrame = { type: 'chat', agentId: 'weather', runId: 'run-1', turn };
    const state = applyHubMessages(initialHubState, [message, message]);
    expect(state.runs['run-1']?.chat).toEqual([turn]);
  });

  it('tracks docker availability', () => {
    const docker = { available: false, reason: 'no socket' };
    const state = applyHubMessage(initialHubState, { type: 'docker', docker });
    expect(state.docker).toEqual(docker);
  });
});
