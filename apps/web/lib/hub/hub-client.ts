import { admitFrame } from './admit-frame';
import { reconnectDelay } from './backoff';
import type { ConnectionState } from './connection-state';
import type { HubFrame } from './hub-frame';
import { parseHubMessage } from './parse-hub-message';

export type HubClientOptions = {
  /** The hub's URL: resuming after message `after`, or for a fresh snapshot when null. */
  url: (after: number | null) => string;
  /** Receives messages in arrival order, batched so a burst of logs costs one store update. */
  onMessages: (messages: HubFrame[]) => void;
  onConnection: (state: ConnectionState) => void;
};

const FLUSH_MS = 16;

/**
 * Keeps one WebSocket to the server's hub open: validates each frame, hands messages on in
 * batches, and after a drop reconnects with backoff. It remembers the `seq` of the last message
 * it applied and reconnects after it, so the server replays exactly what was missed; repeats are
 * skipped, and a gap reopens the link for a fresh snapshot rather than leaving a hole.
 */
export class HubClient {
  private socket: WebSocket | null = null;
  private lastSeq: number | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: HubFrame[] = [];
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
    const socket = new WebSocket(this.options.url(this.lastSeq));
    this.socket = socket;
    socket.onmessage = (event) => this.receive(socket, event.data);
    socket.onopen = () => {
      this.attempt = 0;
      this.options.onConnection({ status: 'open' });
    };
    socket.onclose = () => this.dropped(socket);
  }

  private receive(socket: WebSocket, data: unknown): void {
    if (socket !== this.socket) return;
    const frame = parseHubMessage(data);
    if (!frame) return;

    const admission = admitFrame(this.lastSeq, frame);
    this.lastSeq = admission.lastSeq;
    if (admission.action === 'skip') return;
    if (admission.action === 'resync') {
      this.resync(socket);
      return;
    }
    this.queue.push(frame);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** A message went missing: keep what came before it and start over from a snapshot. */
  private resync(socket: WebSocket): void {
    this.socket = null;
    socket.close();
    this.flush();
    this.connect();
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
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
