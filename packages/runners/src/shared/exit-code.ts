import { constants } from 'node:os';

/** A process's exit status as a shell reports it: 128 plus the signal number when signalled. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return signal ? 128 + (constants.signals[signal] ?? 0) : 1;
}
