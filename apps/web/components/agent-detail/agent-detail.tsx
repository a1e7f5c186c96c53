'use client';

import { useMooringStore } from '../../lib/store/mooring-store';
import { AgentRunView } from './agent-run-view';
import { EmptyDetail } from './empty-detail';

/** The selected agent's run, or a hint while none is selected or the server has not answered. */
export function AgentDetail() {
  const agentId = useMooringStore((state) => state.selectedAgentId);
  const agent = useMooringStore((state) => (agentId ? state.agents[agentId] : undefined));
  const loaded = useMooringStore((state) => state.snapshotEpoch > 0);

  if (!agent) {
    const message = loaded ? 'Select an agent on the left.' : 'Waiting for the Mooring server…';
    return <EmptyDetail message={message} />;
  }
  return <AgentRunView key={agent.id} agent={agent} />;
}
