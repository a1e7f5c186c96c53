import type { BenchClient } from './bench-client';

const STEP = /^Step \d+\/(\d+) :/;
const CACHED = /^\s*---> Using cache/;

/** How a container start got its image: built (with how many steps the layer cache served). */
export type ImageSource = {
  built: boolean;
  steps: number;
  cachedSteps: number;
  imageTag?: string;
  imageId?: string;
};

/**
 * Follows the build and system log lines of an agent's next start on the hub, to tell a start
 * that built its image from one that reused it.
 */
export function watchImage(client: BenchClient, agentId: string): () => ImageSource {
  const source: ImageSource = { built: false, steps: 0, cachedSteps: 0 };
  const off = client.on((message) => {
    if (message.type !== 'log' || message.agentId !== agentId) return;
    const { stream, line } = message.log;
    if (stream === 'system' && line.startsWith('building ')) source.built = true;
    if (stream !== 'build') return;
    const step = STEP.exec(line);
    if (step) source.steps = Number(step[1]);
    if (CACHED.test(line)) source.cachedSteps += 1;
  });
  return () => {
    off();
    return source;
  };
}
