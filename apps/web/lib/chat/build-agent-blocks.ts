import type { Envelope, EventEnvelope } from '@mooring/protocol';
import { readEventError, readParts, visibleText, type AdkPart } from '../events/adk-parts';
import { toEpochMillis } from '../format/timestamp';
import type { AgentBlock, AgentSegment, ToolCall } from './chat-item';

type Draft = {
  key: string;
  /** Null while only the question is known. */
  author: string | null;
  question: string | null;
  startedAt: number;
  segments: AgentSegment[];
  finished: boolean;
};

/** Partial chunks are normally deltas; a host that resends the whole text so far is handled. */
function accumulate(soFar: string, chunk: string): string {
  return soFar.length >= 8 && chunk.startsWith(soFar) ? chunk : soFar + chunk;
}

function addText(draft: Draft, text: string, partial: boolean): void {
  const last = draft.segments.at(-1);
  const streaming = last?.kind === 'text' && last.streaming ? last : null;

  if (partial) {
    if (streaming) streaming.text = accumulate(streaming.text, text);
    else draft.segments.push({ kind: 'text', text, streaming: true });
    return;
  }

  // The final event repeats the streamed text in full, so it replaces the chunks.
  if (streaming) draft.segments.pop();
  draft.segments.push({ kind: 'text', text, streaming: false });
}

function findCall(draft: Draft, id: string | null, name: string): ToolCall | null {
  for (const segment of [...draft.segments].reverse()) {
    if (segment.kind !== 'tool') continue;
    const { call } = segment;
    if (id !== null && call.id === id) return call;
    if (id === null && !call.answered && call.name === name) return call;
  }
  return null;
}

function addPart(draft: Draft, part: AdkPart): void {
  if (part.type === 'function-call') {
    const existing = findCall(draft, part.call.id, part.call.name);
    if (existing && part.call.id !== null) return;
    draft.segments.push({ kind: 'tool', call: { ...part.call, response: null, answered: false } });
    return;
  }
  if (part.type !== 'function-response') return;

  const { id, name, response } = part.response;
  const call = findCall(draft, id, name);
  if (call) {
    call.response = response;
    call.answered = true;
    return;
  }
  draft.segments.push({ kind: 'tool', call: { id, name, args: null, response, answered: true } });
}

function addEvent(draft: Draft, envelope: EventEnvelope): void {
  const { event } = envelope;
  const parts = readParts(event);
  const partial = event.partial === true;

  const text = visibleText(parts);
  if (text) addText(draft, text, partial);

  // Streamed chunks may carry a call that the final event carries again; only the final counts.
  if (!partial) parts.forEach((part) => addPart(draft, part));

  const error = readEventError(event);
  if (error) addError(draft, error);
}

/**
 * One failure often reaches the host three times (the model's error callback, the event that
 * carries it, the run's own exception); the reply says it once.
 */
function addError(draft: Draft, message: string): void {
  const said = draft.segments.some((s) => s.kind === 'error' && s.message === message);
  if (!said) draft.segments.push({ kind: 'error', message });
}

function invocationOf(envelope: Envelope): string | null {
  if (envelope.kind === 'event') return envelope.event.invocationId ?? null;
  if (envelope.kind === 'ready') return null;
  return envelope.invocationId ?? null;
}

function toBlock(draft: Draft, fallbackAuthor: string): AgentBlock {
  const segments = draft.segments.map((segment) =>
    segment.kind === 'text' && draft.finished ? { ...segment, streaming: false } : segment,
  );
  const streaming = segments.some((segment) => segment.kind === 'text' && segment.streaming);
  const { key, question, startedAt } = draft;
  const author = draft.author ?? fallbackAuthor;
  return { key, author, question, startedAt, segments, streaming };
}

type Grouping = {
  drafts: Map<string, Draft>;
  current: Draft | null;
  /** A user message without an invocation id: it opens the next reply. */
  question: string | null;
};

function openDraft(grouping: Grouping, key: string, envelope: Envelope): Draft {
  const startedAt = toEpochMillis(envelope.ts);
  const { question } = grouping;
  grouping.question = null;
  const draft: Draft = { key, author: null, question, startedAt, segments: [], finished: false };
  grouping.drafts.set(key, draft);
  return draft;
}

/** A user event starts a turn: its text is the question the following reply answers. */
function addQuestion(grouping: Grouping, envelope: EventEnvelope): void {
  const question = visibleText(readParts(envelope.event));
  const invocation = envelope.event.invocationId;
  grouping.current = null;
  if (!invocation) {
    grouping.question = question;
    return;
  }
  const known = grouping.drafts.get(invocation);
  if (known) {
    known.question ??= question;
    return;
  }
  const draft = openDraft(grouping, invocation, envelope);
  draft.question = question;
  grouping.current = draft;
}

/** The reply an envelope belongs to, opened on its first event or turn-related error. */
function draftFor(grouping: Grouping, envelope: Envelope): Draft | null {
  const invocation = invocationOf(envelope);
  if (invocation !== null) {
    const known = grouping.drafts.get(invocation);
    if (known || envelope.kind === 'run-finished') return known ?? null;
  } else if (envelope.kind !== 'event') {
    // An error without an invocation belongs to a reply only while one is still open.
    const open = grouping.current && !grouping.current.finished ? grouping.current : null;
    return envelope.kind === 'error' ? open : null;
  } else if (grouping.current) {
    return grouping.current;
  }

  return openDraft(grouping, invocation ?? `seq-${envelope.seq}`, envelope);
}

/**
 * Groups a run's envelopes (ordered by seq) into one reply per ADK invocation. The host opens
 * each turn with an event by `user` holding the message: it becomes the block's question and is
 * never shown as the agent's text. A block may hold only its question until the agent answers.
 */
export function buildAgentBlocks(
  envelopes: readonly Envelope[],
  fallbackAuthor = 'agent',
): AgentBlock[] {
  const grouping: Grouping = { drafts: new Map(), current: null, question: null };

  for (const envelope of envelopes) {
    if (envelope.kind === 'ready') continue;
    if (envelope.kind === 'event' && envelope.event.author === 'user') {
      addQuestion(grouping, envelope);
      continue;
    }

    const draft = draftFor(grouping, envelope);
    if (!draft) continue;
    grouping.current = draft;
    // Only an event names who answered; an error's source (`model`, `run`) is not an author.
    if (envelope.kind === 'event') draft.author ??= envelope.event.author ?? null;

    if (envelope.kind === 'event') addEvent(draft, envelope);
    else if (envelope.kind === 'run-finished') draft.finished = true;
    else addError(draft, envelope.message);
  }

  const drafts = [...grouping.drafts.values()];
  const shown = drafts.filter((draft) => draft.segments.length > 0 || draft.question !== null);
  return shown.map((draft) => toBlock(draft, fallbackAuthor));
}
