'use client';

import type { RunView } from '@mooring/protocol';
import { useCallback, useEffect, useState } from 'react';
import { fetchAgentRuns } from '../api/api-client';
import { describeError } from '../api/describe-error';
import { useMooringStore } from '../store/mooring-store';

export type AgentRuns = {
  /** Newest first, as the server recorded them; the last list loaded if a reload failed. */
  runs: readonly RunView[];
  /** Why the latest load failed, or null once one succeeds. */
  error: string | null;
  /** A reload asked for by `reload` has not answered yet. */
  loading: boolean;
  /** Loads the list again, e.g. when it is about to be shown. */
  reload: () => void;
};

type Loaded = {
  agentId: string;
  runs: readonly RunView[];
  error: string | null;
  loading: boolean;
};

/**
 * The agent's recent runs. Reloaded whenever its status or current run changes (a run that ends
 * gets its exit code and length), after each snapshot, whenever the hub link comes back and on
 * `reload`, so a failed load is retried instead of being shown until the agent changes.
 */
export function useAgentRuns(agentId: string): AgentRuns {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  const status = useMooringStore((store) => store.agents[agentId]?.status);
  const currentRunId = useMooringStore((store) => store.agents[agentId]?.run?.id);
  const epoch = useMooringStore((store) => store.snapshotEpoch);
  const online = useMooringStore((store) => store.connection.status === 'open');

  useEffect(() => {
    if (epoch === 0) return;
    let current = true;
    const show = (runs: readonly RunView[] | null, error: string | null) => {
      if (!current) return;
      setLoaded((prev) => {
        const known = prev?.agentId === agentId ? prev.runs : [];
        return { agentId, runs: runs ?? known, error, loading: false };
      });
    };
    fetchAgentRuns(agentId).then(
      (runs) => show(runs, null),
      (error: unknown) => show(null, describeError(error)),
    );
    return () => {
      current = false;
    };
  }, [agentId, status, currentRunId, epoch, online, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
    setLoaded((prev) => (prev?.agentId === agentId ? { ...prev, loading: true } : prev));
  }, [agentId]);

  const mine = loaded?.agentId === agentId ? loaded : null;
  return {
    runs: mine?.runs ?? [],
    error: mine?.error ?? null,
    loading: mine?.loading ?? false,
    reload,
  };
}
