import { z } from 'zod';

/** The two ways Mooring can run an agent. */
export const RUN_MODES = ['venv', 'container'] as const;

export const runModeSchema = z.enum(RUN_MODES);

export type RunMode = z.infer<typeof runModeSchema>;
