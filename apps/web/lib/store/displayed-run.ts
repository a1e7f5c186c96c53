import type { MooringState } from './mooring-store';
import { runIdOfAgent } from './run-of-agent';

function viewedPastRun(state: MooringState, agentId: string | null): string | null {
  if (agentId === null) return null;
  const viewed = state.viewedRuns[agentId];
  return viewed === undefined || viewed === runIdOfAgent(state, agentId) ? null : viewed;
}

/** The run whose chat, events and logs are on screen: a chosen past run, else the current one. */
export function displayedRunId(state: MooringState, agentId: string | null): string | null {
  return viewedPastRun(state, agentId) ?? runIdOfAgent(state, agentId);
}

/** True while the panels show a recorded past run, read-only, instead of the current one. */
export function isViewingPastRun(state: MooringState, agentId: string | null): boolean {
  return viewedPastRun(state, agentId) !== null;
}
