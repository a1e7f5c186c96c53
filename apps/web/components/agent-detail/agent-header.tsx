import { isActive, type AgentView, type RunMode } from '@mooring/protocol';
import type { ReactNode } from 'react';
import { OFFLINE_REASON } from '../../lib/hooks/use-offline';
import type { PastRun } from '../../lib/runs/past-run';
import type { PendingCommand } from '../../lib/store/mooring-store';
import { ModeBadge } from '../agents/mode-badge';
import { StatusBadge } from '../agents/status-badge';
import { Button } from '../ui/button';
import { RunFacts } from './run-facts';

type AgentHeaderProps = {
  agent: AgentView;
  /** The mode the agent's card shows, the one Start runs. */
  mode: RunMode;
  pending: PendingCommand | null;
  /** The hub link is down: Start and Stop wait for it. */
  offline: boolean;
  /** The past run the panels show, if any: the header's run facts are then about it. */
  past: PastRun | null;
  onStart: (agentId: string) => void;
  onStop: (agentId: string) => void;
  /** The run history control, beside Start or Stop. */
  history?: ReactNode;
};

function RunControl({ agent, mode, pending, offline, onStart, onStop }: AgentHeaderProps) {
  if (!isActive(agent.status)) {
    return (
      <Button
        tone="primary"
        disabled={pending !== null || offline}
        aria-busy={pending === 'start'}
        title={offline ? OFFLINE_REASON : `Start in ${mode} mode`}
        onClick={() => onStart(agent.id)}
      >
        Start
        <span aria-hidden className="font-mono text-2xs font-normal text-sky-100/60">
          {mode}
        </span>
      </Button>
    );
  }
  const canStop = agent.status !== 'stopping' && pending !== 'stop' && !offline;
  return (
    <Button
      tone="danger"
      disabled={!canStop}
      title={offline ? OFFLINE_REASON : undefined}
      onClick={() => onStop(agent.id)}
    >
      Stop
    </Button>
  );
}

/** The status and mode of the run on screen: a past one if open, else the agent's current one. */
function RunBadges({ agent, past }: { agent: AgentView; past: PastRun | null }) {
  if (past) {
    if (!past.run) return null;
    return (
      <>
        <StatusBadge
          status={past.run.status}
          exitCode={past.run.exitCode}
          testId="header-status-badge"
        />
        <ModeBadge run={past.run} testId="header-mode-badge" />
      </>
    );
  }
  const { run } = agent;
  return (
    <>
      <StatusBadge status={agent.status} exitCode={run?.exitCode} testId="header-status-badge" />
      {run && isActive(agent.status) && <ModeBadge run={run} testId="header-mode-badge" />}
    </>
  );
}

/** Name, status and placement of the selected agent, with Start or Stop as its state allows. */
export function AgentHeader(props: AgentHeaderProps) {
  const { agent, past, history } = props;
  return (
    <header
      data-testid="agent-header"
      data-run-id={past ? past.id : agent.run?.id}
      className="flex h-14 shrink-0 items-center gap-4 border-b border-line bg-panel px-4"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <div className="flex min-w-0 items-center gap-2">
          <h1 className="truncate font-mono text-sm font-semibold">{agent.name}</h1>
          <RunBadges agent={agent} past={past} />
        </div>
        <RunFacts agent={agent} past={past} />
      </div>
      {history}
      <RunControl {...props} />
    </header>
  );
}
