'use client';

import type { RunView } from '@mooring/protocol';
import { useEffect, useState } from 'react';
import { fetchAgentRuns } from '../api/api-client';
import { describeError } from '../api/describe-error';
import { useMooringStore } from '../store/mooring-store';

export type AgentRuns = {
  /** Newest first, as the server recorded them. */
  runs: readonly RunView[];
  /** Why the list could not be loaded, or null. */
  error: string | null;
};

const EMPTY: AgentRuns = { runs: [], error: null };

/**
 * The agent's recent runs. Reloaded whenever its status or current run changes (a run that ends
 * gets its exit code and length) and after each snapshot.
 */
export function useAgentRuns(agentId: string): AgentRuns {
  const [state, setState] = useState<{ agentId: string; value: AgentRuns } | null>(null);
  const status = useMooringStore((store) => store.agents[agentId]?.status);
  const currentRunId = useMooringStore((store) => store.agents[agentId]?.run?.id);
  const epoch = useMooringStore((store) => store.snapshotEpoch);

  useEffect(() => {
    if (epoch === 0) return;
    let current = true;
    const show = (value: AgentRuns) => current && setState({ agentId, value });
    fetchAgentRuns(agentId).then(
      (runs) => show({ runs, error: null }),
      (error: unknown) => show({ runs: [], error: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [agentId, status, currentRunId, epoch]);

  return state?.agentId === agentId ? state.value : EMPTY;
}
