import type { AgentView } from '@mooring/protocol';
import { useState } from 'react';
import { registryHint } from '../../lib/runs/registry-hint';

/** Reasons longer than this are clamped to three lines until the user asks for all of it. */
const LONG_REASON = 160;

/** Why the agent's last run failed or exited, with what to do about a known cause. */
export function RunProblem({ agent }: { agent: AgentView }) {
  const [open, setOpen] = useState(false);
  const reason = agent.run?.reason;
  if (agent.status !== 'failed' && agent.status !== 'exited') return null;
  if (!reason) return null;

  const failed = agent.status === 'failed';
  const hint = failed ? registryHint(reason) : null;
  const tone = failed ? 'text-red-300' : 'text-orange-200';
  const long = reason.length > LONG_REASON || reason.includes('\n');
  return (
    <div className="flex flex-col items-start gap-1">
      <p
        data-testid="run-reason"
        title={open ? undefined : reason}
        className={`text-2xs break-words whitespace-pre-line ${tone} ${open ? '' : 'line-clamp-3'}`}
      >
        {reason}
      </p>
      {long && (
        <button
          type="button"
          aria-expanded={open}
          onClick={(event) => {
            event.stopPropagation();
            setOpen(!open);
          }}
          className="text-2xs text-faint underline-offset-2 hover:text-dim hover:underline"
        >
          {open ? 'Show less' : 'Show all'}
        </button>
      )}
      {hint && (
        <p data-testid="run-hint" className="text-2xs break-words text-amber-200/90">
          {hint}
        </p>
      )}
    </div>
  );
}
