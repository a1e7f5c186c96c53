import type { RunMode } from '@mooring/protocol';
import type { AgentRunner, RunContext, RunnerSettings } from './agent-runner';
import { ContainerAgentRunner } from './container/container-agent-runner';
import { VenvAgentRunner } from './venv/venv-agent-runner';

/** Picks the runner for a mode. Each start gets a runner of its own. */
export function createRunner(
  mode: RunMode,
  context: RunContext,
  settings: RunnerSettings,
): AgentRunner {
  switch (mode) {
    case 'venv':
      return new VenvAgentRunner(context, settings);
    case 'container':
      return new ContainerAgentRunner(context, settings);
  }
}
