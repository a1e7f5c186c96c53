import type { ChatTurn, Envelope } from '@mooring/protocol';
import { buildAgentBlocks } from './build-agent-blocks';
import type { AgentBlock, ChatItem, UserTurnState } from './chat-item';
import type { LocalTurn } from './local-turn';

export type ChatSources = {
  agentName: string;
  envelopes: readonly Envelope[];
  /** Turns the server recorded for the run (history plus live `chat` messages). */
  chat: readonly ChatTurn[];
  /** Turns sent from this browser, oldest first. */
  local: readonly LocalTurn[];
};

type Turn = {
  key: string;
  user: { text: string; state: UserTurnState; error: string | null } | null;
  /** The reply's final text as the server or `POST /chat` reported it. */
  reply: string | null;
  /** When the server recorded the user's message (epoch ms); unknown for local turns. */
  at: number | null;
  /** Whether an invocation's events are expected for this turn. */
  expectsEvents: boolean;
  /** Sent from this browser and not yet answered: a reply is on its way. */
  awaiting: boolean;
};

function fromServer(chat: readonly ChatTurn[]): Turn[] {
  const turns: Turn[] = [];
  chat.forEach((turn, i) => {
    const open = turns.at(-1);
    if (turn.role === 'agent' && open && open.reply === null) {
      open.reply = turn.text;
      return;
    }
    const user = turn.role === 'user' ? { text: turn.text, state: 'confirmed' as const } : null;
    const reply = turn.role === 'agent' ? turn.text : null;
    const entry = user && { ...user, error: null };
    const at = user ? turn.ts : null;
    const expectsEvents = entry !== null;
    turns.push({ key: `s${i}`, user: entry, reply, at, expectsEvents, awaiting: false });
  });
  return turns;
}

/** Local turns the server has recorded are shown once, as the server's; the rest follow. */
function withLocal(turns: Turn[], local: readonly LocalTurn[]): Turn[] {
  let from = 0;
  const pending: Turn[] = [];

  for (const turn of local) {
    const text = turn.text.trim();
    const index = turns.findIndex((t, i) => i >= from && t.user?.text.trim() === text);
    const match = turns[index];
    if (match) {
      from = index + 1;
      match.reply ??= turn.reply;
      match.awaiting = turn.state === 'sending';
      if (turn.state === 'failed' && match.user) {
        match.user = { ...match.user, state: 'failed', error: turn.error };
      }
      continue;
    }
    const user = { text: turn.text, state: turn.state, error: turn.error };
    const expectsEvents = turn.state !== 'failed';
    const awaiting = turn.state === 'sending';
    const key = `l${turn.id}`;
    pending.push({ key, user, reply: turn.reply, at: null, expectsEvents, awaiting });
  }
  return [...turns, ...pending];
}

function replyItem(turn: Turn, block: AgentBlock | undefined, agentName: string): ChatItem | null {
  if (block) return { kind: 'agent', ...block };
  if (turn.reply !== null) {
    const segments = [{ kind: 'text' as const, text: turn.reply, streaming: false }];
    return {
      kind: 'agent',
      key: `${turn.key}-reply`,
      author: agentName,
      startedAt: turn.at ?? 0,
      segments,
      streaming: false,
    };
  }
  // The server records the user's turn before the agent answers, so a confirmed turn may still
  // be waiting: what counts is that this browser's request has not come back.
  if (turn.awaiting) return { kind: 'waiting', key: `${turn.key}-waiting` };
  return null;
}

/**
 * A reply cannot start after the server recorded the next user message: then this turn got no
 * events (its agent call failed) and the block belongs to a later turn.
 */
function startsBefore(block: AgentBlock, turns: readonly Turn[], from: number): boolean {
  const nextAt = turns.slice(from).find((turn) => turn.at !== null)?.at;
  return nextAt === undefined || nextAt === null || block.startedAt < nextAt;
}

/**
 * The conversation as the chat panel shows it. The agent's side comes from the run's events, one
 * block per invocation, so replies render while they stream; the n-th block answers the n-th
 * user turn. Chat turns and `POST /chat` replies only fill in replies no events describe.
 */
export function deriveChat(sources: ChatSources): ChatItem[] {
  const blocks = buildAgentBlocks(sources.envelopes);
  const turns = withLocal(fromServer(sources.chat), sources.local);
  const items: ChatItem[] = [];
  let next = 0;

  turns.forEach((turn, i) => {
    if (turn.user) items.push({ kind: 'user', key: turn.key, ...turn.user });
    const candidate = turn.expectsEvents ? blocks[next] : undefined;
    const block = candidate && startsBefore(candidate, turns, i + 1) ? candidate : undefined;
    if (block) next += 1;

    const reply = replyItem(turn, block, sources.agentName);
    if (reply) items.push(reply);
  });

  for (const block of blocks.slice(next)) items.push({ kind: 'agent', ...block });
  return items;
}
