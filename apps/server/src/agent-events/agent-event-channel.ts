import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AgentChannelReply, Envelope } from '@mooring/protocol';
import {
  decodeEnvelope,
  type ChannelRegistration,
  type EventChannel,
  type Logger,
} from '@mooring/runners';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { z } from 'zod';
import { zeroCounters, type AgentEventCounters } from './agent-event-counters';
import { agentEventsPath, agentIdFromUrl } from './agent-event-path';
import { droppedEnvelope } from './dropped-envelope';
import { bearerSecret, digestsMatch, newRunSecret, secretDigest } from './run-secret';
import { sequenceVerdict } from './run-sequence';
import { refuseUpgrade, type RefusalStatus } from './upgrade-refusal';

/** The largest message a container may send; larger ones close its connection. */
export const MAX_ENVELOPE_BYTES = 1024 * 1024;

const HEARTBEAT_MS = 15_000;
const CLOSE_REPLACED = 4001;
const CLOSE_GAP = 4002;
const CLOSE_RUN_ENDED = 1000;

const upgradeHeadersSchema = z.looseObject({
  authorization: z.string().optional(),
  'x-mooring-run': z.string().optional(),
});

const salvageSchema = z.looseObject({ runId: z.string(), seq: z.number().int().positive() });

type Peer = WebSocket & { alive?: boolean };

type RunSlot = {
  agentId: string;
  runId: string;
  digest: Buffer;
  lastSeq: number;
  onEnvelope: (envelope: Envelope) => void | Promise<void>;
  /** Settles once every envelope delivered so far has been handled; replies queue behind it. */
  handled: Promise<void>;
  socket: Peer | undefined;
};

export type AgentEventChannelOptions = {
  logger: Logger;
  /** The name containers use for the host; Mooring adds it with `host-gateway`. */
  publicHost?: string;
  heartbeatMs?: number;
};

/** `urlFor` was asked before the channel's listener was started. */
export class AgentEventChannelError extends Error {
  readonly code = 'not_listening';

  constructor(message: string) {
    super(message);
    this.name = 'AgentEventChannelError';
  }
}

/**
 * The server end of `/ws/agent-events/{agentId}`. Each container run registers and gets a secret;
 * the host inside connects with it and streams envelopes, which are checked, deduplicated by
 * sequence number and handed to the run in order. An envelope is acknowledged only once the
 * promise its handler returned has settled (the server stored it), acknowledgements keep their
 * order, and a (re)connecting host is told the last sequence number handled, so it resends only
 * the rest. A run adopted from an earlier server process registers again with the secret its
 * host already holds and the last sequence number stored.
 */
export class AgentEventChannel implements EventChannel {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_ENVELOPE_BYTES });
  private readonly slots = new Map<string, RunSlot>();
  private readonly tally = zeroCounters();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly logger: Logger;
  private readonly publicHost: string;
  private port: number | undefined;
  private admitting = true;

  constructor(options: AgentEventChannelOptions) {
    this.logger = options.logger.child({ component: 'agent-events' });
    this.publicHost = options.publicHost ?? 'host.docker.internal';
    this.heartbeat = setInterval(() => this.sweep(), options.heartbeatMs ?? HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Tells the channel which port its listener got, for the URLs it hands to containers. */
  listeningOn(port: number): void {
    this.port = port;
  }

  urlFor(agentId: string): string {
    if (this.port === undefined) {
      throw new AgentEventChannelError('the agent event listener has not been started');
    }
    return `ws://${this.publicHost}:${this.port}${agentEventsPath(agentId)}`;
  }

  register(
    agentId: string,
    runId: string,
    onEnvelope: (envelope: Envelope) => void | Promise<void>,
    resume?: { secret: string; lastSeq: number },
  ): ChannelRegistration {
    const existing = this.slots.get(runId);
    if (existing) this.unregister(existing);
    const secret = resume?.secret ?? newRunSecret();
    const slot: RunSlot = {
      agentId,
      runId,
      digest: secretDigest(secret),
      lastSeq: resume?.lastSeq ?? 0,
      onEnvelope,
      handled: Promise.resolve(),
      socket: undefined,
    };
    this.slots.set(runId, slot);
    return { secret, close: () => this.unregister(slot) };
  }

  /**
   * Cuts the run's connection at once, without a closing handshake, as a network failure would.
   * The registration stays: the host reconnects with backoff, hears from the welcome what was
   * delivered and resends the rest. Useful to make a stuck host start over, and to test that
   * nothing is lost. Returns whether there was a connection to cut.
   */
  disconnect(runId: string): boolean {
    const slot = this.slots.get(runId);
    const ws = slot?.socket;
    if (!slot || !ws) return false;
    slot.socket = undefined;
    ws.terminate();
    this.logger.info({ runId, lastSeq: slot.lastSeq }, 'agent event socket cut');
    return true;
  }

  get counters(): Readonly<AgentEventCounters> {
    return { ...this.tally };
  }

  /**
   * Refuses new connections from now on with 503, which a host takes as "try again later". A
   * shutting-down server calls it first: the runs it leaves running unregister, and their hosts
   * must wait for the next server rather than be turned away as strangers.
   */
  stopAdmitting(): void {
    this.admitting = false;
  }

  /** For `upgrade` events of the listener containers reach; refuses anything not authorised. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!this.admitting) {
      this.logger.debug({ url: request.url }, 'shutting down; an agent event connection waits');
      return refuseUpgrade(socket, 503);
    }
    const agentId = agentIdFromUrl(request.url);
    if (!agentId) return this.refuse(socket, 404, 'no such endpoint');
    const headers = upgradeHeadersSchema.safeParse(request.headers);
    const secret = headers.success ? bearerSecret(headers.data.authorization) : undefined;
    if (!secret) return this.refuse(socket, 401, 'no secret', agentId);
    const slot = this.slotFor(secret);
    if (!slot) return this.refuse(socket, 401, 'unknown secret', agentId);
    if (slot.agentId !== agentId)
      return this.refuse(socket, 403, 'secret of another agent', agentId);
    const claimedRun = headers.data?.['x-mooring-run'];
    if (claimedRun !== undefined && claimedRun !== slot.runId) {
      return this.refuse(socket, 403, 'secret of another run', agentId);
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, slot));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const slot of this.slots.values()) slot.socket?.terminate();
    this.slots.clear();
    this.wss.close();
  }

  private refuse(socket: Duplex, status: RefusalStatus, why: string, agentId?: string): void {
    this.tally.refused++;
    this.logger.warn({ status, agentId, why }, 'refused an agent event connection');
    refuseUpgrade(socket, status);
  }

  /** Compares against every registration, whatever matches, so timing reveals nothing. */
  private slotFor(secret: string): RunSlot | undefined {
    const digest = secretDigest(secret);
    let found: RunSlot | undefined;
    for (const slot of this.slots.values()) {
      if (digestsMatch(slot.digest, digest)) found = slot;
    }
    return found;
  }

  private onConnection(ws: Peer, slot: RunSlot): void {
    if (this.slots.get(slot.runId) !== slot) {
      ws.close(CLOSE_RUN_ENDED, 'run ended');
      return;
    }
    const previous = slot.socket;
    slot.socket = ws;
    if (previous) previous.close(CLOSE_REPLACED, 'replaced by a newer connection');

    ws.alive = true;
    ws.on('pong', () => (ws.alive = true));
    ws.on('message', (data) => this.onMessage(slot, ws, data));
    ws.on('error', (error) => this.onSocketError(slot, ws, error));
    ws.on('close', () => {
      if (slot.socket === ws) slot.socket = undefined;
    });
    this.logger.info({ runId: slot.runId, lastSeq: slot.lastSeq }, 'agent event socket open');
    // The host waits for the welcome before it sends, so nothing is delivered meanwhile and,
    // once what was delivered before is handled, `lastSeq` is exactly what is stored.
    this.replyWhenHandled(slot, ws, () => ({ type: 'welcome', lastSeq: slot.lastSeq }));
  }

  private onMessage(slot: RunSlot, ws: Peer, data: RawData): void {
    if (slot.socket !== ws) return;
    const text = rawText(data);
    const decoded = decodeEnvelope(text);
    if (!decoded.ok) return this.onMalformed(slot, ws, text, decoded.error);

    const { envelope } = decoded;
    if (envelope.runId !== slot.runId) {
      this.tally.wrongRun++;
      this.logger.warn({ runId: slot.runId, claimed: envelope.runId }, 'envelope of another run');
      return;
    }
    switch (sequenceVerdict(slot.lastSeq, envelope.seq)) {
      case 'deliver':
        this.deliver(slot, envelope);
        this.replyWhenHandled(slot, ws, () => ({ type: 'ack', seq: envelope.seq }));
        return;
      case 'duplicate': {
        this.tally.duplicates++;
        const seq = slot.lastSeq;
        this.replyWhenHandled(slot, ws, () => ({ type: 'ack', seq }));
        return;
      }
      case 'gap':
        this.tally.gaps++;
        this.logger.warn({ runId: slot.runId, lastSeq: slot.lastSeq, seq: envelope.seq }, 'gap');
        ws.close(CLOSE_GAP, `expected seq ${slot.lastSeq + 1}`);
    }
  }

  /**
   * An unreadable message is dropped. When it still names this run and the next sequence number,
   * a stand-in error takes its place, so the host does not resend it forever.
   */
  private onMalformed(slot: RunSlot, ws: Peer, text: string, error: string): void {
    this.tally.malformed++;
    this.logger.warn({ runId: slot.runId, error }, 'dropped a malformed envelope');
    let header: z.infer<typeof salvageSchema> | undefined;
    try {
      header = salvageSchema.safeParse(JSON.parse(text)).data;
    } catch {
      return;
    }
    if (header?.runId !== slot.runId || header.seq !== slot.lastSeq + 1) return;
    const { seq } = header;
    this.deliver(slot, droppedEnvelope(slot.runId, seq, `invalid envelope: ${error}`));
    this.replyWhenHandled(slot, ws, () => ({ type: 'ack', seq }));
  }

  /**
   * `ws` closes a connection whose message exceeds the limit, before it can be read. The host
   * sends in order, so that message was the next one: a stand-in takes its place and the welcome
   * after the reconnect tells the host to move past it.
   */
  private onSocketError(slot: RunSlot, ws: Peer, error: Error & { code?: string }): void {
    if (error.code !== 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      this.logger.debug({ err: error, runId: slot.runId }, 'agent event socket error');
      return;
    }
    this.tally.oversized++;
    this.logger.warn(
      { runId: slot.runId, limit: MAX_ENVELOPE_BYTES },
      'dropped an oversized envelope',
    );
    if (slot.socket !== ws) return;
    const seq = slot.lastSeq + 1;
    this.deliver(slot, droppedEnvelope(slot.runId, seq, `larger than ${MAX_ENVELOPE_BYTES} bytes`));
  }

  /** Hands an envelope to its run; `slot.handled` settles once the run is done with it. */
  private deliver(slot: RunSlot, envelope: Envelope): void {
    slot.lastSeq = envelope.seq;
    this.tally.delivered++;
    let handling: unknown;
    try {
      handling = slot.onEnvelope(envelope);
    } catch (error) {
      this.handlerFailed(slot, envelope.seq, error);
    }
    if (!(handling instanceof Promise)) return;
    const settled = handling.catch((error: unknown) =>
      this.handlerFailed(slot, envelope.seq, error),
    );
    slot.handled = Promise.all([slot.handled, settled]).then(() => undefined);
  }

  /**
   * A failed handler still counts as handled: holding the acknowledgement back would only make
   * the host resend an envelope that the sequence check already counts as delivered.
   */
  private handlerFailed(slot: RunSlot, seq: number, error: unknown): void {
    this.logger.error({ err: error, runId: slot.runId, seq }, 'an envelope handler failed');
  }

  /** Sends a reply once every envelope delivered so far is handled, in the order asked. */
  private replyWhenHandled(slot: RunSlot, ws: Peer, message: () => AgentChannelReply): void {
    slot.handled = slot.handled.then(() => reply(ws, message()));
  }

  private unregister(slot: RunSlot): void {
    if (this.slots.get(slot.runId) === slot) this.slots.delete(slot.runId);
    slot.socket?.close(CLOSE_RUN_ENDED, 'run ended');
    slot.socket = undefined;
  }

  private sweep(): void {
    for (const slot of this.slots.values()) {
      const ws = slot.socket;
      if (!ws) continue;
      if (!ws.alive) {
        this.logger.info({ runId: slot.runId }, 'agent event socket stopped answering');
        ws.terminate();
        continue;
      }
      ws.alive = false;
      ws.ping();
    }
  }
}

function reply(ws: WebSocket, message: AgentChannelReply): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data).toString('utf8');
}
