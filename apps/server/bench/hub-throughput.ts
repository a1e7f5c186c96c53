import { readFile } from 'node:fs/promises';
import { BenchClient } from './bench-client';

export type Throughput = {
  clients: number;
  events: number;
  eventsPerSecond: number;
  lost: number;
  storedEvents: number;
  rssMb: number;
};

/**
 * Sustained throughput with the store on: one agent emits `perBurst` events `bursts` times,
 * every event is persisted and delivered to `clients` browser stand-ins. The rate is events
 * per second from the first receipt to the last, on the slowest client; afterwards the server's
 * resident memory is read, with `bursts * perBurst` events in its store.
 */
export async function hubThroughput(
  url: string,
  serverPid: number,
  agentId: string,
  options: { clients: number; bursts: number; perBurst: number },
): Promise<Throughput> {
  const clients = await Promise.all(
    Array.from({ length: options.clients }, () => BenchClient.connect(url)),
  );
  const received = clients.map(() => 0);
  let first = 0;
  let last = 0;
  clients.forEach((client, index) =>
    client.on((message) => {
      if (message.type !== 'event' || message.envelope.kind !== 'event') return;
      // The user's own turn is not one of the agent's events.
      if (message.envelope.event.author === 'user') return;
      first ||= performance.now();
      last = performance.now();
      received[index] = (received[index] ?? 0) + 1;
    }),
  );

  const driver = clients[0] as BenchClient;
  for (let i = 0; i < options.bursts; i++) {
    await driver.post(`/api/agents/${agentId}/chat`, { message: `${options.perBurst} 0` });
  }
  const events = options.bursts * options.perBurst;
  const deadline = Date.now() + 60_000;
  while (Math.min(...received) < events && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const client of clients) client.close();
  const slowest = Math.min(...received);
  return {
    clients: clients.length,
    events,
    eventsPerSecond: (slowest / (last - first)) * 1000,
    lost: events - slowest,
    storedEvents: events,
    rssMb: await residentMb(serverPid),
  };
}

async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}
