import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HubClient } from './hub-client';
import type { HubFrame } from './hub-frame';
import { hubPath } from './hub-path';

/** Just enough of a browser WebSocket for the client: the test plays the server. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }

  open(): void {
    this.onopen?.();
  }

  send(frame: object): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    setTimeout(() => this.onclose?.(), 0);
  }
}

const docker = { available: true };
const store = { ok: true, path: '/data/mooring.db' };
const snapshot = (seq: number) => ({ type: 'snapshot', seq, agents: [], docker, store });
const message = (seq: number) => ({ type: 'docker', docker, seq });

function start() {
  const received: HubFrame[] = [];
  const client = new HubClient({
    url: (after) => `ws://mooring${hubPath(after)}`,
    onMessages: (batch) => received.push(...batch),
    onConnection: () => undefined,
  });
  client.start();
  const seqs = () => received.map((frame) => ('seq' in frame ? frame.seq : null));
  return { client, seqs };
}

const latest = (): FakeSocket => {
  const socket = FakeSocket.opened.at(-1);
  if (!socket) throw new Error('no socket was opened');
  return socket;
};

describe('HubClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    FakeSocket.opened = [];
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('resumes after the last message it applied and skips what it already has', async () => {
    const { client, seqs } = start();
    expect(latest().url).toBe('ws://mooring/ws');
    latest().open();
    [snapshot(10), message(11), message(12)].forEach((frame) => latest().send(frame));

    latest().close();
    await vi.runAllTimersAsync();
    expect(latest().url).toBe('ws://mooring/ws?after=12');

    latest().open();
    [message(12), message(13), message(14)].forEach((frame) => latest().send(frame));
    await vi.runAllTimersAsync();
    expect(seqs()).toEqual([10, 11, 12, 13, 14]);
    client.stop();
  });

  it('reopens for a snapshot at once when a message is missing', async () => {
    const { client, seqs } = start();
    const gapped = latest();
    gapped.open();
    [snapshot(3), message(4), message(6), message(7)].forEach((frame) => gapped.send(frame));
    await vi.advanceTimersByTimeAsync(20);

    expect(gapped.closed).toBe(true);
    expect(FakeSocket.opened).toHaveLength(2);
    expect(latest().url).toBe('ws://mooring/ws');
    latest().open();
    latest().send(snapshot(7));
    await vi.runAllTimersAsync();
    expect(seqs()).toEqual([3, 4, 7]);
    client.stop();
  });

  it('reconnects for a snapshot when the server does not number its messages', async () => {
    const { client } = start();
    latest().open();
    latest().send({ type: 'snapshot', agents: [], docker });
    latest().close();
    await vi.runAllTimersAsync();
    expect(latest().url).toBe('ws://mooring/ws');
    client.stop();
  });
});
