import type { RunView } from '@mooring/protocol';
import { formatStartTime } from '../../lib/format/start-time';
import { describeRunOutcome } from '../../lib/runs/run-outcome';

type RunHistoryItemProps = {
  run: RunView;
  current: boolean;
  shown: boolean;
  onChoose: (runId: string) => void;
};

const statusTone: Partial<Record<RunView['status'], string>> = {
  running: 'text-emerald-300',
  failed: 'text-red-300',
  exited: 'text-orange-200',
};

/** One recorded run: when it started, how it ran, how it ended and how long it took. */
export function RunHistoryItem({ run, current, shown, onChoose }: RunHistoryItemProps) {
  const outcome = describeRunOutcome(run);
  return (
    <li>
      <button
        type="button"
        data-testid="run-history-item"
        data-run-id={run.id}
        data-status={run.status}
        aria-current={shown ? 'true' : undefined}
        title={[`run ${run.id}`, run.reason].filter(Boolean).join('\n')}
        onClick={() => onChoose(run.id)}
        className="grid w-full grid-cols-[6.5rem_4.5rem_minmax(0,1fr)_4rem] items-baseline gap-2
          px-3 py-1.5 text-left font-mono text-2xs hover:bg-hover aria-[current=true]:bg-raised"
      >
        <span className="text-fg">{formatStartTime(run.startedAt)}</span>
        <span className="text-dim">{run.mode}</span>
        <span className={`truncate ${statusTone[run.status] ?? 'text-dim'}`}>
          {outcome.status}
          {current && <span className="ml-1.5 text-accent">current</span>}
        </span>
        <span className="text-right text-faint">{outcome.duration}</span>
      </button>
    </li>
  );
}
