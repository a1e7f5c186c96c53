/** The hub's path: a plain `/ws` for a snapshot, or `/ws?after=N` to resume after message N. */
export function hubPath(after: number | null): string {
  return after === null ? '/ws' : `/ws?after=${encodeURIComponent(after)}`;
}
