import { readStored, writeStored } from './local-storage';

const STORAGE_KEY = 'mooring.selectedAgent';
const HASH_KEY = 'agent';

/** The agent named in the URL hash (`#agent=<id>`), else the one selected last time. */
export function readSelection(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get(HASH_KEY);
  return fromHash || readStored(STORAGE_KEY);
}

export function writeSelection(agentId: string): void {
  writeStored(STORAGE_KEY, agentId);
  const hash = `#${new URLSearchParams({ [HASH_KEY]: agentId }).toString()}`;
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}
