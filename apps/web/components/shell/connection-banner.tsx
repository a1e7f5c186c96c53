'use client';

import { useEffect, useState } from 'react';
import { useMooringStore } from '../../lib/store/mooring-store';

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** A strip across the top while the hub link is down; the app keeps showing what it had. */
export function ConnectionBanner() {
  const connection = useMooringStore((state) => state.connection);
  const retryAt = connection.status === 'reconnecting' ? connection.retryAt : null;
  const seconds = useSecondsUntil(retryAt);
  if (connection.status !== 'reconnecting') return null;

  const when = seconds ? `retrying in ${seconds}s` : 'retrying now';
  return (
    <div
      role="status"
      data-testid="connection-banner"
      className="flex h-7 shrink-0 items-center justify-center gap-2 border-b border-amber-500/30
        bg-amber-500/10 text-xs text-amber-200"
    >
      <span className="size-1.5 animate-pulse rounded-full bg-amber-400" aria-hidden />
      <span>Disconnected from the Mooring server — reconnecting</span>
      <span className="text-amber-200/60">({when})</span>
    </div>
  );
}
