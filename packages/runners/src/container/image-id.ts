import type Docker from 'dockerode';
import { hasStatus } from './docker-error-status';

/** The id of a local image, or `undefined` when the daemon does not have it. */
export async function imageId(docker: Docker, name: string): Promise<string | undefined> {
  try {
    const inspected: { Id?: unknown } = await docker.getImage(name).inspect();
    return typeof inspected.Id === 'string' ? inspected.Id : undefined;
  } catch (error) {
    if (hasStatus(error, 404)) return undefined;
    throw error;
  }
}
