import type { AgentView, DockerState } from '@mooring/protocol';
import type { RunRecord } from './run-record';

/** The part of the browser's state that the hub (and run history) feed. */
export type HubState = {
  agents: Readonly<Record<string, AgentView>>;
  /** Agent ids in the order the server listed them. */
  agentOrder: readonly string[];
  docker: DockerState;
  runs: Readonly<Record<string, RunRecord>>;
  /** The newest run seen per agent, kept even if the server later omits `agent.run`. */
  lastRunByAgent: Readonly<Record<string, string>>;
  /** Counts snapshots; a new one after a reconnect means live messages may have been missed. */
  snapshotEpoch: number;
};

export const initialHubState: HubState = {
  agents: {},
  agentOrder: [],
  docker: { available: false, reason: 'waiting for the server' },
  runs: {},
  lastRunByAgent: {},
  snapshotEpoch: 0,
};
