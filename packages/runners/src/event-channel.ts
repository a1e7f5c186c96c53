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
  register(
    agentId: string,
    runId: string,
    onEnvelope: (envelope: Envelope) => void,
  ): ChannelRegistration;
}
