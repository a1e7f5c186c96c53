import type { AgentView, DockerState, StoreState } from '@mooring/protocol';
import type { RunRecord } from './run-record';

/** The part of the browser's state that the hub (and run history) feed. */
export type HubState = {
  agents: Readonly<Record<string, AgentView>>;
  /** Agent ids in the order the server listed them. */
  agentOrder: readonly string[];
  docker: DockerState;
  /** Whether the server is keeping history; null from a server that has no store. */
  store: StoreState | null;
  runs: Readonly<Record<string, RunRecord>>;
  /** The newest run seen per agent, kept even if the server later omits `agent.run`. */
  lastRunByAgent: Readonly<Record<string, string>>;
  /** Counts snapshots; each one replaces the runs held, so the runs on screen are reloaded. */
  snapshotEpoch: number;
};

export const initialHubState: HubState = {
  agents: {},
  agentOrder: [],
  docker: { available: false, reason: 'waiting for the server' },
  store: null,
  runs: {},
  lastRunByAgent: {},
  snapshotEpoch: 0,
};
