import type { AgentView } from '@mooring/protocol';
import { useState } from 'react';
import { splitReason } from '../../lib/runs/split-reason';

/** A headline longer than this is clamped too until the user asks for all of it. */
const LONG_HEADLINE = 400;

/**
 * Why the agent's last run failed or exited; a known cause's remedy is part of the reason.
 * Folded, it shows the reason's first line, which says the cause; unfolded, the output below it
 * keeps its whitespace in a monospace font, so a traceback's `^^^` markers still point at the
 * right code. Long paths wrap anywhere rather than push the text past the card's edge, and a
 * long output scrolls in a box of its own rather than push the other cards off screen.
 */
export function RunProblem({ agent }: { agent: AgentView }) {
  const [open, setOpen] = useState(false);
  const reason = agent.run?.reason;
  if (agent.status !== 'failed' && agent.status !== 'exited') return null;
  if (!reason) return null;

  const failed = agent.status === 'failed';
  const tone = failed ? 'text-red-300' : 'text-orange-200';
  const { headline, detail } = splitReason(reason);
  const long = detail !== '' || headline.length > LONG_HEADLINE;
  return (
    <div className="flex w-full min-w-0 flex-col items-start gap-1">
      <div
        data-testid="run-reason"
        title={open ? undefined : reason}
        className={`w-full min-w-0 text-2xs wrap-anywhere ${tone}`}
      >
        <p className={open ? '' : 'line-clamp-8'}>{headline}</p>
        {/* Folded, the detail is hidden but still there: the element's text stays the whole
            reason, which is what end-to-end tests report when a start fails. */}
        {detail && (
          <pre
            className={`mt-1 max-h-64 overflow-auto font-mono whitespace-pre-wrap opacity-90
              ${open ? '' : 'hidden'}`}
          >
            {detail}
          </pre>
        )}
      </div>
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
    </div>
  );
}
