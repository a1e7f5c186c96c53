'use client';

import type { ReactNode } from 'react';
import { useOffline } from '../../lib/hooks/use-offline';

/**
 * Dims the page's content while the hub link is down, so statuses that may be out of date do
 * not look live; the content stays readable. Children are passed in, so they do not re-render
 * when the link changes.
 */
export function OfflineDim({ className, children }: { className: string; children: ReactNode }) {
  const offline = useOffline();
  const dim = offline ? 'opacity-60 saturate-50' : '';
  return <div className={`${className} transition-[opacity,filter] ${dim}`}>{children}</div>;
}
