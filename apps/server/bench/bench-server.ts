import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServerProcess } from '../src/testing/server-process';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Runs the real server in a process of its own, as a user would, so the benchmark's client
 * never shares an event loop with what it measures.
 */
export async function startBenchServer(port: number, dataDir: string) {
  const server = new ServerProcess(port, {
    MOORING_AGENT_EVENT_PORT: String(port + 1),
    MOORING_ROOTS: path.join(here, 'agents'),
    MOORING_DATA_DIR: dataDir,
  });
  await server.start();
  return { url: server.url, pid: server.pid, stop: () => server.kill('SIGTERM') };
}
