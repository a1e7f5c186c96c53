import type { RunView } from '@mooring/protocol';
import { formatStartTime } from '../../lib/format/start-time';
import { describeRunOutcome } from '../../lib/runs/run-outcome';
import { Button } from '../ui/button';

type PastRunBarProps = {
  runId: string;
  /** The run's record from the history list, when the list holds it. */
  run: RunView | undefined;
  onBack: () => void;
};

function describe(run: RunView | undefined): string {
  if (!run) return '';
  const outcome = describeRunOutcome(run);
  const parts = [`started ${formatStartTime(run.startedAt)}`, run.mode, outcome.status];
  if (outcome.duration) parts.push(outcome.duration);
  return parts.join(' · ');
}

/** Says the panels show a recorded run, read-only, and offers the way back to the current one. */
export function PastRunBar({ runId, run, onBack }: PastRunBarProps) {
  return (
    <div
      data-testid="past-run-bar"
      data-run-id={runId}
      className="flex h-9 shrink-0 items-center gap-3 border-b border-sky-500/25 bg-sky-500/10 px-4
        text-2xs text-sky-100"
    >
      <span className="font-semibold">Viewing a past run</span>
      <span className="min-w-0 truncate font-mono text-sky-100/70" title={runId}>
        {describe(run) || runId}
      </span>
      <Button className="ml-auto" onClick={onBack}>
        Back to current run
      </Button>
    </div>
  );
}
