/**
 * Envelope and log timestamps are epoch times; accept seconds (what Python's `time.time()`
 * gives) as well as milliseconds, so a host that reports either lines up with the server.
 */
export function toEpochMillis(ts: number): number {
  return ts < 100_000_000_000 ? ts * 1000 : ts;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `14:03:27.512` in local time. */
export function formatClock(ts: number): string {
  const date = new Date(toEpochMillis(ts));
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${time}.${pad(date.getMilliseconds(), 3)}`;
}
