import type { DockerState } from '@mooring/protocol';
import type Docker from 'dockerode';
import { dockerClient, resolveDockerEndpoint } from './docker-client';

const PING_TIMEOUT_MS = 3_000;

/**
 * Whether a Docker daemon answers, for health checks and for refusing container starts early.
 * Never throws: an unreachable daemon is reported with a reason a person can act on.
 */
export async function dockerState(docker: Docker = dockerClient()): Promise<DockerState> {
  try {
    const version = await withTimeout(docker.version(), PING_TIMEOUT_MS);
    return { available: true, version: version.Version };
  } catch (error) {
    const endpoint = resolveDockerEndpoint();
    const detail = error instanceof Error ? error.message : String(error);
    return {
      available: false,
      reason: `no Docker daemon answers at ${endpoint.address} (${detail})`,
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
