import { z } from 'zod';

/**
 * What the agent host sends about a run, over the venv pipe (one JSON object per line) or the
 * container WebSocket (one JSON object per message). Both transports carry the same envelope.
 */
export const ENVELOPE_VERSION = 1;

const base = {
  v: z.literal(ENVELOPE_VERSION),
  runId: z.string().min(1).max(128),
  seq: z.number().int().positive(),
  ts: z.number().nonnegative(),
};

export const readyEnvelopeSchema = z.object({
  ...base,
  kind: z.literal('ready'),
  appName: z.string(),
  pid: z.number().int(),
  adkVersion: z.string(),
  hostVersion: z.string(),
});

/** One ADK Event, serialized the way ADK's API server does (camelCase aliases). */
export const adkEventSchema = z.looseObject({
  id: z.string().optional(),
  invocationId: z.string().optional(),
  author: z.string().optional(),
  partial: z.boolean().optional(),
  timestamp: z.number().optional(),
});

export const eventEnvelopeSchema = z.object({
  ...base,
  kind: z.literal('event'),
  sessionId: z.string().optional(),
  event: adkEventSchema,
});

export const runFinishedEnvelopeSchema = z.object({
  ...base,
  kind: z.literal('run-finished'),
  invocationId: z.string(),
  sessionId: z.string().optional(),
});

export const ERROR_SOURCES = ['model', 'tool', 'run', 'host'] as const;

export const errorEnvelopeSchema = z.object({
  ...base,
  kind: z.literal('error'),
  source: z.enum(ERROR_SOURCES),
  message: z.string(),
  detail: z.string().optional(),
  invocationId: z.string().optional(),
});

export const envelopeSchema = z.discriminatedUnion('kind', [
  readyEnvelopeSchema,
  eventEnvelopeSchema,
  runFinishedEnvelopeSchema,
  errorEnvelopeSchema,
]);

export type AdkEvent = z.infer<typeof adkEventSchema>;
export type ReadyEnvelope = z.infer<typeof readyEnvelopeSchema>;
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
export type RunFinishedEnvelope = z.infer<typeof runFinishedEnvelopeSchema>;
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
export type Envelope = z.infer<typeof envelopeSchema>;

/** Server to host on the container channel: everything up to `seq` is safely received. */
export const agentChannelReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), lastSeq: z.number().int().nonnegative() }),
  z.object({ type: z.literal('ack'), seq: z.number().int().nonnegative() }),
]);

export type AgentChannelReply = z.infer<typeof agentChannelReplySchema>;
