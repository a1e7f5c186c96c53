import type { Envelope } from '@mooring/protocol';

/** A registration of one run on the event channel; closing it refuses further connections. */
export type ChannelRegistration = {
  secret: string;
  close(): void;
};

/**
 * The server side of the container event channel (`/ws/agent-events/{agentId}`). Container runs
 * register before they start, hand the secret and URL to the container, and receive every
 * envelope the host sends, deduplicated and in sequence order.
 */
export interface EventChannel {
  /** The URL a container uses to reach the channel for this agent. */
  urlFor(agentId: string): string;
  /**
   * Accepts connections for one run. The channel acknowledges an envelope to the host only once
   * the promise `onEnvelope` returns has settled (the server has stored it), so the host keeps
   * and resends anything a crash lost. A re-adopted run passes the secret its container already
   * holds and the last seq already stored.
   */
  register(
    agentId: string,
    runId: string,
    onEnvelope: (envelope: Envelope) => void | Promise<void>,
    resume?: { secret: string; lastSeq: number },
  ): ChannelRegistration;
}
