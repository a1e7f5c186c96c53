import { isActive, type AgentView, type DockerState, type RunMode } from '@mooring/protocol';

/**
 * The mode a card shows as selected: the running mode while a run is active, otherwise the
 * user's choice, except that container falls back to venv while Docker is unavailable.
 */
export function effectiveMode(
  agent: AgentView,
  chosen: RunMode | undefined,
  docker: DockerState,
): RunMode {
  if (agent.run && isActive(agent.status)) return agent.run.mode;
  const mode = chosen ?? 'venv';
  return mode === 'container' && !docker.available ? 'venv' : mode;
}
