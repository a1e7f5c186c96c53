import path from 'node:path';
import type { AgentSpec } from '../agent-spec';
import { RunnerError } from '../runner-error';

/** The port the agent host listens on inside every container. */
export const CONTAINER_PORT = 8080;

export const CONTAINER_PORT_KEY = `${CONTAINER_PORT}/tcp`;

/** Fixed paths inside every image Mooring builds. */
export const IMAGE_PATHS = {
  venv: '/opt/mooring/venv',
  host: '/opt/mooring/host',
  deps: '/opt/mooring/deps',
  home: '/home/mooring',
} as const;

export const IMAGE_USER = { name: 'mooring', uid: 10001 } as const;

/** Where the agent's project and ADK's agents folder end up inside the image. */
export type AgentPlacement = { projectPath: string; agentsDir: string; appName: string };

/**
 * An `adk create` folder (the project is the agent folder) goes to `/srv/agents/<app>`; a project
 * holding the agent package goes to `/srv/project`, keeping the agents folder's place in it. An
 * agents folder outside the project cannot be reproduced in an image and is refused.
 */
export function agentPlacement(agent: AgentSpec): AgentPlacement {
  const { projectDir, agentsDir, appName } = agent;
  if (path.resolve(projectDir) === path.resolve(agentsDir, appName)) {
    return { projectPath: `/srv/agents/${appName}`, agentsDir: '/srv/agents', appName };
  }
  const rel = path.relative(projectDir, agentsDir);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new RunnerError(
      'prepare_failed',
      `the agents folder ${agentsDir} is outside the project ${projectDir}`,
    );
  }
  const agentsInImage = path.posix.join('/srv/project', ...rel.split(path.sep));
  return { projectPath: '/srv/project', agentsDir: agentsInImage, appName };
}
