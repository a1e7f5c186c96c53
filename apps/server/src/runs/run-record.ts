import type { Envelope, RunView } from '@mooring/protocol';

/** A run's latest view and how far its envelope stream has got; history lives in the store. */
export class RunRecord {
  private lastSeq: number;

  constructor(
    public view: RunView,
    lastSeq = 0,
  ) {
    this.lastSeq = lastSeq;
  }

  /** Says whether an envelope is new; a resent one (seq already seen) is not. */
  accept(envelope: Envelope): boolean {
    if (envelope.seq <= this.lastSeq) return false;
    this.lastSeq = envelope.seq;
    return true;
  }
}
