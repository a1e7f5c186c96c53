'use client';

import { useMooringStore } from '../store/mooring-store';

/** Why commands are disabled while the hub link is down, for their `title`. */
export const OFFLINE_REASON = 'Disconnected from the Mooring server: wait for it to reconnect';

/**
 * True while the hub link is down and being retried. Commands are refused meanwhile: the page
 * could not show what they did, and the statuses they would act on may be out of date.
 */
export function useOffline(): boolean {
  return useMooringStore((state) => state.connection.status === 'reconnecting');
}
