'use client';

import { useEffect } from 'react';
import { readSelection } from '../prefs/selection-preference';
import { useMooringStore } from '../store/mooring-store';

/** Follows the URL hash when the user edits it or goes back, so links to an agent work. */
export function useHashSelection(): void {
  useEffect(() => {
    const follow = () => {
      const agentId = readSelection();
      const state = useMooringStore.getState();
      if (agentId && agentId in state.agents && agentId !== state.selectedAgentId) {
        state.actions.selectAgent(agentId);
      }
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
}
