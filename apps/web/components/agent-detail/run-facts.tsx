import { isActive, type AgentView, type RunView } from '@mooring/protocol';
import { oneLine } from '../../lib/format/one-line';
import { describeRunEnd } from '../../lib/runs/describe-run-end';

const endTones: Partial<Record<RunView['status'], string>> = {
  failed: 'text-red-300',
  exited: 'text-orange-200',
};

function ActiveFacts({ agent, run }: { agent: AgentView; run: RunView }) {
  const facts = [agent.path, `run ${run.id}`];
  if (run.port !== undefined) facts.push(`port ${run.port}`);
  if (run.sessionId) facts.push(`session ${run.sessionId}`);
  return (
    <p className="truncate font-mono text-2xs text-faint" title={facts.join('\n')}>
      {facts.join('  ·  ')}
    </p>
  );
}

function EndedFacts({ agent, run }: { agent: AgentView; run: RunView }) {
  const end = describeRunEnd(run);
  const reason = run.reason ? oneLine(run.reason, 400) : null;
  const tone = endTones[run.status] ?? 'text-dim';
  return (
    <p
      className="truncate font-mono text-2xs text-faint"
      title={[agent.path, end, run.reason].filter(Boolean).join('\n')}
    >
      {agent.path}
      {'  ·  '}
      <span data-testid="header-run-end" data-status={run.status} className={tone}>
        {end}
        {reason && `: ${reason}`}
      </span>
    </p>
  );
}

/**
 * The line under the agent's name: where a live run listens (port, session), or how and when
 * the last run ended, since an ended run's port and session no longer mean anything.
 */
export function RunFacts({ agent }: { agent: AgentView }) {
  const { run } = agent;
  if (run && isActive(agent.status)) return <ActiveFacts agent={agent} run={run} />;
  if (run) return <EndedFacts agent={agent} run={run} />;
  return <p className="truncate font-mono text-2xs text-faint">{agent.path}</p>;
}
