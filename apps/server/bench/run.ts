// Prints Mooring's speed figures: start times to `ready` and event latency from the agent
// host's emit to a hub client's receipt. Figures, not pass/fail: targets are printed beside
// them for a person to read.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunMode } from '@mooring/protocol';
import { silentLogger } from '@mooring/runners';
import { loadConfig } from '../src/config/config';
import { startServer } from '../src/server';
import { BenchClient } from './bench-client';
import { fmt, median, percentile } from './stats';

const here = path.dirname(fileURLToPath(import.meta.url));
const AGENT = 'burst';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2500);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 5);

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const base = loadConfig();
  const dataDir = path.join(base.dataDir, 'bench');
  const config = { ...base, roots: [path.join(here, 'agents')], dataDir, port: 0 };
  const server = await startServer(config, {
    logger: silentLogger,
    dockerProbe: async () => ({ available: false, reason: 'not measured here' }),
  });
  const client = await BenchClient.connect(server.url);
  try {
    await benchMode(client, 'venv', path.join(dataDir, 'venvs', AGENT));
  } finally {
    client.close();
    await server.close();
  }
}

async function benchMode(client: BenchClient, mode: RunMode, envDir: string): Promise<void> {
  out(`\n${mode} mode`);
  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    await rm(envDir, { recursive: true, force: true });
    cold.push(await client.timedStart(AGENT, mode));
    await client.post(`/api/agents/${AGENT}/stop`);
  }
  out(`  cold start to ready   median ${fmt(median(cold))} over ${cold.length} runs`);

  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    warm.push(await client.timedStart(AGENT, mode));
    if (i < WARM_RUNS - 1) await client.post(`/api/agents/${AGENT}/stop`);
  }
  out(
    `  warm start to ready   median ${fmt(median(warm))} over ${warm.length} runs  (target < 3 s)`,
  );

  const latency = await eventLatency(client);
  const { samples, lost, reordered } = latency;
  out(
    `  event latency         p50 ${fmt(percentile(samples, 50))}  p99 ${fmt(percentile(samples, 99))}` +
      `  (target p99 < 20 ms)`,
  );
  out(
    `  events                sent ${EVENTS}  received ${samples.length}  lost ${lost}` +
      `  reordered ${reordered}`,
  );
  await client.post(`/api/agents/${AGENT}/stop`);
}

async function eventLatency(client: BenchClient) {
  const samples: number[] = [];
  let lastSeq = 0;
  let reordered = 0;
  const off = client.on((message) => {
    if (message.type !== 'event' || message.envelope.kind !== 'event') return;
    samples.push(Date.now() - message.envelope.ts);
    if (message.envelope.seq !== lastSeq + 1 && lastSeq !== 0) reordered += 1;
    lastSeq = message.envelope.seq;
  });
  await client.post(`/api/agents/${AGENT}/chat`, { message: String(EVENTS) });
  const deadline = Date.now() + 30_000;
  while (samples.length < EVENTS && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  off();
  return { samples, lost: EVENTS - samples.length, reordered };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
