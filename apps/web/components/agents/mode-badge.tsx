import type { RunView } from '@mooring/protocol';

const SHORT_ID = 12;

/** `venv · pid 1234` or `container · 3f2a9c1b12ab · mooring/agent:abc123`. */
export function describeRunTarget(run: RunView): string {
  if (run.mode === 'venv') return run.pid === undefined ? 'venv' : `venv · pid ${run.pid}`;
  const parts = ['container'];
  if (run.containerId) parts.push(run.containerId.slice(0, SHORT_ID));
  if (run.imageTag) parts.push(run.imageTag);
  return parts.join(' · ');
}

/** Says where a live run executes, so a glance tells venv and container runs apart. */
export function ModeBadge({ run, testId = 'mode-badge' }: { run: RunView; testId?: string }) {
  const text = describeRunTarget(run);
  const tone =
    run.mode === 'container'
      ? 'border-violet-500/35 bg-violet-500/10 text-violet-200'
      : 'border-teal-500/35 bg-teal-500/10 text-teal-200';
  return (
    <span
      data-testid={testId}
      data-mode={run.mode}
      title={run.containerId ?? text}
      className={`inline-block max-w-full rounded border px-1.5 py-px font-mono text-2xs
        wrap-anywhere ${tone}`}
    >
      {text}
    </span>
  );
}
