import type Docker from 'dockerode';
import type { Logger } from '../logger';
import { hasStatus } from './docker-error-status';

/** Stops a container with a grace period, then removes it; gone or already stopped is fine. */
export async function removeContainer(
  container: Docker.Container,
  graceSeconds: number,
  logger: Logger,
): Promise<void> {
  try {
    await container.stop({ t: graceSeconds });
  } catch (error) {
    // 304: already stopped; 404: already gone. Anything else still ends in a forced removal.
    if (!hasStatus(error, 304, 404)) logger.warn({ err: error }, 'container stop failed');
  }
  try {
    await container.remove({ force: true, v: true });
  } catch (error) {
    // 409: a removal is already in progress, which ends the same way.
    if (!hasStatus(error, 404, 409)) throw error;
  }
}
