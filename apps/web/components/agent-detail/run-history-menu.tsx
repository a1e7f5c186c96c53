'use client';

import { useCallback, useRef, useState } from 'react';
import type { AgentRuns } from '../../lib/hooks/use-agent-runs';
import { useDismiss } from '../../lib/hooks/use-dismiss';
import { Button } from '../ui/button';
import { RunHistoryItem } from './run-history-item';

type RunHistoryMenuProps = {
  history: AgentRuns;
  currentRunId: string | null;
  shownRunId: string | null;
  onChoose: (runId: string) => void;
};

function StatusNote({ history }: { history: AgentRuns }) {
  const known = history.runs.length > 0;
  if (history.loading && (!known || history.error)) {
    return <p className="px-3 py-3 text-2xs text-faint">Loading run history…</p>;
  }
  if (history.error) {
    const text = known
      ? `Could not refresh run history: ${history.error}`
      : `Run history unavailable: ${history.error}`;
    return <p className="px-3 py-3 text-2xs text-faint">{text}</p>;
  }
  return known ? null : <p className="px-3 py-3 text-2xs text-faint">No recorded runs yet.</p>;
}

/** A compact list of the agent's recent runs; picking one shows it in the panels. */
export function RunHistoryMenu({
  history,
  currentRunId,
  shownRunId,
  onChoose,
}: RunHistoryMenuProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement | null>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  const choose = (runId: string) => {
    setOpen(false);
    onChoose(runId);
  };
  const count = history.runs.length;
  const { reload } = history;
  const toggle = () => {
    // Opening the list reloads it, so an earlier failure is not shown once the server is back.
    if (!open) reload();
    setOpen(!open);
  };

  return (
    <div ref={ref} className="relative">
      <Button
        data-testid="run-history"
        data-count={count}
        aria-haspopup="true"
        aria-expanded={open}
        onClick={toggle}
      >
        Runs{count > 0 && <span className="font-mono text-faint">{count}</span>}
        <span aria-hidden className="text-faint">
          ▾
        </span>
      </Button>
      {open && (
        <div
          className="absolute top-full right-0 z-20 mt-1 w-[26rem] overflow-hidden rounded-md border
            border-line-strong bg-panel shadow-xl shadow-black/50"
        >
          <p className="border-b border-line px-3 py-1.5 text-2xs text-faint">
            Recent runs, newest first
          </p>
          <StatusNote history={history} />
          {count > 0 && (
            <ul aria-label="Recent runs" className="max-h-80 overflow-y-auto py-1">
              {history.runs.map((run) => (
                <RunHistoryItem
                  key={run.id}
                  run={run}
                  current={run.id === currentRunId}
                  shown={run.id === shownRunId}
                  onChoose={choose}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
