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

/** Messages the server's browser hub (`/ws`) sends. */
export const hubMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('snapshot'),
    agents: z.array(agentViewSchema),
    docker: dockerStateSchema,
  }),
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

export type HubMessage = z.infer<typeof hubMessageSchema>;
