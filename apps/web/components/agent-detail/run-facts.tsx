import { isActive, type AgentView, type RunView } from '@mooring/protocol';
import { oneLine } from '../../lib/format/one-line';
import { describeRunEnd } from '../../lib/runs/describe-run-end';
import type { PastRun } from '../../lib/runs/past-run';
import { splitReason } from '../../lib/runs/split-reason';

const endTones: Partial<Record<RunView['status'], string>> = {
  failed: 'text-red-300',
  exited: 'text-orange-200',
};

const line = 'truncate font-mono text-2xs text-faint';

function ActiveFacts({ agent, run }: { agent: AgentView; run: RunView }) {
  const facts = [agent.path, `run ${run.id}`];
  if (run.port !== undefined) facts.push(`port ${run.port}`);
  if (run.sessionId) facts.push(`session ${run.sessionId}`);
  return (
    <p className={line} title={facts.join('\n')}>
      {facts.join('  ·  ')}
    </p>
  );
}

type EndedFactsProps = {
  agent: AgentView;
  run: RunView;
  /** Names the run, for a past one: the current run is the agent's, and needs no name. */
  label?: string;
};

function EndedFacts({ agent, run, label }: EndedFactsProps) {
  const end = describeRunEnd(run);
  // One line has room for the cause only; the output below it is on the card and in the title.
  const reason = run.reason ? oneLine(splitReason(run.reason).headline, 400) : null;
  const tone = endTones[run.status] ?? 'text-dim';
  const lead = label ? [agent.path, label] : [agent.path];
  return (
    <p className={line} title={[...lead, end, run.reason].filter(Boolean).join('\n')}>
      {lead.join('  ·  ')}
      {'  ·  '}
      <span data-testid="header-run-end" data-status={run.status} className={tone}>
        {end}
        {reason && `: ${reason}`}
      </span>
    </p>
  );
}

type RunFactsProps = { agent: AgentView; past: PastRun | null };

/**
 * The line under the agent's name: where a live run listens (port, session), or how and when
 * the last run ended, since an ended run's port and session no longer mean anything. While a
 * past run is on screen, the line is about that run and says which one it is.
 */
export function RunFacts({ agent, past }: RunFactsProps) {
  const { run } = agent;
  if (past?.run) return <EndedFacts agent={agent} run={past.run} label={`past run ${past.id}`} />;
  if (past) return <p className={line}>{`${agent.path}  ·  past run ${past.id}`}</p>;
  if (run && isActive(agent.status)) return <ActiveFacts agent={agent} run={run} />;
  if (run) return <EndedFacts agent={agent} run={run} />;
  return <p className={line}>{agent.path}</p>;
}
