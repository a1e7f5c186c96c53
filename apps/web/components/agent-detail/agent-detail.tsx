'use client';

import { onStop } from '../../lib/actions/agent-commands';
import { useRunHistory } from '../../lib/hooks/use-run-history';
import { useMooringStore } from '../../lib/store/mooring-store';
import { runIdOfAgent } from '../../lib/store/run-of-agent';
import { ChatPanel } from '../chat/chat-panel';
import { EventsPanel } from '../events/events-panel';
import { LogsPanel } from '../logs/logs-panel';
import { AgentHeader } from './agent-header';
import { EmptyDetail } from './empty-detail';

const panels = 'grid min-h-0 flex-1 grid-cols-[minmax(340px,5fr)_minmax(0,7fr)] gap-px bg-line';

/** The selected agent: header, then chat beside the events and logs of its current run. */
export function AgentDetail() {
  const agentId = useMooringStore((state) => state.selectedAgentId);
  const agent = useMooringStore((state) => (agentId ? state.agents[agentId] : undefined));
  const runId = useMooringStore((state) => runIdOfAgent(state, agentId));
  const stopping = useMooringStore((state) =>
    agentId ? state.pending[agentId] === 'stop' : false,
  );
  const loaded = useMooringStore((state) => state.snapshotEpoch > 0);
  useRunHistory(runId);

  if (!agent) {
    const message = loaded ? 'Select an agent on the left.' : 'Waiting for the Mooring server…';
    return <EmptyDetail message={message} />;
  }

  return (
    <>
      <AgentHeader agent={agent} stopping={stopping} onStop={(id) => void onStop(id)} />
      <div className={panels}>
        <ChatPanel agent={agent} runId={runId} />
        <div className="grid min-h-0 min-w-0 grid-rows-[minmax(0,3fr)_minmax(0,2fr)] gap-px">
          <EventsPanel runId={runId} />
          <LogsPanel runId={runId} />
        </div>
      </div>
    </>
  );
}
