import { isActive, type AgentView, type DockerState, type RunMode } from '@mooring/protocol';

/**
 * The mode a card shows as selected: the running mode while a run is active, otherwise the
 * user's choice, except that container falls back to venv while Docker is unavailable.
 *
 * A browser that never chose falls back to the last run's mode rather than venv, so a failed
 * container run does not sit beside a toggle that says it would run in venv.
 */
export function effectiveMode(
  agent: AgentView,
  chosen: RunMode | undefined,
  docker: DockerState,
): RunMode {
  if (agent.run && isActive(agent.status)) return agent.run.mode;
  const mode = chosen ?? agent.run?.mode ?? 'venv';
  return mode === 'container' && !docker.available ? 'venv' : mode;
}
