import type { HubState } from './hub-state';
import { emptyRunRecord, type RunRecord } from './run-record';

/** Replaces one run's record, creating it first if the browser has not seen the run yet. */
export function updateRun(
  state: HubState,
  runId: string,
  agentId: string,
  change: (record: RunRecord) => RunRecord,
): HubState {
  const existing = state.runs[runId];
  const current = existing ?? emptyRunRecord(runId, agentId);
  const next = change(current);
  if (next === existing) return state;
  return { ...state, runs: { ...state.runs, [runId]: next } };
}
