import type Docker from 'dockerode';
import type { Logger } from '../logger';
import { sleep } from '../shared/wait-for-health';
import { hasStatus } from './docker-error-status';

const RETRY_MS = 1_000;
/**
 * How often a running container is looked up besides the wait. A wait whose connection breaks
 * after the daemon answered with its headers never settles (dockerode misses that), so the wait
 * alone cannot tell that the daemon went away.
 */
export const CHECK_MS = 5_000;
/** How long the daemon may stay out of reach before the run is given up as lost. */
export const DAEMON_LOST_LIMIT_MS = 60_000;

/** How a container's run ended, as far as the daemon can tell. */
export type ContainerExit = { exitCode: number; reason?: string };

type LookUp = 'running' | 'removed' | 'unreachable' | { exitCode: number };

const REMOVED: ContainerExit = {
  exitCode: -1,
  reason: 'the container was removed outside Mooring',
};

/**
 * Resolves once the container no longer runs, starting from a `wait` the caller already made.
 * When the daemon stops answering (it restarted, or went away), the container is looked up
 * again until the daemon answers, so a run never stays `running` on a container that is gone:
 * an exit found that way says the daemon was lost. Resolves undefined once `signal` aborts.
 */
export async function followExit(
  container: Docker.Container,
  firstWait: Promise<unknown>,
  signal: AbortSignal,
  logger: Logger,
): Promise<ContainerExit | undefined> {
  let wait: Promise<unknown> | undefined = firstWait;
  for (;;) {
    // Ends this round's look-ups, and a wait that hung, once the round is decided.
    const round = new AbortController();
    const roundSignal = AbortSignal.any([signal, round.signal]);
    wait ??= container.wait({ condition: 'not-running', abortSignal: roundSignal });
    const outcome = await Promise.race([
      wait.then(
        (result): LookUp => ({ exitCode: exitStatus(result) }),
        (error: unknown): LookUp => (hasStatus(error, 404) ? 'removed' : 'unreachable'),
      ),
      whileRunning(container, roundSignal),
    ]);
    round.abort();
    if (signal.aborted) return undefined;
    if (outcome === 'removed') return REMOVED;
    if (outcome !== 'unreachable' && outcome !== 'running') return outcome;

    logger.warn({}, 'lost touch with the Docker daemon; looking the container up until it answers');
    const found = await untilAnswered(container, signal);
    if (found !== 'running') return found;
    wait = undefined;
  }
}

/** Looks the container up every {@link CHECK_MS} while it runs; resolves with what ended that. */
async function whileRunning(container: Docker.Container, signal: AbortSignal): Promise<LookUp> {
  for (;;) {
    await sleep(CHECK_MS, signal);
    if (signal.aborted) return 'unreachable';
    const found = await lookUp(container);
    if (found !== 'running') return found;
  }
}

/**
 * After the daemon was lost: asks every second until it answers. Resolves 'running' when the
 * container still runs, the exit when it stopped or is gone, or undefined once aborted.
 */
async function untilAnswered(
  container: Docker.Container,
  signal: AbortSignal,
): Promise<'running' | ContainerExit | undefined> {
  const since = Date.now();
  for (;;) {
    await sleep(RETRY_MS, signal);
    if (signal.aborted) return undefined;
    const found = await lookUp(container);
    if (found === 'running') return found;
    if (found === 'removed') return REMOVED;
    if (found !== 'unreachable') return lostExit(found.exitCode);
    if (Date.now() - since > DAEMON_LOST_LIMIT_MS) return gaveUp();
  }
}

async function lookUp(container: Docker.Container): Promise<LookUp> {
  try {
    const { State } = await container.inspect();
    return State.Running ? 'running' : { exitCode: State.ExitCode };
  } catch (error) {
    return hasStatus(error, 404) ? 'removed' : 'unreachable';
  }
}

function lostExit(exitCode: number): ContainerExit {
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
