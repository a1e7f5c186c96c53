import { runModeSchema, type RunMode } from '@mooring/protocol';
import { readStored, writeStored } from './local-storage';

const key = (agentId: string): string => `mooring.mode.${agentId}`;

/** The run mode last chosen for an agent in this browser, if any. */
export function readModePreference(agentId: string): RunMode | null {
  const parsed = runModeSchema.safeParse(readStored(key(agentId)));
  return parsed.success ? parsed.data : null;
}

export function writeModePreference(agentId: string, mode: RunMode): void {
  writeStored(key(agentId), mode);
}
