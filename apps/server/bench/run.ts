// Prints Mooring's speed figures: start times to `ready` and event latency from the agent
// host's emit to a hub client's receipt. Figures, not pass/fail: targets are printed beside
// them for a person to read.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { RunMode } from '@mooring/protocol';
import { loadConfig } from '../src/config/config';
import { BenchClient } from './bench-client';
import { startBenchServer } from './bench-server';
import { fmt, median, percentile } from './stats';

const AGENT = 'burst';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2500);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 1);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4391);

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with the host's ts. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

async function main(): Promise<void> {
  const dataDir = path.join(loadConfig().dataDir, 'bench');
  const server = await startBenchServer(PORT, dataDir);
  const client = await BenchClient.connect(server.url);
  try {
    await benchMode(client, 'venv', path.join(dataDir, 'venvs', AGENT));
  } finally {
    client.close();
    await server.stop();
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
  const warmLine = `median ${fmt(median(warm))} over ${warm.length} runs  (target < 3 s)`;
  out(`  warm start to ready   ${warmLine}`);

  await eventLatency(client, 500, 0);
  const paced = await eventLatency(client, EVENTS, PACE_MS);
  report(`events, one per ${PACE_MS} ms`, paced);
  report('events, one burst', await eventLatency(client, EVENTS, 0));
  await client.post(`/api/agents/${AGENT}/stop`);
}

type Latency = { samples: number[]; lost: number; reordered: number };

function report(label: string, { samples, lost, reordered }: Latency): void {
  const p50 = fmt(percentile(samples, 50));
  const p99 = fmt(percentile(samples, 99));
  out(`  ${label.padEnd(22)}p50 ${p50}  p99 ${p99}  (target p99 < 20 ms)`);
  const counts = `sent ${EVENTS}  received ${samples.length}  lost ${lost}  reordered ${reordered}`;
  out(`  ${''.padEnd(22)}${counts}`);
}

/** Asks the agent for `count` events and measures each from the host's emit to receipt. */
async function eventLatency(client: BenchClient, count: number, paceMs: number): Promise<Latency> {
  const samples: number[] = [];
  let lastSeq = 0;
  let reordered = 0;
  const off = client.on((message) => {
    if (message.type !== 'event' || message.envelope.kind !== 'event') return;
    samples.push(now() - message.envelope.ts);
    if (lastSeq !== 0 && message.envelope.seq !== lastSeq + 1) reordered += 1;
    lastSeq = message.envelope.seq;
  });
  await client.post(`/api/agents/${AGENT}/chat`, { message: `${count} ${paceMs}` });
  const deadline = Date.now() + 30_000;
  while (samples.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  off();
  return { samples, lost: count - samples.length, reordered };
}

main().catch((error: unknown) => {
  const text = error instanceof Error ? error.stack : String(error);
  process.stderr.write(`benchmark failed: ${text}\n`);
  process.exit(1);
});
