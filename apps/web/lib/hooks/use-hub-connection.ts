'use client';

import { useEffect } from 'react';
import { wsUrl } from '../api/server-url';
import { HubClient } from '../hub/hub-client';
import { hubPath } from '../hub/hub-path';
import { useMooringStore } from '../store/mooring-store';

/** Connects to the server's hub for as long as the calling component is mounted. */
export function useHubConnection(): void {
  useEffect(() => {
    const { applyMessages, setConnection } = useMooringStore.getState().actions;
    const client = new HubClient({
      url: (after) => wsUrl(hubPath(after)),
      onMessages: applyMessages,
      onConnection: setConnection,
    });
    client.start();
    return () => client.stop();
  }, []);
}
