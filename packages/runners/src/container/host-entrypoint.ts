import { CONTAINER_PORT, type AgentPlacement } from './image-layout';

/** Single-quotes a word for `/bin/sh`. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The `ENTRYPOINT` line shared by generated and extended Dockerfiles. It goes through `sh -c` so
 * the run id and event URL come from the container's environment at start, never from the image;
 * `exec` leaves the host as the direct child of Docker's init, so it gets the stop signal.
 */
export function hostEntrypoint(placement: AgentPlacement): string {
  const command = [
    'exec python3 -m mooring_agent_host',
    `--agents-dir ${shellQuote(placement.agentsDir)}`,
    `--app ${shellQuote(placement.appName)}`,
    `--port ${CONTAINER_PORT} --host 0.0.0.0`,
    '--run-id "$MOORING_RUN_ID" --event-url "$MOORING_EVENT_URL"',
  ].join(' ');
  return `ENTRYPOINT ${JSON.stringify(['/bin/sh', '-c', command])}`;
}
