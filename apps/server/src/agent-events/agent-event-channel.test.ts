import type { Envelope } from '@mooring/protocol';
import { silentLogger } from '@mooring/runners';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { AgentEventChannel, MAX_ENVELOPE_BYTES } from './agent-event-channel';
import { startAgentEventListener, type AgentEventListener } from './agent-event-listener';

let channel: AgentEventChannel;
let listener: AgentEventListener;

beforeEach(async () => {
  channel = new AgentEventChannel({ logger: silentLogger, publicHost: '127.0.0.1' });
  listener = await startAgentEventListener(channel, { host: '127.0.0.1' });
});

afterEach(async () => {
  channel.close();
  await listener.close();
});

function envelope(runId: string, seq: number, text = `event ${seq}`): string {
  return JSON.stringify({
    v: 1,
    runId,
    seq,
    ts: Date.now(),
    kind: 'event',
    event: { author: 'agent', content: { parts: [{ text }] } },
  });
}

function registerRun(agentId: string, runId: string) {
  const received: Envelope[] = [];
  const registration = channel.register(agentId, runId, (e) => {
    received.push(e);
  });
  return { registration, received, seqs: () => received.map((e) => e.seq) };
}

type Client = {
  ws: WebSocket;
  replies: unknown[];
  closed: Promise<number>;
  nextReply(count?: number): Promise<void>;
};

/** Opens a client; resolves once the welcome arrived, or rejects with the HTTP status. */
function connect(agentId: string, headers: Record<string, string>): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(channel.urlFor(agentId), { headers });
    const replies: unknown[] = [];
    let waiters: Array<{ count: number; done: () => void }> = [];
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    ws.on('unexpected-response', (_request, response) => {
      reject(new Error(`HTTP ${response.statusCode}`));
    });
    ws.on('error', (error) => reject(error));
    ws.on('message', (data) => {
      replies.push(JSON.parse(String(data)));
      if (replies.length === 1) resolve(client);
      waiters = waiters.filter((w) => (replies.length >= w.count ? (w.done(), false) : true));
    });
    const client: Client = {
      ws,
      replies,
      closed,
      nextReply: (count = 1) =>
        new Promise((done) => {
          const target = replies.length + count;
          waiters.push({ count: target, done });
        }),
    };
  });
}

const bearer = (secret: string, runId?: string) => ({
  authorization: `Bearer ${secret}`,
  ...(runId ? { 'x-mooring-run': runId } : {}),
});

describe('AgentEventChannel upgrades', () => {
  it('refuses a missing secret with 401 and a wrong one with 401', async () => {
    registerRun('weather', 'run-1');
    await expect(connect('weather', {})).rejects.toThrow('HTTP 401');
    await expect(connect('weather', bearer('0'.repeat(64)))).rejects.toThrow('HTTP 401');
    expect(channel.counters.refused).toBe(2);
  });

  it("refuses another agent's or another run's secret with 403", async () => {
    const other = registerRun('dice', 'run-2');
    registerRun('weather', 'run-1');
    await expect(connect('weather', bearer(other.registration.secret))).rejects.toThrow('HTTP 403');
    const mine = registerRun('weather', 'run-3');
    await expect(connect('weather', bearer(mine.registration.secret, 'run-1'))).rejects.toThrow(
      'HTTP 403',
    );
  });

  it('refuses unknown paths with 404 and closed registrations with 401', async () => {
    const run = registerRun('weather', 'run-1');
    const badPath = channel.urlFor('weather').replace('/ws/agent-events/weather', '/ws/other');
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(badPath, { headers: bearer(run.registration.secret) });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('error', () => resolve(undefined));
    });
    expect(status).toBe(404);
    run.registration.close();
    await expect(connect('weather', bearer(run.registration.secret))).rejects.toThrow('HTTP 401');
  });

  it('asks even a rightful host to come back later once it stops admitting', async () => {
    const run = registerRun('weather', 'run-1');
    channel.stopAdmitting();
    await expect(connect('weather', bearer(run.registration.secret))).rejects.toThrow('HTTP 503');
    expect(channel.counters.refused).toBe(0);
  });

  it('gives a URL on the public host and the listener port', () => {
    expect(channel.urlFor('a.b')).toBe(`ws://127.0.0.1:${listener.port}/ws/agent-events/a.b`);
  });
});

describe('AgentEventChannel envelopes', () => {
  it('welcomes, delivers in order and acknowledges each envelope', async () => {
    const run = registerRun('weather', 'run-1');
    const client = await connect('weather', bearer(run.registration.secret, 'run-1'));
    expect(client.replies[0]).toEqual({ type: 'welcome', lastSeq: 0 });
    const acks = client.nextReply(3);
    for (const seq of [1, 2, 3]) client.ws.send(envelope('run-1', seq));
    await acks;
    expect(run.seqs()).toEqual([1, 2, 3]);
    expect(client.replies.slice(1)).toEqual([1, 2, 3].map((seq) => ({ type: 'ack', seq })));
    client.ws.close();
  });

  it('drops and counts malformed JSON and envelopes of another run', async () => {
    const run = registerRun('weather', 'run-1');
    const client = await connect('weather', bearer(run.registration.secret));
    client.ws.send('{not json');
    client.ws.send(JSON.stringify({ hello: 'world' }));
    client.ws.send(envelope('run-elsewhere', 1));
    const ack = client.nextReply();
    client.ws.send(envelope('run-1', 1));
    await ack;
    expect(run.seqs()).toEqual([1]);
    expect(channel.counters).toMatchObject({ malformed: 2, wrongRun: 1, delivered: 1 });
    client.ws.close();
  });

  it('replaces an invalid envelope that names the next seq, so the stream goes on', async () => {
    const run = registerRun('weather', 'run-1');
    const client = await connect('weather', bearer(run.registration.secret));
    const acks = client.nextReply(2);
    client.ws.send(JSON.stringify({ v: 1, runId: 'run-1', seq: 1, ts: 1, kind: 'bogus' }));
    client.ws.send(envelope('run-1', 2));
    await acks;
    expect(run.received.map((e) => e.kind)).toEqual(['error', 'event']);
    expect(channel.counters.malformed).toBe(1);
    client.ws.close();
  });

  it('drops an oversized message, closes that socket and lets the host move past it', async () => {
    const run = registerRun('weather', 'run-1');
    const first = await connect('weather', bearer(run.registration.secret));
    const ack = first.nextReply();
    first.ws.send(envelope('run-1', 1));
    await ack;
    first.ws.send(envelope('run-1', 2, 'x'.repeat(MAX_ENVELOPE_BYTES + 10)));
    expect(await first.closed).toBe(1009);
    expect(channel.counters.oversized).toBe(1);

    const second = await connect('weather', bearer(run.registration.secret));
    expect(second.replies[0]).toEqual({ type: 'welcome', lastSeq: 2 });
    const next = second.nextReply();
    second.ws.send(envelope('run-1', 3));
    await next;
    expect(run.received.map((e) => `${e.seq}:${e.kind}`)).toEqual([
      '1:event',
      '2:error',
      '3:event',
    ]);
    second.ws.close();
  });

  it('drops duplicates and acknowledges the last delivered seq again', async () => {
    const run = registerRun('weather', 'run-1');
    const client = await connect('weather', bearer(run.registration.secret));
    const acks = client.nextReply(4);
    for (const seq of [1, 2, 2, 1]) client.ws.send(envelope('run-1', seq));
    await acks;
    expect(run.seqs()).toEqual([1, 2]);
    expect(channel.counters.duplicates).toBe(2);
    expect(client.replies.at(-1)).toEqual({ type: 'ack', seq: 2 });
    client.ws.close();
  });

  it('keeps order across a reconnect where the host resends unacknowledged ones', async () => {
    const run = registerRun('weather', 'run-1');
    const first = await connect('weather', bearer(run.registration.secret));
    const acks = first.nextReply(3);
    for (const seq of [1, 2, 3]) first.ws.send(envelope('run-1', seq));
    await acks;
    first.ws.terminate();

    const second = await connect('weather', bearer(run.registration.secret));
    expect(second.replies[0]).toEqual({ type: 'welcome', lastSeq: 3 });
    const more = second.nextReply(4);
    for (const seq of [2, 3, 4, 5]) second.ws.send(envelope('run-1', seq));
    await more;
    expect(run.seqs()).toEqual([1, 2, 3, 4, 5]);
    second.ws.close();
  });

  it('closes a connection that skips a seq, delivering nothing out of order', async () => {
    const run = registerRun('weather', 'run-1');
    const client = await connect('weather', bearer(run.registration.secret));
    const ack = client.nextReply();
    client.ws.send(envelope('run-1', 1));
    await ack;
    client.ws.send(envelope('run-1', 3));
    expect(await client.closed).toBe(4002);
    expect(run.seqs()).toEqual([1]);
    expect(channel.counters.gaps).toBe(1);
  });

  it('cuts a connection on request, and welcomes the host back where it left off', async () => {
    const run = registerRun('weather', 'run-1');
    expect(channel.disconnect('run-1')).toBe(false);
    const first = await connect('weather', bearer(run.registration.secret));
    const ack = first.nextReply();
    first.ws.send(envelope('run-1', 1));
    await ack;

    expect(channel.disconnect('run-1')).toBe(true);
    expect(await first.closed).toBe(1006);
    expect(channel.disconnect('run-1')).toBe(false);
    expect(channel.disconnect('run-elsewhere')).toBe(false);

    const second = await connect('weather', bearer(run.registration.secret));
    expect(second.replies[0]).toEqual({ type: 'welcome', lastSeq: 1 });
    second.ws.close();
  });

  it('replaces an older connection of the same run with a newer one', async () => {
    const run = registerRun('weather', 'run-1');
    const older = await connect('weather', bearer(run.registration.secret));
    const newer = await connect('weather', bearer(run.registration.secret));
    expect(await older.closed).toBe(4001);
    const ack = newer.nextReply();
    newer.ws.send(envelope('run-1', 1));
    await ack;
    expect(run.seqs()).toEqual([1]);
    newer.ws.close();
  });
});

describe('AgentEventChannel acknowledgements', () => {
  /** A run whose handler returns a promise per envelope, settled when the test says so. */
  function slowRun(agentId: string, runId: string, resume?: { secret: string; lastSeq: number }) {
    const received: Envelope[] = [];
    const settle = new Map<number, { resolve(): void; reject(error: Error): void }>();
    const registration = channel.register(
      agentId,
      runId,
      (e) => {
        received.push(e);
        return new Promise<void>((resolve, reject) => settle.set(e.seq, { resolve, reject }));
      },
      resume,
    );
    return { registration, received, settle };
  }

  const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('acknowledges only once the handler settled, and keeps acks in order', async () => {
    const run = slowRun('weather', 'run-1');
    const client = await connect('weather', bearer(run.registration.secret));
    for (const seq of [1, 2, 3]) client.ws.send(envelope('run-1', seq));
    await vi.waitFor(() => expect(run.received).toHaveLength(3));
    await settled();
    expect(client.replies).toEqual([{ type: 'welcome', lastSeq: 0 }]);

    run.settle.get(3)?.resolve();
    run.settle.get(2)?.reject(new Error('could not store'));
    await settled();
    expect(client.replies).toHaveLength(1);

    const acks = client.nextReply(3);
    run.settle.get(1)?.resolve();
    await acks;
    expect(client.replies.slice(1)).toEqual([1, 2, 3].map((seq) => ({ type: 'ack', seq })));
    client.ws.close();
  });

  it('holds the welcome of a reconnect until what was delivered is handled', async () => {
    const run = slowRun('weather', 'run-1');
    const first = await connect('weather', bearer(run.registration.secret));
    first.ws.send(envelope('run-1', 1));
    await vi.waitFor(() => expect(run.received).toHaveLength(1));
    first.ws.terminate();

    let welcomed = false;
    const second = connect('weather', bearer(run.registration.secret)).then((client) => {
      welcomed = true;
      return client;
    });
    await settled();
    expect(welcomed).toBe(false);
    run.settle.get(1)?.resolve();
    expect((await second).replies[0]).toEqual({ type: 'welcome', lastSeq: 1 });
    (await second).ws.close();
  });

  it('resumes a run with the secret its host holds, from the last seq stored', async () => {
    const first = registerRun('weather', 'run-1');
    const { secret } = first.registration;
    first.registration.close();

    const adopted = slowRun('weather', 'run-1', { secret, lastSeq: 5 });
    expect(adopted.registration.secret).toBe(secret);
    const client = await connect('weather', bearer(secret, 'run-1'));
    expect(client.replies[0]).toEqual({ type: 'welcome', lastSeq: 5 });
    const acks = client.nextReply(2);
    client.ws.send(envelope('run-1', 5));
    client.ws.send(envelope('run-1', 6));
    await vi.waitFor(() => expect(adopted.received).toHaveLength(1));
    adopted.settle.get(6)?.resolve();
    await acks;
    expect(adopted.received.map((e) => e.seq)).toEqual([6]);
    expect(client.replies.slice(1)).toEqual([
      { type: 'ack', seq: 5 },
      { type: 'ack', seq: 6 },
    ]);
    client.ws.close();
  });
});

describe('AgentEventChannel heartbeat', () => {
  it('terminates a peer that stops answering pings', async () => {
    const quick = new AgentEventChannel({ logger: silentLogger, heartbeatMs: 30 });
    const quickListener = await startAgentEventListener(quick, { host: '127.0.0.1' });
    try {
      const run = quick.register('weather', 'run-1', () => undefined);
      const ws = new WebSocket(
        quick.urlFor('weather').replace('host.docker.internal', '127.0.0.1'),
        {
          headers: bearer(run.secret),
          autoPong: false,
        },
      );
      const code = await new Promise<number>((resolve) => ws.on('close', resolve));
      expect(code).toBe(1006);
    } finally {
      quick.close();
      await quickListener.close();
    }
  });
});
