'use client';

import { useMooringStore } from '../../lib/store/mooring-store';

/** Whether container mode can work right now, with the daemon's version or the reason why not. */
export function DockerIndicator() {
  const docker = useMooringStore((state) => state.docker);
  const connected = useMooringStore((state) => state.snapshotEpoch > 0);
  if (!connected) return null;

  const detail = docker.available ? (docker.version ?? '') : (docker.reason ?? 'unavailable');
  const dot = docker.available ? 'bg-emerald-400' : 'bg-zinc-500';
  return (
    <div
      data-testid="docker-indicator"
      data-available={docker.available}
      title={docker.available ? `Docker ${detail}` : `Docker unavailable: ${detail}`}
      className="flex min-w-0 items-center gap-1.5 text-2xs text-faint"
    >
      <span className={`size-1.5 shrink-0 rounded-full ${dot}`} aria-hidden />
      <span className="shrink-0 text-dim">Docker</span>
      <span className="truncate font-mono">{docker.available ? detail : 'unavailable'}</span>
    </div>
  );
}
