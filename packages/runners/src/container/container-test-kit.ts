import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Envelope } from '@mooring/protocol';
import type { AgentSpec } from '../agent-spec';
import type { EventChannel } from '../event-channel';
import { dockerClient } from './docker-client';
import { LABELS } from './labels';

/**
 * Docker tests run unless `MOORING_SKIP_DOCKER=1`; without that, a missing daemon fails them
 * instead of skipping them silently.
 */
export const SKIP_DOCKER = process.env.MOORING_SKIP_DOCKER === '1';

/** Appended to a skipped suite's name, so the test report says why it did not run. */
export const SKIP_NOTE = SKIP_DOCKER ? ' (skipped: MOORING_SKIP_DOCKER=1)' : '';

/** Writes an `adk create` style agent folder with the given files into a fresh temp folder. */
export async function tempAgent(
  appName: string,
  files: Record<string, string>,
): Promise<AgentSpec> {
  const agentsDir = await mkdtemp(path.join(tmpdir(), 'mooring-agents-'));
  const projectDir = path.join(agentsDir, appName);
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(projectDir, rel)), { recursive: true });
    await writeFile(path.join(projectDir, rel), text);
  }
  return { id: appName, name: appName, agentsDir, appName, projectDir, env: {} };
}

/** An event channel that nobody can reach, for tests that never get as far as events. */
export function unreachableChannel(): EventChannel & { registered: string[] } {
  const registered: string[] = [];
  return {
    registered,
    urlFor: (agentId) => `ws://host.docker.internal:9/ws/agent-events/${agentId}`,
    register: (agentId: string, runId: string, _onEnvelope: (e: Envelope) => void) => {
      registered.push(`${agentId}/${runId}`);
      return { secret: 'not-a-secret', close: () => undefined };
    },
  };
}

/** Ids of every container, running or not, that carries this run's label. */
export async function containersOfRun(runId: string): Promise<string[]> {
  const found = await dockerClient().listContainers({
    all: true,
    filters: { label: [`${LABELS.run}=${runId}`] },
  });
  return found.map((c) => c.Id);
}

/** Removes the images tests built for their throwaway agents. */
export async function removeAgentImages(agentIds: readonly string[]): Promise<void> {
  const docker = dockerClient();
  for (const agentId of agentIds) {
    const images = await docker.listImages({ filters: { label: [`${LABELS.agent}=${agentId}`] } });
    for (const image of images) {
      await docker
        .getImage(image.Id)
        .remove({ force: true })
        .catch(() => undefined);
    }
  }
}
