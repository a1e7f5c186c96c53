import { z } from 'zod';
import { runModeSchema } from './run-mode';
import { runStatusSchema } from './run-status';

export const progressSchema = z.object({
  step: z.string(),
  label: z.string(),
  current: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});

export type Progress = z.infer<typeof progressSchema>;

/** One start of an agent, from `preparing` until it ends. */
export const runViewSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  mode: runModeSchema,
  status: runStatusSchema,
  startedAt: z.number(),
  endedAt: z.number().optional(),
  reason: z.string().optional(),
  exitCode: z.number().int().optional(),
  pid: z.number().int().optional(),
  containerId: z.string().optional(),
  imageTag: z.string().optional(),
  port: z.number().int().optional(),
  sessionId: z.string().optional(),
  progress: progressSchema.optional(),
});

export type RunView = z.infer<typeof runViewSchema>;

export const AGENT_KINDS = ['python', 'config'] as const;

export const agentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  /** The configured root the agent was found in, for grouping. */
  root: z.string(),
  path: z.string(),
  kind: z.enum(AGENT_KINDS),
  hasDockerfile: z.boolean(),
  status: runStatusSchema,
  run: runViewSchema.optional(),
});

export type AgentView = z.infer<typeof agentViewSchema>;
