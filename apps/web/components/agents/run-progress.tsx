import type { Progress } from '@mooring/protocol';
import { progressLabel } from '../../lib/runs/progress-label';

/**
 * How far preparing or starting has got: a bar plus "step n of m" and the step's label; a
 * single step shows its label alone.
 */
export function RunProgress({ progress }: { progress: Progress }) {
  const { current, total } = progress;
  const label = progressLabel(progress.label);
  const percent = Math.min(100, Math.round((current / total) * 100));
  const step = `step ${current} of ${total}`;
  return (
    <div data-testid="run-progress" className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label={step}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={current}
        className="h-1 overflow-hidden rounded-full bg-line"
      >
        <div
          className="h-full rounded-full bg-sky-400 transition-[width] duration-300"
          style={{ width: `${percent}%` }}
        />
      </div>
      <div className="flex min-w-0 gap-1.5 text-2xs">
        {total > 1 && <span className="shrink-0 font-mono text-sky-200">{step}</span>}
        {label && (
          <span className="truncate text-dim" title={label}>
            {label}
          </span>
        )}
      </div>
    </div>
  );
}
