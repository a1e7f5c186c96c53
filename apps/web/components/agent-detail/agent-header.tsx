import { isActive, type AgentView } from '@mooring/protocol';
import type { ReactNode } from 'react';
import { ModeBadge } from '../agents/mode-badge';
import { StatusBadge } from '../agents/status-badge';
import { Button } from '../ui/button';

type AgentHeaderProps = {
  agent: AgentView;
  stopping: boolean;
  onStop: (agentId: string) => void;
  /** The run history control, beside Stop. */
  history?: ReactNode;
};

function RunFacts({ agent }: { agent: AgentView }) {
  const run = agent.run;
  const facts = [agent.path];
  if (run) facts.push(`run ${run.id}`);
  if (run?.port !== undefined) facts.push(`port ${run.port}`);
  if (run?.sessionId) facts.push(`session ${run.sessionId}`);
  return (
    <p className="truncate font-mono text-2xs text-faint" title={facts.join('\n')}>
      {facts.join('  ·  ')}
    </p>
  );
}

/** Name, status and placement of the selected agent, with the one control a live run needs. */
export function AgentHeader({ agent, stopping, onStop, history }: AgentHeaderProps) {
  const active = isActive(agent.status);
  const canStop = active && agent.status !== 'stopping' && !stopping;
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
      <Button tone="danger" disabled={!canStop} onClick={() => onStop(agent.id)}>
        Stop
      </Button>
    </header>
  );
}
