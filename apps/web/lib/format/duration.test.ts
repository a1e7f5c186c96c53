import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it('picks the unit a person would', () => {
    expect([850, 42_400, 187_000, 7_500_000].map(formatDuration)).toEqual([
      '850ms',
      '42s',
      '3m 07s',
      '2h 05m',
    ]);
  });

  it('treats a clock that went backwards as zero', () => {
    expect(formatDuration(-20)).toBe('0ms');
  });
});
