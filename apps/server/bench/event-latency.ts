import type { BenchClient } from './bench-client';
import type { Latency } from './mode-figures';

const WAIT_MS = 30_000;

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with the host's ts. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Asks the running agent for `count` events, one every `paceMs` (0: all at once), and measures
 * each from the host's emit to its receipt on the hub.
 */
export async function eventLatency(
  client: BenchClient,
  agentId: string,
  count: number,
  paceMs: number,
): Promise<Latency> {
  const samples: number[] = [];
  let lastSeq = 0;
  let reordered = 0;
  const off = client.on((message) => {
    if (message.type !== 'event' || message.agentId !== agentId) return;
    if (message.envelope.kind !== 'event' || message.envelope.event.author === 'user') return;
    samples.push(now() - message.envelope.ts);
    if (lastSeq !== 0 && message.envelope.seq !== lastSeq + 1) reordered += 1;
    lastSeq = message.envelope.seq;
  });
  await client.post(`/api/agents/${agentId}/chat`, { message: `${count} ${paceMs}` });
  const deadline = Date.now() + WAIT_MS;
  while (samples.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  off();
  return { sent: count, samples, lost: count - samples.length, reordered };
}
