import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff';

describe('reconnectDelay', () => {
  it('doubles from half a second and stops at ten', () => {
    const full = () => 1;
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => reconnectDelay(n, full))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it('jitters downwards by at most a quarter', () => {
    expect(reconnectDelay(2, () => 0)).toBe(1500);
  });
});
