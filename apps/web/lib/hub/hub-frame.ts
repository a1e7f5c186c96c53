import type { HubMessage, HubPayload } from '@mooring/protocol';

type NumberedSnapshot = Extract<HubMessage, { type: 'snapshot' }>;

/** A snapshot from a server that predates numbered messages and the store. */
export type UnnumberedSnapshot = Omit<NumberedSnapshot, 'seq' | 'store'>;

/**
 * A hub message as this browser handles it: numbered, or unnumbered from a server that predates
 * `seq`. An unnumbered link cannot be resumed, only reopened for a fresh snapshot.
 */
export type HubFrame = HubMessage | HubPayload | UnnumberedSnapshot;

export type SnapshotFrame = NumberedSnapshot | UnnumberedSnapshot;

/** The frame's hub sequence number, or null when the server did not number it. */
export function frameSeq(frame: HubFrame): number | null {
  return 'seq' in frame ? frame.seq : null;
}
