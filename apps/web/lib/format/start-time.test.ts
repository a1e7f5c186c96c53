import { describe, expect, it } from 'vitest';
import { formatStartTime } from './start-time';

describe('formatStartTime', () => {
  const now = new Date(2026, 11, 3, 18, 0, 0).getTime();

  it('shows only the time for a run that started today', () => {
    expect(formatStartTime(new Date(2026, 11, 3, 9, 5, 7).getTime(), now)).toBe('09:05:07');
  });

  it('adds the day for an older run', () => {
    expect(formatStartTime(new Date(2026, 10, 28, 23, 59, 1).getTime(), now)).toBe('28 Nov 23:59');
  });
});
