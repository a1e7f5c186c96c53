'use client';

import { useHashSelection } from '../../lib/hooks/use-hash-selection';
import { useHubConnection } from '../../lib/hooks/use-hub-connection';
import { AgentDetail } from '../agent-detail/agent-detail';
import { AgentList } from '../agents/agent-list';
import { ConnectionBanner } from './connection-banner';
import { OfflineDim } from './offline-dim';
import { SidebarHeader } from './sidebar-header';
import { StoreNotice } from './store-notice';

/** The whole page: agents on the left, the selected agent's run on the right. */
export function MooringApp() {
  useHubConnection();
  useHashSelection();

  return (
    <div className="flex h-screen min-h-0 flex-col">
      <ConnectionBanner />
      <OfflineDim className="grid min-h-0 flex-1 grid-cols-[320px_minmax(0,1fr)]">
        <aside className="flex min-h-0 flex-col border-r border-line bg-panel">
          <SidebarHeader />
          <StoreNotice />
          <AgentList />
        </aside>
        <main className="flex min-h-0 min-w-0 flex-col">
          <AgentDetail />
        </main>
      </OfflineDim>
    </div>
  );
}
