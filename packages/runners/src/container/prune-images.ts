import type Docker from 'dockerode';
import type { Logger } from '../logger';
import { hasStatus } from './docker-error-status';
import { LABELS } from './labels';

/**
 * Removes the agent's images other than `keep`: each build supersedes the ones before it, and
 * without this every edit of an agent would leave a few hundred megabytes behind. An image a
 * container still uses is left alone (the daemon refuses with 409), as is any other failure.
 */
export async function pruneOldImages(
  docker: Docker,
  agentId: string,
  keep: string,
  logger: Logger,
): Promise<void> {
  const images = await docker.listImages({
    filters: { label: [`${LABELS.managed}=true`, `${LABELS.agent}=${agentId}`] },
  });
  for (const image of images) {
    if ((image.RepoTags ?? []).includes(keep)) continue;
    try {
      await docker.getImage(image.Id).remove();
      logger.info({ imageId: image.Id, tags: image.RepoTags }, 'old agent image removed');
    } catch (error) {
      if (!hasStatus(error, 404, 409)) logger.warn({ err: error }, 'old agent image kept');
    }
  }
}
