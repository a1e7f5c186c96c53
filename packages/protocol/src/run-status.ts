import { z } from 'zod';

export const RUN_STATUSES = [
  'stopped',
  'preparing',
  'starting',
  'running',
  'stopping',
  'failed',
  'exited',
] as const;

export const runStatusSchema = z.enum(RUN_STATUSES);

export type RunStatus = z.infer<typeof runStatusSchema>;

/** Statuses in which a run still owns a process or container. */
export const ACTIVE_STATUSES: ReadonlySet<RunStatus> = new Set([
  'preparing',
  'starting',
  'running',
  'stopping',
]);

export function isActive(status: RunStatus): boolean {
  return ACTIVE_STATUSES.has(status);
}
