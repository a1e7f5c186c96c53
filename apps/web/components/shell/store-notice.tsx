'use client';

import type { StoreState } from '@mooring/protocol';
import { useMooringStore } from '../../lib/store/mooring-store';

function describe(store: StoreState): string | null {
  if (!store.ok)
    return `History is not being saved: ${store.warning ?? 'the store is unavailable'}`;
  return store.warning ?? null;
}

/** One quiet line when the server cannot keep run history, or had to recover it. */
export function StoreNotice() {
  const store = useMooringStore((state) => state.store);
  const text = store ? describe(store) : null;
  if (!store || !text) return null;

  return (
    <p
      role="note"
      data-testid="store-notice"
      data-ok={store.ok}
      title={`${text}\n${store.path}`}
      className="shrink-0 border-b border-amber-500/25 bg-amber-500/5 px-3 py-1 text-2xs
        text-amber-200"
    >
      {text}
    </p>
  );
}
