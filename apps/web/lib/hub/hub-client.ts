import type { HubMessage } from '@mooring/protocol';
import { reconnectDelay } from './backoff';
import type { ConnectionState } from './connection-state';
import { parseHubMessage } from './parse-hub-message';

export type HubClientOptions = {
  url: string;
  /** Receives messages in arrival order, batched so a burst of logs costs one store update. */
  onMessages: (messages: HubMessage[]) => void;
  onConnection: (state: ConnectionState) => void;
};

const FLUSH_MS = 16;

/**
 * Keeps one WebSocket to the server's hub open: validates each frame, hands messages on in
 * batches, and after a drop reconnects with backoff. The server sends a fresh snapshot on
 * every connection, so nothing is replayed here.
 */
export class HubClient {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: HubMessage[] = [];
  private stopped = false;

  constructor(private readonly options: HubClientOptions) {}

  start(): void {
    this.stopped = false;
    this.options.onConnection({ status: 'connecting' });
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.retryTimer = null;
    this.flushTimer = null;
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    const socket = new WebSocket(this.options.url);
    this.socket = socket;
    socket.onmessage = (event) => this.receive(event.data);
    socket.onopen = () => this.options.onConnection({ status: 'open' });
    socket.onclose = () => this.dropped(socket);
  }

  private receive(data: unknown): void {
    const message = parseHubMessage(data);
    if (!message) return;
    if (message.type === 'snapshot') this.attempt = 0;

    this.queue.push(message);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.flushTimer = null;
    const batch = this.queue;
    this.queue = [];
    if (batch.length > 0) this.options.onMessages(batch);
  }

  private dropped(socket: WebSocket): void {
    if (this.stopped || socket !== this.socket) return;
    this.socket = null;
    this.flush();

    const delay = reconnectDelay(this.attempt);
    const attempt = this.attempt;
    this.attempt += 1;
    this.options.onConnection({ status: 'reconnecting', attempt, retryAt: Date.now() + delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }
}
