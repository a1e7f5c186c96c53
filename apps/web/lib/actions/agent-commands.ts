import type { RunMode } from '@mooring/protocol';
import { fetchRunHistory, startAgentRun, stopAgentRun } from '../api/api-client';
import { describeError } from '../api/describe-error';
import { useMooringStore } from '../store/mooring-store';

const actions = () => useMooringStore.getState().actions;

/** Starts an agent in the given mode; a refusal (409, 503...) is shown on the agent's card. */
export async function onStart(agentId: string, mode: RunMode): Promise<void> {
  const { setPending, setCardError, applyAgent, viewRun } = actions();
  setPending(agentId, 'start');
  setCardError(agentId, null);
  viewRun(agentId, null);
  try {
    const run = await startAgentRun(agentId, mode);
    // The hub reports the same change; applying it now makes the card react at once.
    const agent = useMooringStore.getState().agents[agentId];
    if (agent && agent.run?.id !== run.id) applyAgent({ ...agent, status: run.status, run });
  } catch (error) {
    setCardError(agentId, describeError(error));
  } finally {
    setPending(agentId, null);
  }
}

/**
 * Stops an agent. The response is not applied: the hub reports every status change, and a
 * response overtaken by a later hub message would move the card back to an older status.
 */
export async function onStop(agentId: string): Promise<void> {
  const { setPending, setCardError } = actions();
  setPending(agentId, 'stop');
  setCardError(agentId, null);
  try {
    await stopAgentRun(agentId);
  } catch (error) {
    setCardError(agentId, describeError(error));
  } finally {
    setPending(agentId, null);
  }
}

/**
 * Loads what the server recorded about a run. On failure (a run the server no longer knows, or
 * the server going away) the panels keep what the hub delivers live; a reconnect tries again.
 */
export async function loadRunHistory(runId: string): Promise<void> {
  try {
    actions().applyHistory(await fetchRunHistory(runId));
  } catch {
    return;
  }
}
