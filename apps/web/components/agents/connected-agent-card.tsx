'use client';

import { onStop } from '../../lib/actions/agent-commands';
import { startAgent } from '../../lib/actions/start-agent';
import { useOffline } from '../../lib/hooks/use-offline';
import { effectiveMode } from '../../lib/store/effective-mode';
import { useMooringActions, useMooringStore } from '../../lib/store/mooring-store';
import { AgentCard } from './agent-card';

/** An agent card wired to the store: it re-renders only when its own agent's data changes. */
export function ConnectedAgentCard({ agentId }: { agentId: string }) {
  const agent = useMooringStore((state) => state.agents[agentId]);
  const docker = useMooringStore((state) => state.docker);
  const chosen = useMooringStore((state) => state.modes[agentId]);
  const selected = useMooringStore((state) => state.selectedAgentId === agentId);
  const pending = useMooringStore((state) => state.pending[agentId] ?? null);
  const error = useMooringStore((state) => state.cardErrors[agentId] ?? null);
  const progress = useMooringStore((state) => {
    const run = state.agents[agentId]?.run;
    return run ? (state.runs[run.id]?.progress ?? run.progress ?? null) : null;
  });
  const offline = useOffline();
  const { selectAgent, setMode } = useMooringActions();
  if (!agent) return null;

  return (
    <AgentCard
      agent={agent}
      docker={docker}
      mode={effectiveMode(agent, chosen, docker)}
      selected={selected}
      pending={pending}
      offline={offline}
      error={error}
      progress={progress}
      onSelect={selectAgent}
      onModeChange={setMode}
      onStart={startAgent}
      onStop={(id) => void onStop(id)}
    />
  );
}
