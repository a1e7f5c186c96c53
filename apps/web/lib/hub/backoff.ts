const BASE_MS = 500;
const MAX_MS = 10_000;

/**
 * How long to wait before reconnect attempt `attempt` (0-based): doubling from half a second up
 * to ten, with jitter so many tabs do not reconnect in lockstep after a server restart.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.75 + random() * 0.25));
}
