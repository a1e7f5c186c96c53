import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HubPayload } from '@mooring/protocol';
import { silentLogger } from '@mooring/runners';
import WebSocket from 'ws';
import { BrowserHub } from '../src/hub/browser-hub';
import { Store } from '../src/store/store';

/**
 * The hub and store alone, without an agent in front: how many events per second they persist
 * and deliver to `clients` browsers. A real agent's own pace (ADK's per-event work) is
 * measured separately; this is the ceiling Mooring's side sets.
 */
export async function hubCapacity(clients: number, events: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'mooring-bench-store-'));
  const store = new Store(dir, silentLogger);
  const snapshot = () => ({
    type: 'snapshot' as const,
    agents: [],
    docker: { available: false },
    store: store.state,
  });
  const hub = new BrowserHub(snapshot, store, () => [], silentLogger);
  const server = createServer();
  server.on('upgrade', (request, socket, head) => hub.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const received = new Array<number>(clients).fill(0);
  const sockets = await Promise.all(
    received.map(async (_, index) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
      socket.on('message', () => (received[index] = (received[index] ?? 0) + 1));
      await new Promise((resolve) => socket.once('open', resolve));
      return socket;
    }),
  );
  const started = performance.now();
  for (let seq = 1; seq <= events; seq++) {
    void hub.publish(payload(seq));
    // Yield now and then, as envelopes arriving from a pipe would.
    if (seq % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  while (Math.min(...received) < events + 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const seconds = (performance.now() - started) / 1000;

  for (const socket of sockets) socket.close();
  hub.close();
  store.close();
  server.close();
  await rm(dir, { recursive: true, force: true });
  return { eventsPerSecond: events / seconds, lost: events + 1 - Math.min(...received) };
}

function payload(seq: number): HubPayload {
  const text = `chunk ${seq} of a streamed reply, about as long as a model's partial text`;
  return {
    type: 'event',
    agentId: 'bench',
    runId: 'bench-run',
    envelope: {
      v: 1,
      runId: 'bench-run',
      seq,
      ts: Date.now(),
      kind: 'event',
      event: { author: 'bench', partial: true, content: { role: 'model', parts: [{ text }] } },
    },
  };
}
