import { isActive, type RunView } from '@mooring/protocol';
import { formatDuration } from '../format/duration';

/** How a run ended (or that it has not), and how long it lasted, in a few words. */
export type RunOutcome = { status: string; duration: string };

export function describeRunOutcome(run: RunView): RunOutcome {
  const status =
    run.status === 'exited' && run.exitCode !== undefined ? `exited ${run.exitCode}` : run.status;
  if (run.endedAt !== undefined) {
    return { status, duration: formatDuration(run.endedAt - run.startedAt) };
  }
  return { status, duration: isActive(run.status) ? 'live' : '' };
}
