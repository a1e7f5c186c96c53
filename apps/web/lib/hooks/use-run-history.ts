'use client';

import { useEffect } from 'react';
import { loadRunHistory } from '../actions/agent-commands';
import { useMooringStore } from '../store/mooring-store';

/**
 * Loads the recorded history of the run on screen: after a reload, when another run is picked,
 * and after each snapshot, since a snapshot drops the runs held. A resumed link needs no reload:
 * the hub replays what was missed.
 */
export function useRunHistory(runId: string | null): void {
  const epoch = useMooringStore((state) => state.snapshotEpoch);

  useEffect(() => {
    if (runId === null || epoch === 0) return;
    void loadRunHistory(runId);
  }, [runId, epoch]);
}
