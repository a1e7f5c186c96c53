import type { HubState } from './hub-state';

/** The run an agent's panels show: its current run, else the last one this browser saw. */
export function runIdOfAgent(state: HubState, agentId: string | null): string | null {
  if (agentId === null) return null;
  return state.agents[agentId]?.run?.id ?? state.lastRunByAgent[agentId] ?? null;
}
