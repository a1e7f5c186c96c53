import { ENVELOPE_VERSION, type ErrorEnvelope } from '@mooring/protocol';

/**
 * Stands in for an envelope the channel had to drop (unreadable or too large), so the run's
 * sequence stays whole, the host stops resending it, and the person watching sees that an
 * event is missing instead of nothing at all.
 */
export function droppedEnvelope(runId: string, seq: number, detail: string): ErrorEnvelope {
  return {
    v: ENVELOPE_VERSION,
    runId,
    seq,
    ts: Date.now(),
    kind: 'error',
    source: 'host',
    message: 'Mooring dropped an event it could not accept',
    detail,
  };
}
