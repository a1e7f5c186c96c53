/** What to do with an envelope, given the last sequence number delivered for its run. */
export type SequenceVerdict = 'deliver' | 'duplicate' | 'gap';

/**
 * The host numbers a run's envelopes 1, 2, 3... and resends, in order, whatever was not
 * acknowledged. So exactly the next number is delivered, anything at or below the last one is a
 * resend already delivered, and anything beyond the next one means something in between was
 * lost on this connection: it is refused so the host resends from the gap after a reconnect.
 */
export function sequenceVerdict(lastSeq: number, seq: number): SequenceVerdict {
  if (seq === lastSeq + 1) return 'deliver';
  return seq <= lastSeq ? 'duplicate' : 'gap';
}
