import type { RunView } from '@mooring/protocol';

/** A recorded run on screen instead of the agent's current one; `run` once the list holds it. */
export type PastRun = { id: string; run: RunView | undefined };
