import type { RunStatus } from '@mooring/protocol';

const tones: Record<RunStatus, string> = {
  stopped: 'border-zinc-600/40 bg-zinc-500/10 text-zinc-300',
  preparing: 'border-sky-500/40 bg-sky-500/10 text-sky-200',
  starting: 'border-sky-500/40 bg-sky-500/10 text-sky-200',
  running: 'border-emerald-500/40 bg-emerald-500/10 text-emerald-200',
  stopping: 'border-amber-500/40 bg-amber-500/10 text-amber-200',
  failed: 'border-red-500/50 bg-red-500/10 text-red-200',
  exited: 'border-orange-500/40 bg-orange-500/10 text-orange-200',
};

const dots: Record<RunStatus, string> = {
  stopped: 'bg-zinc-500',
  preparing: 'bg-sky-400 animate-pulse',
  starting: 'bg-sky-400 animate-pulse',
  running: 'bg-emerald-400',
  stopping: 'bg-amber-400 animate-pulse',
  failed: 'bg-red-400',
  exited: 'bg-orange-400',
};

type StatusBadgeProps = {
  status: RunStatus;
  exitCode?: number | undefined;
  testId?: string;
};

export function StatusBadge({ status, exitCode, testId = 'status-badge' }: StatusBadgeProps) {
  const label = status === 'exited' && exitCode !== undefined ? `exited ${exitCode}` : status;
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex h-5 shrink-0 items-center gap-1.5 rounded-full border px-2 text-2xs
        font-medium ${tones[status]}`}
    >
      <span className={`size-1.5 rounded-full ${dots[status]}`} aria-hidden />
      {label}
    </span>
  );
}
