import type { AgentView, RunHistory, RunMode } from '@mooring/protocol';
import { create } from 'zustand';
import type { LocalTurn } from '../chat/local-turn';
import type { ConnectionState } from '../hub/connection-state';
import type { HubFrame } from '../hub/hub-frame';
import { readModePreference, writeModePreference } from '../prefs/mode-preference';
import { readSelection, writeSelection } from '../prefs/selection-preference';
import { applyAgentView } from './apply-agent-view';
import { applyHubMessages } from './apply-hub-message';
import { applyRunHistory } from './apply-run-history';
import { initialHubState, type HubState } from './hub-state';

export type PendingCommand = 'start' | 'stop';

type Actions = {
  applyMessages: (messages: readonly HubFrame[]) => void;
  applyHistory: (history: RunHistory) => void;
  applyAgent: (agent: AgentView) => void;
  setConnection: (connection: ConnectionState) => void;
  selectAgent: (agentId: string) => void;
  /** Shows a recorded run of the agent instead of its current one; null goes back. */
  viewRun: (agentId: string, runId: string | null) => void;
  setMode: (agentId: string, mode: RunMode) => void;
  setCardError: (agentId: string, message: string | null) => void;
  setPending: (agentId: string, command: PendingCommand | null) => void;
  addLocalTurn: (runId: string, turn: LocalTurn) => void;
  patchLocalTurn: (runId: string, turnId: string, patch: Partial<LocalTurn>) => void;
};

export type MooringState = HubState & {
  connection: ConnectionState;
  selectedAgentId: string | null;
  /** A past run the user chose to look at, per agent, shown read-only instead of the current. */
  viewedRuns: Readonly<Record<string, string>>;
  /** The run mode chosen per agent, remembered in localStorage. */
  modes: Readonly<Record<string, RunMode>>;
  /** The last failed command per agent, shown on its card until the next attempt. */
  cardErrors: Readonly<Record<string, string>>;
  pending: Readonly<Record<string, PendingCommand>>;
  /** Chat turns typed in this browser, per run. */
  localTurns: Readonly<Record<string, readonly LocalTurn[]>>;
  actions: Actions;
};

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** Fills in what a fresh snapshot needs from this browser: mode choices and a selection. */
function afterSnapshot(state: MooringState): Partial<MooringState> {
  const modes = { ...state.modes };
  for (const id of state.agentOrder) {
    const stored = modes[id] ?? readModePreference(id);
    if (stored) modes[id] = stored;
  }

  const wanted = state.selectedAgentId ?? readSelection();
  const selectedAgentId = wanted && wanted in state.agents ? wanted : (state.agentOrder[0] ?? null);
  return { modes, selectedAgentId };
}

export const useMooringStore = create<MooringState>()((set, get) => ({
  ...initialHubState,
  connection: { status: 'connecting' },
  selectedAgentId: null,
  viewedRuns: {},
  modes: {},
  cardErrors: {},
  pending: {},
  localTurns: {},
  actions: {
    applyMessages: (messages) => {
      set((state) => applyHubMessages(state, messages));
      if (messages.some((message) => message.type === 'snapshot')) set(afterSnapshot(get()));
    },
    applyHistory: (history) => set((state) => applyRunHistory(state, history)),
    applyAgent: (agent) => set((state) => applyAgentView(state, agent)),
    setConnection: (connection) => set({ connection }),
    selectAgent: (agentId) => {
      writeSelection(agentId);
      set({ selectedAgentId: agentId });
    },
    viewRun: (agentId, runId) =>
      set((state) => ({
        viewedRuns:
          runId === null
            ? without(state.viewedRuns, agentId)
            : { ...state.viewedRuns, [agentId]: runId },
      })),
    setMode: (agentId, mode) => {
      writeModePreference(agentId, mode);
      set((state) => ({ modes: { ...state.modes, [agentId]: mode } }));
    },
    setCardError: (agentId, message) =>
      set((state) => ({
        cardErrors:
          message === null
            ? without(state.cardErrors, agentId)
            : { ...state.cardErrors, [agentId]: message },
      })),
    setPending: (agentId, command) =>
      set((state) => ({
        pending:
          command === null
            ? without(state.pending, agentId)
            : { ...state.pending, [agentId]: command },
      })),
    addLocalTurn: (runId, turn) =>
      set((state) => ({
        localTurns: { ...state.localTurns, [runId]: [...(state.localTurns[runId] ?? []), turn] },
      })),
    patchLocalTurn: (runId, turnId, patch) =>
      set((state) => {
        const turns = state.localTurns[runId] ?? [];
        const next = turns.map((turn) => (turn.id === turnId ? { ...turn, ...patch } : turn));
        return { localTurns: { ...state.localTurns, [runId]: next } };
      }),
  },
}));

/** Stable across renders: components call commands without subscribing to state. */
export const useMooringActions = (): Actions => useMooringStore((state) => state.actions);
