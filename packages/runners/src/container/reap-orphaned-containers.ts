import type Docker from 'dockerode';
import type { Logger } from '../logger';
import { dockerClient } from './docker-client';
import { LABELS } from './labels';
import { removeContainer } from './remove-container';

/**
 * Removes agent containers whose creating process no longer runs, as after a crash or a kill -9
 * of the server. Containers of a live process, such as another Mooring on the same daemon, are
 * left alone. Returns the ids it removed.
 */
export async function reapOrphanedContainers(
  logger: Logger,
  docker: Docker = dockerClient(),
): Promise<string[]> {
  const found = await docker.listContainers({
    all: true,
    filters: { label: [`${LABELS.managed}=true`] },
  });
  const removed: string[] = [];
  for (const info of found) {
    const pid = Number(info.Labels[LABELS.pid]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    await removeContainer(docker.getContainer(info.Id), 0, logger);
    logger.info({ containerId: info.Id.slice(0, 12), run: info.Labels[LABELS.run] }, 'reaped');
    removed.push(info.Id);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}
