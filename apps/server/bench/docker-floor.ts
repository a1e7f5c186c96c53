import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CONTAINER_LABELS } from '@mooring/runners';

const run = promisify(execFile);

/**
 * The least any container start can cost here: `docker run --rm` of the agent's own image,
 * doing nothing but starting Python and exiting. Milliseconds of each run.
 */
export async function bareRunTimes(
  image: string,
  agentId: string,
  runs: number,
): Promise<number[]> {
  // The image's labels mark its containers as Mooring's; the pid label keeps a server's reaper
  // from taking these for leftovers of a crash while they run.
  const args = ['run', '--rm', '--label', `${CONTAINER_LABELS.agent}=${agentId}`];
  args.push('--label', `${CONTAINER_LABELS.run}=bench-floor`);
  args.push('--label', `${CONTAINER_LABELS.pid}=${process.pid}`);
  args.push('--entrypoint', 'python', image, '-c', 'pass');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run('docker', args);
    times.push(performance.now() - started);
  }
  return times;
}
