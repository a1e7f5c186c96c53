import { frameSeq, type HubFrame } from './hub-frame';

/**
 * What to do with a frame: `apply` it, `skip` one already applied, or `resync` after a gap by
 * reopening the link for a fresh snapshot. `lastSeq` is the cursor to keep afterwards; null means
 * the link cannot be resumed (a server that does not number its messages).
 */
export type Admission =
  | { action: 'apply'; lastSeq: number | null }
  | { action: 'skip'; lastSeq: number }
  | { action: 'resync'; lastSeq: null };

/**
 * Decides a frame's fate from the `seq` of the last frame applied. A snapshot always applies and
 * resets the cursor, even to a lower number (the server's store may have been reset).
 */
export function admitFrame(lastSeq: number | null, frame: HubFrame): Admission {
  const seq = frameSeq(frame);
  if (frame.type === 'snapshot' || seq === null || lastSeq === null) {
    return { action: 'apply', lastSeq: seq };
  }
  if (seq <= lastSeq) return { action: 'skip', lastSeq };
  if (seq > lastSeq + 1) return { action: 'resync', lastSeq: null };
  return { action: 'apply', lastSeq: seq };
}
