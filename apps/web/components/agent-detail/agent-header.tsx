import { isActive, type AgentView, type RunMode } from '@mooring/protocol';
import type { ReactNode } from 'react';
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
  onStart: (agentId: string) => void;
  onStop: (agentId: string) => void;
  /** The run history control, beside Start or Stop. */
  history?: ReactNode;
};

function RunControl({ agent, mode, pending, onStart, onStop }: AgentHeaderProps) {
  if (!isActive(agent.status)) {
    return (
      <Button
        tone="primary"
        disabled={pending !== null}
        aria-busy={pending === 'start'}
        title={`Start in ${mode} mode`}
        onClick={() => onStart(agent.id)}
      >
        Start
        <span aria-hidden className="font-mono text-2xs font-normal text-sky-100/60">
          {mode}
        </span>
      </Button>
    );
  }
  const canStop = agent.status !== 'stopping' && pending !== 'stop';
  return (
    <Button tone="danger" disabled={!canStop} onClick={() => onStop(agent.id)}>
      Stop
    </Button>
  );
}

/** Name, status and placement of the selected agent, with Start or Stop as its state allows. */
export function AgentHeader(props: AgentHeaderProps) {
  const { agent, history } = props;
  const active = isActive(agent.status);
  return (
    <header
      data-testid="agent-header"
      className="flex h-14 shrink-0 items-center gap-4 border-b border-line bg-panel px-4"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <div className="flex min-w-0 items-center gap-2">
          <h1 className="truncate font-mono text-sm font-semibold">{agent.name}</h1>
          <StatusBadge
            status={agent.status}
            exitCode={agent.run?.exitCode}
            testId="header-status-badge"
          />
          {active && agent.run && <ModeBadge run={agent.run} testId="header-mode-badge" />}
        </div>
        <RunFacts agent={agent} />
      </div>
      {history}
      <RunControl {...props} />
    </header>
  );
}
