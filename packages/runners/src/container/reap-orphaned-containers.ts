import type Docker from 'dockerode';
import type { Logger } from '../logger';
import { dockerClient } from './docker-client';
import { LABELS } from './labels';
import { removeContainer } from './remove-container';

export type ReapScope = {
  /** Only containers labelled with this Mooring instance are considered. */
  instanceId: string;
  /** Runs this Mooring still owns (adopted or under way); their containers stay. */
  keepRunIds: ReadonlySet<string>;
};

/**
 * Removes this Mooring's containers that belong to no run it still owns: those of runs that
 * ended, of starts a crash cut short, and of runs the store no longer knows. Only containers
 * labelled both `mooring.managed=true` and with this instance are looked at, so another Mooring
 * on the same daemon, and everything else there, is left alone. Returns the ids it removed.
 */
export async function reapOrphanedContainers(
  logger: Logger,
  scope: ReapScope,
  docker: Docker = dockerClient(),
): Promise<string[]> {
  const found = await docker.listContainers({
    all: true,
    filters: { label: [`${LABELS.managed}=true`, `${LABELS.instance}=${scope.instanceId}`] },
  });
  const removed: string[] = [];
  for (const info of found) {
    const runId = info.Labels[LABELS.run];
    if (runId !== undefined && scope.keepRunIds.has(runId)) continue;
    await removeContainer(docker.getContainer(info.Id), 0, logger);
    logger.info({ containerId: info.Id.slice(0, 12), runId }, 'reaped');
    removed.push(info.Id);
  }
  return removed;
}
