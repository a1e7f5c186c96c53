export type ToolCall = {
  id: string | null;
  name: string;
  args: unknown;
  response: unknown;
  answered: boolean;
};

/** One piece of an agent's reply, in the order the agent produced it. */
export type AgentSegment =
  | { kind: 'text'; text: string; streaming: boolean }
  | { kind: 'tool'; call: ToolCall }
  | { kind: 'error'; message: string };

/** The reply to one user turn, built from one invocation's events. */
export type AgentBlock = {
  key: string;
  author: string;
  /** The message that started the invocation, when the host reported it; null on older hosts. */
  question: string | null;
  /** Epoch milliseconds of the block's first envelope. */
  startedAt: number;
  /** Empty while only the question is known: the agent has not answered yet. */
  segments: readonly AgentSegment[];
  streaming: boolean;
};

export type UserTurnState = 'confirmed' | 'sending' | 'sent' | 'failed';

/** One row of the chat panel. */
export type ChatItem =
  | { kind: 'user'; key: string; text: string; state: UserTurnState; error: string | null }
  | ({ kind: 'agent' } & AgentBlock)
  | { kind: 'waiting'; key: string };
