import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { HubMessage } from '@mooring/protocol';
import type { Logger } from '@mooring/runners';
import { WebSocket, WebSocketServer } from 'ws';
import { isAllowedOrigin } from '../http/origin-policy';

const HEARTBEAT_MS = 15_000;
/** A browser this far behind is dropped; it reconnects and starts again from a snapshot. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

type Peer = WebSocket & { alive?: boolean };

/**
 * The browser side of the hub (`/ws`): a snapshot on connect, then every message the runs
 * produce, to every connected browser. Browsers only listen; anything they send is ignored.
 */
export class BrowserHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly snapshot: () => HubMessage,
    private readonly allowedOrigins: () => readonly string[],
    private readonly logger: Logger,
  ) {
    this.wss.on('connection', (socket: Peer) => this.onConnection(socket));
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

  publish(message: HubMessage): void {
    if (this.wss.clients.size === 0) return;
    const data = JSON.stringify(message);
    for (const client of this.wss.clients) this.send(client, data);
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private onConnection(socket: Peer): void {
    socket.alive = true;
    socket.on('pong', () => (socket.alive = true));
    socket.on('error', (error) => this.logger.debug({ err: error }, 'hub client error'));
    this.send(socket, JSON.stringify(this.snapshot()));
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
