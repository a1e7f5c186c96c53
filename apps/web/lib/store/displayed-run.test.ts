import { describe, expect, it } from 'vitest';
import { agentView, runView } from '../testing/fixtures';
import { displayedRunId, isViewingPastRun } from './displayed-run';
import { useMooringStore, type MooringState } from './mooring-store';

function stateWith(viewedRuns: Record<string, string>): MooringState {
  const agent = agentView({ status: 'running', run: runView({ id: 'run-2' }) });
  return {
    ...useMooringStore.getInitialState(),
    agents: { weather: agent },
    agentOrder: ['weather'],
    viewedRuns,
  };
}

describe('displayedRunId', () => {
  it('shows the current run unless a past one was chosen', () => {
    expect(displayedRunId(stateWith({}), 'weather')).toBe('run-2');
    expect(isViewingPastRun(stateWith({}), 'weather')).toBe(false);
  });

  it('shows a chosen past run', () => {
    const state = stateWith({ weather: 'run-1' });
    expect(displayedRunId(state, 'weather')).toBe('run-1');
    expect(isViewingPastRun(state, 'weather')).toBe(true);
  });

  it('treats choosing the current run as going back to it', () => {
    expect(isViewingPastRun(stateWith({ weather: 'run-2' }), 'weather')).toBe(false);
  });
});
