import type Docker from 'dockerode';
import type { Logger } from '../logger';
import { sleep } from '../shared/wait-for-health';
import { hasStatus } from './docker-error-status';

const RETRY_MS = 1_000;
/** How long the daemon may stay out of reach before the run is given up as lost. */
export const DAEMON_LOST_LIMIT_MS = 60_000;

/** How a container's run ended, as far as the daemon can tell. */
export type ContainerExit = { exitCode: number; reason?: string };

const REMOVED: ContainerExit = {
  exitCode: -1,
  reason: 'the container was removed outside Mooring',
};

/**
 * Resolves once the container no longer runs, starting from a `wait` the caller already made.
 * When the daemon cuts that wait short (it restarted, or went away), the container is looked
 * up again until the daemon answers, so a run never stays `running` on a container that is
 * gone: an exit found that way says the daemon was lost. Resolves undefined once `signal`
 * aborts.
 */
export async function followExit(
  container: Docker.Container,
  firstWait: Promise<unknown>,
  signal: AbortSignal,
  logger: Logger,
): Promise<ContainerExit | undefined> {
  let wait = firstWait;
  let lostSince: number | undefined;
  for (;;) {
    try {
      return { exitCode: exitStatus(await wait) };
    } catch (error) {
      if (signal.aborted) return undefined;
      if (hasStatus(error, 404)) return REMOVED;
      if (lostSince === undefined) logger.warn({ err: error }, 'lost the wait on the container');
    }
    lostSince ??= Date.now();
    for (;;) {
      await sleep(RETRY_MS, signal);
      if (signal.aborted) return undefined;
      const found = await lookUp(container);
      if (found === 'removed') return REMOVED;
      if (found === 'running') break;
      if (found !== 'unreachable') return lostExit(found);
      if (Date.now() - lostSince > DAEMON_LOST_LIMIT_MS) return gaveUp();
    }
    lostSince = undefined;
    wait = container.wait({ condition: 'not-running', abortSignal: signal });
  }
}

type LookUp = 'running' | 'removed' | 'unreachable' | { exitCode: number };

async function lookUp(container: Docker.Container): Promise<LookUp> {
  try {
    const { State } = await container.inspect();
    return State.Running ? 'running' : { exitCode: State.ExitCode };
  } catch (error) {
    return hasStatus(error, 404) ? 'removed' : 'unreachable';
  }
}

function lostExit({ exitCode }: { exitCode: number }): ContainerExit {
  const reason = `the container stopped (code ${exitCode}) while the Docker daemon was away`;
  return { exitCode, reason };
}

function gaveUp(): ContainerExit {
  const seconds = Math.round(DAEMON_LOST_LIMIT_MS / 1000);
  return { exitCode: -1, reason: `the Docker daemon did not answer for ${seconds} s` };
}

/** The exit code in a `wait` answer; -1 when it has none. */
export function exitStatus(result: unknown): number {
  if (typeof result === 'object' && result !== null && 'StatusCode' in result) {
    const code = Number(result.StatusCode);
    if (Number.isInteger(code)) return code;
  }
  return -1;
}
