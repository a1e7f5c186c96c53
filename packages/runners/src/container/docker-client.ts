import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';

/** Which daemon a client talks to, and why that one was chosen. */
export type DockerEndpoint = { source: 'DOCKER_HOST' | 'socket' | 'default'; address: string };

const DEFAULT_SOCKET = '/var/run/docker.sock';

/** Sockets tried in order when `DOCKER_HOST` is unset: system, rootless, Docker Desktop. */
export function candidateSockets(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = env.HOME ?? homedir();
  const runtimeDir = env.XDG_RUNTIME_DIR;
  return [
    DEFAULT_SOCKET,
    ...(runtimeDir ? [path.join(runtimeDir, 'docker.sock')] : []),
    path.join(home, '.docker', 'run', 'docker.sock'),
    path.join(home, '.docker', 'desktop', 'docker.sock'),
  ];
}

/** Finds the daemon the way the docker CLI would without a context: `DOCKER_HOST`, then sockets. */
export function resolveDockerEndpoint(env: NodeJS.ProcessEnv = process.env): DockerEndpoint {
  const fromEnv = env.DOCKER_HOST;
  if (fromEnv) return { source: 'DOCKER_HOST', address: fromEnv };
  const found = candidateSockets(env).find((socket) => existsSync(socket));
  if (found) return { source: 'socket', address: found };
  return { source: 'default', address: DEFAULT_SOCKET };
}

let shared: Docker | undefined;

/**
 * A dockerode client for the discovered daemon, created once per process. `DOCKER_HOST` (with
 * `DOCKER_TLS_VERIFY` and `DOCKER_CERT_PATH`) is interpreted by dockerode itself.
 */
export function dockerClient(): Docker {
  if (shared) return shared;
  const endpoint = resolveDockerEndpoint();
  shared =
    endpoint.source === 'DOCKER_HOST'
      ? new Docker()
      : new Docker({
          socketPath: endpoint.address,
        });
  return shared;
}
