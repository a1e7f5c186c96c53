import type { LogLine } from '@mooring/protocol';

/** Builds and installs can print a lot; the browser keeps only the newest lines per run. */
export const MAX_LOG_LINES = 5000;

export function appendLogs(
  current: readonly LogLine[],
  incoming: readonly LogLine[],
  limit = MAX_LOG_LINES,
): readonly LogLine[] {
  if (incoming.length === 0) return current;
  const merged = [...current, ...incoming];
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

const logKey = (log: LogLine): string => `${log.ts}\u0000${log.stream}\u0000${log.line}`;

/**
 * Joins a run's recorded logs with lines that arrived live while the history was loading. Lines
 * have no sequence number, so the ones the history already holds are recognised by content.
 */
export function mergeLogHistory(
  history: readonly LogLine[],
  live: readonly LogLine[],
  limit = MAX_LOG_LINES,
): readonly LogLine[] {
  const known = new Set(history.map(logKey));
  return appendLogs(
    history,
    live.filter((log) => !known.has(logKey(log))),
    limit,
  );
}
