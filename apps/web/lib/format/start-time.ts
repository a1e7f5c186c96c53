import { toEpochMillis } from './timestamp';

const pad = (value: number): string => String(value).padStart(2, '0');

/** When a run started, in local time: `14:03:27` today, `3 Dec 14:03` on another day. */
export function formatStartTime(ts: number, now: number = Date.now()): string {
  const date = new Date(toEpochMillis(ts));
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (date.toDateString() === new Date(now).toDateString()) {
    return `${clock}:${pad(date.getSeconds())}`;
  }
  const month = date.toLocaleString('en', { month: 'short' });
  return `${date.getDate()} ${month} ${clock}`;
}
