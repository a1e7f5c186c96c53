/** What the agent event channel did with what containers sent it, since it was created. */
export type AgentEventCounters = {
  /** Envelopes handed to their run, in order. */
  delivered: number;
  /** Resent envelopes the run already had; acknowledged again, not delivered twice. */
  duplicates: number;
  /** Messages that were not a valid envelope. */
  malformed: number;
  /** Messages over the size limit; the connection that sent one is closed. */
  oversized: number;
  /** Envelopes carrying another run's id. */
  wrongRun: number;
  /** Envelopes past a missing one; the connection is closed so the host resends in order. */
  gaps: number;
  /** Upgrade requests turned away (bad path, missing or wrong secret). */
  refused: number;
};

export function zeroCounters(): AgentEventCounters {
  return {
    delivered: 0,
    duplicates: 0,
    malformed: 0,
    oversized: 0,
    wrongRun: 0,
    gaps: 0,
    refused: 0,
  };
}
