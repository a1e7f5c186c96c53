// Prints Mooring's speed figures for venv and container mode side by side: start times to
// `ready` (cold and warm), event latency from the agent host's emit to a hub client's receipt,
// and the floor a bare `docker run` sets. Figures, not pass/fail: targets are printed beside
// them for a person to read.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { agentViewSchema, dockerStateSchema, type RunMode } from '@mooring/protocol';
import { z } from 'zod';
import { loadConfig } from '../src/config/config';
import { BenchClient } from './bench-client';
import { startBenchServer } from './bench-server';
import { comparisonTable, type ContainerResult } from './comparison-table';
import { bareRunTimes } from './docker-floor';
import { imageIdOf, removeAgentImages } from './docker-images';
import { eventLatency } from './event-latency';
import { hubCapacity } from './hub-capacity';
import { hubThroughput } from './hub-throughput';
import { watchImage } from './image-watch';
import type { ModeFigures, StartFigure } from './mode-figures';
import { fmt, median } from './stats';

const AGENT = 'burst';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2500);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 1);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 5);
const CONTAINER_COLD_RUNS = Number(process.env.BENCH_CONTAINER_COLD_RUNS ?? 2);
const CONTAINER_WARM_RUNS = Number(process.env.BENCH_CONTAINER_WARM_RUNS ?? WARM_RUNS);
const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 5);
const WITH_CONTAINER = process.env.BENCH_CONTAINER !== '0';
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const THROUGHPUT_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_STORED_EVENTS ?? 100_000);

const healthSchema = z.object({ docker: dockerStateSchema });

/** Prepares one start: removes what a cold start must not find. */
type BeforeStart = () => Promise<unknown>;

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const dataDir = path.join(loadConfig().dataDir, 'bench');
  const server = await startBenchServer(PORT, dataDir);
  const client = await BenchClient.connect(server.url);
  try {
    const venvDir = path.join(dataDir, 'venvs', AGENT);
    const venv = await benchMode(client, 'venv', COLD_RUNS, WARM_RUNS, () =>
      rm(venvDir, { recursive: true, force: true }),
    );
    const container = await benchContainer(client);
    out();
    out(`events: ${EVENTS} per run, paced one per ${PACE_MS} ms and in one burst;`);
    out("latency from the host's emit to the hub client; starts are medians to `ready`");
    for (const line of comparisonTable(venv, container)) out(line);
    out();
    for (const line of containerNotes(container)) out(line);
    await benchThroughput(client, server.url, server.pid);
  } finally {
    client.close();
    await server.stop();
  }
}

/** The hub and store under sustained load, in venv mode so the agent's start is not measured. */
async function benchThroughput(client: BenchClient, url: string, pid: number): Promise<void> {
  await client.timedStart(AGENT, 'venv');
  const perBurst = 20_000;
  const bursts = Math.max(1, Math.round(THROUGHPUT_EVENTS / perBurst));
  const options = { clients: THROUGHPUT_CLIENTS, bursts, perBurst };
  const result = await hubThroughput(url, pid, AGENT, options);
  await client.post(`/api/agents/${AGENT}/stop`);
  const rate = Math.round(result.eventsPerSecond);
  const ceiling = await hubCapacity(THROUGHPUT_CLIENTS, THROUGHPUT_EVENTS);
  const mb = result.rssMb.toFixed(0);
  out();
  out(`store and hub, ${result.events} events persisted and sent to ${result.clients} clients`);
  out(`  from a real agent     ${rate} events/s on the slowest client, lost ${result.lost}`);
  out(
    `  hub and store alone   ${Math.round(ceiling.eventsPerSecond)} events/s, ` +
      `lost ${ceiling.lost}  (target >= 5000, 0 lost)`,
  );
  out(`  server memory         ${mb} MB RSS with ${result.storedEvents} events stored (< 300 MB)`);
}

async function benchContainer(client: BenchClient): Promise<ContainerResult> {
  if (!WITH_CONTAINER) return { skipped: 'BENCH_CONTAINER=0' };
  const { docker } = healthSchema.parse(await client.get('/api/health'));
  if (!docker.available) return { skipped: docker.reason ?? 'Docker is not available' };

  const figures = await benchMode(
    client,
    'container',
    CONTAINER_COLD_RUNS,
    CONTAINER_WARM_RUNS,
    () => removeAgentImages(AGENT),
  );
  const image = figures.warm.at(-1)?.image?.imageTag;
  if (!image) throw new Error('the warm container starts reported no image');
  const floor = await bareRunTimes(image, AGENT, FLOOR_RUNS);
  out(`  container floor       median ${fmt(median(floor))} over ${floor.length} bare runs`);
  return { figures, floor };
}

async function benchMode(
  client: BenchClient,
  mode: RunMode,
  coldRuns: number,
  warmRuns: number,
  beforeCold: BeforeStart,
): Promise<ModeFigures> {
  out(`\n${mode} mode`);
  const cold: StartFigure[] = [];
  for (let i = 0; i < coldRuns; i++) {
    await beforeCold();
    cold.push(await startOnce(client, mode));
    await client.post(`/api/agents/${AGENT}/stop`);
  }
  out(`  cold start to ready   ${startLine(cold)}`);

  const warm: StartFigure[] = [];
  for (let i = 0; i < warmRuns; i++) {
    warm.push(await startOnce(client, mode));
    if (i < warmRuns - 1) await client.post(`/api/agents/${AGENT}/stop`);
  }
  out(`  warm start to ready   ${startLine(warm)}`);

  await eventLatency(client, AGENT, 500, 0);
  const paced = await eventLatency(client, AGENT, EVENTS, PACE_MS);
  const burst = await eventLatency(client, AGENT, EVENTS, 0);
  await client.post(`/api/agents/${AGENT}/stop`);
  out(`  event latency         measured, ${EVENTS} paced and ${EVENTS} in a burst`);
  return { mode, cold, warm, paced, burst };
}

/** One timed start; in container mode also how the image was had and which one it was. */
async function startOnce(client: BenchClient, mode: RunMode): Promise<StartFigure> {
  if (mode === 'venv') return { ms: await client.timedStart(AGENT, mode) };
  const seen = watchImage(client, AGENT);
  const ms = await client.timedStart(AGENT, mode);
  const source = seen();
  const agent = agentViewSchema.parse(await client.get(`/api/agents/${AGENT}`));
  const imageTag = agent.run?.imageTag;
  if (!imageTag) throw new Error('a running container reported no image tag');
  return { ms, image: { ...source, imageTag, imageId: await imageIdOf(imageTag) } };
}

function startLine(starts: readonly StartFigure[]): string {
  return `median ${fmt(median(starts.map((s) => s.ms)))} over ${starts.length} runs`;
}

function containerNotes(result: ContainerResult): string[] {
  if ('skipped' in result) return [`container mode skipped: ${result.skipped}`];
  const { cold, warm } = result.figures;
  const cached = cold.map((s) => `${s.image?.cachedSteps ?? 0}/${s.image?.steps ?? 0}`);
  const ids = [...new Set(warm.map((s) => s.image?.imageId?.replace('sha256:', '').slice(0, 12)))];
  return [
    `cold container starts removed the agent's images first and built; steps the daemon's`,
    `  layer cache served: ${cached.join(', ')}`,
    `warm container starts used ${ids.length} image id(s): ${ids.join(', ')}`,
    `floor: docker run --rm <agent image> python -c pass, median of ${result.floor.length}`,
  ];
}

main().catch((error: unknown) => {
  const text = error instanceof Error ? error.stack : String(error);
  process.stderr.write(`benchmark failed: ${text}\n`);
  process.exit(1);
});
