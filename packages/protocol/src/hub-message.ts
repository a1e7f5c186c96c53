import { z } from 'zod';
import { agentViewSchema, progressSchema } from './agent-view';
import { envelopeSchema } from './envelope';

export const LOG_STREAMS = ['stdout', 'stderr', 'install', 'build', 'system'] as const;

export const logLineSchema = z.object({
  stream: z.enum(LOG_STREAMS),
  line: z.string(),
  ts: z.number(),
});

export type LogLine = z.infer<typeof logLineSchema>;
export type LogStream = LogLine['stream'];

export const chatTurnSchema = z.object({
  role: z.enum(['user', 'agent']),
  text: z.string(),
  ts: z.number(),
});

export type ChatTurn = z.infer<typeof chatTurnSchema>;

export const dockerStateSchema = z.object({
  available: z.boolean(),
  reason: z.string().optional(),
  version: z.string().optional(),
});

export type DockerState = z.infer<typeof dockerStateSchema>;

export const storeStateSchema = z.object({
  ok: z.boolean(),
  path: z.string(),
  /** Why history is not being kept, or what was recovered from, in words for the user. */
  warning: z.string().optional(),
});

export type StoreState = z.infer<typeof storeStateSchema>;

/** Every hub message carries `seq`, the hub's own counter, so a browser can resume after it. */
const seq = z.number().int().nonnegative();

/** What the server publishes; the hub numbers each one before sending it. */
export const hubPayloadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent'), agent: agentViewSchema }),
  z.object({
    type: z.literal('progress'),
    agentId: z.string(),
    runId: z.string(),
    progress: progressSchema,
  }),
  z.object({ type: z.literal('log'), agentId: z.string(), runId: z.string(), log: logLineSchema }),
  z.object({
    type: z.literal('event'),
    agentId: z.string(),
    runId: z.string(),
    envelope: envelopeSchema,
  }),
  z.object({
    type: z.literal('chat'),
    agentId: z.string(),
    runId: z.string(),
    turn: chatTurnSchema,
  }),
  z.object({ type: z.literal('docker'), docker: dockerStateSchema }),
]);

export type HubPayload = z.infer<typeof hubPayloadSchema>;

/**
 * Messages the server's browser hub (`/ws`) sends. A browser that connects to `/ws` gets a
 * `snapshot` whose `seq` is the last message it already reflects, then every message after it.
 * One that reconnects to `/ws?after=N` gets exactly the messages after N instead, replayed from
 * the store, or a fresh `snapshot` when N is too old to replay.
 */
export const hubMessageSchema = z.union([
  z.object({
    type: z.literal('snapshot'),
    seq,
    agents: z.array(agentViewSchema),
    docker: dockerStateSchema,
    store: storeStateSchema,
  }),
  ...hubPayloadSchema.options.map((option) => option.extend({ seq })),
]);

export type HubMessage = z.infer<typeof hubMessageSchema>;
