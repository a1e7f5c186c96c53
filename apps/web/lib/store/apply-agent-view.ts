import type { AgentView } from '@mooring/protocol';
import type { HubState } from './hub-state';
import { updateRun } from './update-run';

/**
 * Records an agent's latest view. Its run becomes the agent's current run, and the run's progress
 * is kept when the view carries one.
 */
export function applyAgentView(state: HubState, agent: AgentView): HubState {
  const known = agent.id in state.agents;
  let next: HubState = {
    ...state,
    agents: { ...state.agents, [agent.id]: agent },
    agentOrder: known ? state.agentOrder : [...state.agentOrder, agent.id],
  };

  const run = agent.run;
  if (!run) return next;

  next = updateRun(next, run.id, agent.id, (record) =>
    run.progress ? { ...record, progress: run.progress } : record,
  );
  if (next.lastRunByAgent[agent.id] === run.id) return next;
  return { ...next, lastRunByAgent: { ...next.lastRunByAgent, [agent.id]: run.id } };
}
