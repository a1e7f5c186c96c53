'use client';

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMooringStore } from '../../lib/store/mooring-store';
import { ConnectedAgentCard } from './connected-agent-card';
import { groupAgentsByRoot } from './group-agents-by-root';

function RootHeading({ root, count }: { root: string; count: number }) {
  return (
    <h3
      className="sticky top-0 z-10 flex items-center gap-2 bg-panel/95 px-1 py-1.5 font-mono
        text-2xs text-faint backdrop-blur"
      title={root}
    >
      <span className="truncate text-left [direction:rtl]">
        <bdi>{root}</bdi>
      </span>
      <span className="ml-auto shrink-0 text-faint/80">{count}</span>
    </h3>
  );
}

function ListMessage({ children }: { children: string }) {
  return <p className="px-4 py-6 text-center text-xs text-faint">{children}</p>;
}

/** The sidebar's agents, grouped under the root folder each was found in. */
export function AgentList() {
  const roots = useMooringStore(
    useShallow((state) => state.agentOrder.map((id) => state.agents[id]?.root ?? '')),
  );
  const order = useMooringStore((state) => state.agentOrder);
  const loaded = useMooringStore((state) => state.snapshotEpoch > 0);
  const groups = useMemo(() => groupAgentsByRoot(order, roots), [order, roots]);

  if (!loaded) return <ListMessage>Connecting to the Mooring server…</ListMessage>;
  if (groups.length === 0)
    return <ListMessage>No agents found in the configured roots.</ListMessage>;

  return (
    <nav aria-label="Agents" className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
      {groups.map((group) => (
        <section key={group.root} aria-label={group.root} className="flex flex-col gap-2 pt-1">
          <RootHeading root={group.root} count={group.agentIds.length} />
          {group.agentIds.map((id) => (
            <ConnectedAgentCard key={id} agentId={id} />
          ))}
        </section>
      ))}
    </nav>
  );
}
