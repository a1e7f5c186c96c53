import { z } from 'zod';
import { runModeSchema } from './run-mode';
import { chatTurnSchema, logLineSchema } from './hub-message';
import { envelopeSchema } from './envelope';
import { runViewSchema } from './agent-view';

/** Agent ids are path-free slugs; anything else is refused before any lookup. */
export const agentIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, 'agent ids are letters, digits, "_", "-" and "."')
  .refine((id) => !id.split('.').includes(''), 'agent ids have no empty or ".." segments');

export const startRequestSchema = z.object({ mode: runModeSchema });
export type StartRequest = z.infer<typeof startRequestSchema>;

export const chatRequestSchema = z.object({ message: z.string().min(1).max(20_000) });
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const chatResponseSchema = z.object({ sessionId: z.string(), text: z.string() });
export type ChatResponse = z.infer<typeof chatResponseSchema>;

/** Everything recorded about one run, for a browser that opens it after the fact. */
export const runHistorySchema = z.object({
  run: runViewSchema,
  events: z.array(envelopeSchema),
  logs: z.array(logLineSchema),
  chat: z.array(chatTurnSchema),
});
export type RunHistory = z.infer<typeof runHistorySchema>;

export const ERROR_CODES = [
  'bad_request',
  'invalid_agent_id',
  'invalid_mode',
  'agent_not_found',
  'run_not_found',
  'route_not_found',
  'already_running',
  'not_running',
  'docker_unavailable',
  'agent_unreachable',
  'agent_error',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    allowed: z.array(z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** An agent's recorded runs, newest first. */
export const runListSchema = z.object({ runs: z.array(runViewSchema) });
export type RunList = z.infer<typeof runListSchema>;
