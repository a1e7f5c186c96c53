import { effectiveMode } from '../store/effective-mode';
import { useMooringStore } from '../store/mooring-store';
import { onStart } from './agent-commands';

/**
 * Selects the agent and starts it in the mode its card shows. Both the card's and the header's
 * Start call this, so they cannot disagree about the mode.
 */
export function startAgent(agentId: string): void {
  const state = useMooringStore.getState();
  const agent = state.agents[agentId];
  if (!agent) return;
  state.actions.selectAgent(agentId);
  void onStart(agentId, effectiveMode(agent, state.modes[agentId], state.docker));
}
