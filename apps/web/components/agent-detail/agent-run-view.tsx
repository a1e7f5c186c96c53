'use client';

import type { AgentView } from '@mooring/protocol';
import { onStop } from '../../lib/actions/agent-commands';
import { useAgentRuns } from '../../lib/hooks/use-agent-runs';
import { startAgent } from '../../lib/actions/start-agent';
import { useOffline } from '../../lib/hooks/use-offline';
import { useRunHistory } from '../../lib/hooks/use-run-history';
import type { PastRun } from '../../lib/runs/past-run';
import { displayedRunId, isViewingPastRun } from '../../lib/store/displayed-run';
import { effectiveMode } from '../../lib/store/effective-mode';
import { useMooringActions, useMooringStore } from '../../lib/store/mooring-store';
import { runIdOfAgent } from '../../lib/store/run-of-agent';
import { ChatPanel } from '../chat/chat-panel';
import { EventsPanel } from '../events/events-panel';
import { LogsPanel } from '../logs/logs-panel';
import { AgentHeader } from './agent-header';
import { PastRunBar } from './past-run-bar';
import { RunHistoryMenu } from './run-history-menu';

const panels = 'grid min-h-0 flex-1 grid-cols-[minmax(340px,5fr)_minmax(0,7fr)] gap-px bg-line';

/** The selected agent: header, then chat beside the events and logs of the run on screen. */
export function AgentRunView({ agent }: { agent: AgentView }) {
  const { viewRun } = useMooringActions();
  const currentRunId = useMooringStore((state) => runIdOfAgent(state, agent.id));
  const runId = useMooringStore((state) => displayedRunId(state, agent.id));
  const past = useMooringStore((state) => isViewingPastRun(state, agent.id));
  const pending = useMooringStore((state) => state.pending[agent.id] ?? null);
  const mode = useMooringStore((state) =>
    effectiveMode(agent, state.modes[agent.id], state.docker),
  );
  const offline = useOffline();
  const history = useAgentRuns(agent.id);
  useRunHistory(runId);
  const pastRun: PastRun | null =
    past && runId ? { id: runId, run: history.runs.find((run) => run.id === runId) } : null;

  const choose = (chosen: string) => viewRun(agent.id, chosen === currentRunId ? null : chosen);
  const menu = (
    <RunHistoryMenu
      history={history}
      currentRunId={currentRunId}
      shownRunId={runId}
      onChoose={choose}
    />
  );

  return (
    <>
      <AgentHeader
        agent={agent}
        mode={mode}
        pending={pending}
        offline={offline}
        past={pastRun}
        onStart={startAgent}
        onStop={(id) => void onStop(id)}
        history={menu}
      />
      {pastRun && (
        <PastRunBar runId={pastRun.id} run={pastRun.run} onBack={() => viewRun(agent.id, null)} />
      )}
      <div className={panels}>
        <ChatPanel agent={agent} runId={runId} past={past} />
        <div className="grid min-h-0 min-w-0 grid-rows-[minmax(0,3fr)_minmax(0,2fr)] gap-px">
          <EventsPanel runId={runId} />
          <LogsPanel runId={runId} />
        </div>
      </div>
    </>
  );
}
