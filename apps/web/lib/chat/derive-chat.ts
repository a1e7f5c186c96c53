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
      question: null,
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
function startsBefore(block: AgentBlock, later: readonly Turn[]): boolean {
  const nextAt = later.find((turn) => turn.at !== null)?.at;
  return nextAt === undefined || nextAt === null || block.startedAt < nextAt;
}

type Pairing = {
  /** Blocks of turns sent to the agent without Mooring, shown before this turn. */
  outside: readonly AgentBlock[];
  block: AgentBlock | undefined;
  next: number;
};

/**
 * Finds the block answering a turn among the blocks from `from` on. A block whose question is
 * another message answers a turn Mooring did not send; one without a question (an older host)
 * is paired by position.
 */
function pair(blocks: readonly AgentBlock[], from: number, turn: Turn, later: Turn[]): Pairing {
  const text = turn.user?.text.trim();
  if (!turn.expectsEvents || text === undefined)
    return { outside: [], block: undefined, next: from };

  const rest = blocks.slice(from);
  const end = rest.findIndex((block) => !startsBefore(block, later));
  const candidates = end === -1 ? rest : rest.slice(0, end);
  const index = candidates.findIndex((block) => (block.question ?? text).trim() === text);
  if (index !== -1) {
    const outside = candidates.slice(0, index);
    return { outside, block: candidates[index], next: from + index + 1 };
  }

  // No reply yet: only messages the agent got before this one was recorded come first.
  const at = turn.at ?? Number.POSITIVE_INFINITY;
  const cut = candidates.findIndex((block) => block.question === null || block.startedAt >= at);
  const outside = cut === -1 ? candidates : candidates.slice(0, cut);
  return { outside, block: undefined, next: from + outside.length };
}

/** A block shown on its own: its question, when known, as a confirmed user message. */
function standalone(block: AgentBlock): ChatItem[] {
  const reply: ChatItem[] = block.segments.length > 0 ? [{ kind: 'agent', ...block }] : [];
  if (block.question === null) return reply;
  const key = `${block.key}-question`;
  const text = block.question;
  return [{ kind: 'user', key, text, state: 'confirmed', error: null }, ...reply];
}

/**
 * The conversation as the chat panel shows it. The agent's side comes from the run's events, one
 * block per invocation, so replies render while they stream. A block answers the turn whose text
 * is its question; messages sent to the agent without Mooring show with their replies where they
 * happened. Blocks without a question pair by position: the n-th block answers the n-th user
 * turn. Chat turns and `POST /chat` replies only fill in replies no events describe.
 */
export function deriveChat(sources: ChatSources): ChatItem[] {
  const blocks = buildAgentBlocks(sources.envelopes, sources.agentName);
  const turns = withLocal(fromServer(sources.chat), sources.local);
  const items: ChatItem[] = [];
  let next = 0;

  turns.forEach((turn, i) => {
    const pairing = pair(blocks, next, turn, turns.slice(i + 1));
    next = pairing.next;
    pairing.outside.forEach((block) => items.push(...standalone(block)));

    if (turn.user) items.push({ kind: 'user', key: turn.key, ...turn.user });
    const answer = pairing.block?.segments.length ? pairing.block : undefined;
    const reply = replyItem(turn, answer, sources.agentName);
    if (reply) items.push(reply);
  });

  for (const block of blocks.slice(next)) items.push(...standalone(block));
  return items;
}
