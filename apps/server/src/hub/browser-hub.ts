import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { HubMessage, HubPayload } from '@mooring/protocol';
import type { Logger } from '@mooring/runners';
import { WebSocket, WebSocketServer } from 'ws';
import { isAllowedOrigin } from '../http/origin-policy';
import type { Store } from '../store/store';

const HEARTBEAT_MS = 15_000;
/** A browser this far behind is dropped; it reconnects and starts again from a snapshot. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

type Peer = WebSocket & { alive?: boolean };

type Snapshot = Extract<HubMessage, { type: 'snapshot' }>;

/**
 * The browser side of the hub (`/ws`): a snapshot on connect, then every message the runs
 * produce, numbered by the store, to every connected browser. A browser that reconnects with
 * `?after=N` gets the messages it missed instead of a snapshot. Browsers only listen; anything
 * they send is ignored.
 */
export class BrowserHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly snapshot: () => Omit<Snapshot, 'seq'>,
    private readonly store: Store,
    private readonly allowedOrigins: () => readonly string[],
    private readonly logger: Logger,
  ) {
    this.wss.on('connection', (socket: Peer, request: IncomingMessage) =>
      this.onConnection(socket, request),
    );
    this.heartbeat = setInterval(() => this.sweep(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get clientCount(): number {
    return this.wss.clients.size;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, this.allowedOrigins())) {
      this.logger.warn({ origin }, 'refused a hub connection from a foreign origin');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
  }

  /** Numbers, records and sends a message; resolves once it is safely in the store. */
  publish(payload: HubPayload): Promise<void> {
    const { message, durable } = this.store.append(payload);
    if (this.wss.clients.size > 0) {
      const data = JSON.stringify(message);
      for (const client of this.wss.clients) this.send(client, data);
    }
    return durable;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private onConnection(socket: Peer, request: IncomingMessage): void {
    socket.alive = true;
    socket.on('pong', () => (socket.alive = true));
    socket.on('error', (error) => this.logger.debug({ err: error }, 'hub client error'));
    const after = resumePoint(request);
    const missed = after === undefined ? undefined : this.store.messagesAfter(after);
    if (missed) {
      for (const message of missed) this.send(socket, JSON.stringify(message));
      return;
    }
    const snapshot: Snapshot = { ...this.snapshot(), seq: this.store.currentSeq };
    this.send(socket, JSON.stringify(snapshot));
  }

  private send(client: WebSocket, data: string): void {
    if (client.readyState !== WebSocket.OPEN) return;
    if (client.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.logger.warn(
        { buffered: client.bufferedAmount },
        'dropped a hub client that fell behind',
      );
      client.terminate();
      return;
    }
    client.send(data);
  }

  private sweep(): void {
    for (const client of this.wss.clients as Set<Peer>) {
      if (!client.alive) {
        client.terminate();
        continue;
      }
      client.alive = false;
      client.ping();
    }
  }
}

/** The `after` query parameter of a resuming browser, when it is a usable number. */
function resumePoint(request: IncomingMessage): number | undefined {
  const raw = new URL(request.url ?? '/', 'http://localhost').searchParams.get('after');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return undefined;
  return Number(raw);
}
