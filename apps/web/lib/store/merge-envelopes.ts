import type { Envelope } from '@mooring/protocol';

/**
 * Adds envelopes to a seq-ordered list, dropping any `seq` already present. The same envelope can
 * arrive twice: once in a run's history and once live from the hub. Returns `current` unchanged
 * when nothing is new, so selectors keep their identity.
 */
export function mergeEnvelopes(
  current: readonly Envelope[],
  incoming: readonly Envelope[],
): readonly Envelope[] {
  const seen = new Set(current.map((envelope) => envelope.seq));
  const fresh = incoming.filter((envelope) => {
    if (seen.has(envelope.seq)) return false;
    seen.add(envelope.seq);
    return true;
  });
  if (fresh.length === 0) return current;

  const last = current.at(-1)?.seq ?? 0;
  const inOrder = fresh.every((envelope, i) => envelope.seq > (fresh[i - 1]?.seq ?? last));
  const merged = [...current, ...fresh];
  return inOrder ? merged : merged.sort((a, b) => a.seq - b.seq);
}
