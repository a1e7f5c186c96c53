import type { Envelope, EventEnvelope } from '@mooring/protocol';
import { readEventError, readParts, visibleText, type AdkPart } from '../events/adk-parts';
import { toEpochMillis } from '../format/timestamp';
import type { AgentBlock, AgentSegment, ToolCall } from './chat-item';

type Draft = {
  key: string;
  author: string;
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
  if (error) draft.segments.push({ kind: 'error', message: error });
}

function invocationOf(envelope: Envelope): string | null {
  if (envelope.kind === 'event') return envelope.event.invocationId ?? null;
  if (envelope.kind === 'ready') return null;
  return envelope.invocationId ?? null;
}

function authorOf(envelope: Envelope): string {
  if (envelope.kind === 'event') return envelope.event.author ?? 'agent';
  return envelope.kind === 'error' ? envelope.source : 'agent';
}

function toBlock(draft: Draft): AgentBlock {
  const segments = draft.segments.map((segment) =>
    segment.kind === 'text' && draft.finished ? { ...segment, streaming: false } : segment,
  );
  const streaming = segments.some((segment) => segment.kind === 'text' && segment.streaming);
  const { key, author, startedAt } = draft;
  return { key, author, startedAt, segments, streaming };
}

type Grouping = { drafts: Map<string, Draft>; current: Draft | null };

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

  const key = invocation ?? `seq-${envelope.seq}`;
  const startedAt = toEpochMillis(envelope.ts);
  const author = authorOf(envelope);
  const draft: Draft = { key, author, startedAt, segments: [], finished: false };
  grouping.drafts.set(key, draft);
  return draft;
}

/**
 * Groups a run's envelopes (ordered by seq) into one reply per ADK invocation. The user's own
 * message is not an event the host reports, so every block is the agent's side of a turn.
 */
export function buildAgentBlocks(envelopes: readonly Envelope[]): AgentBlock[] {
  const grouping: Grouping = { drafts: new Map(), current: null };

  for (const envelope of envelopes) {
    if (envelope.kind === 'ready') continue;
    if (envelope.kind === 'event' && envelope.event.author === 'user') continue;

    const draft = draftFor(grouping, envelope);
    if (!draft) continue;
    grouping.current = draft;

    if (envelope.kind === 'event') addEvent(draft, envelope);
    else if (envelope.kind === 'run-finished') draft.finished = true;
    else draft.segments.push({ kind: 'error', message: envelope.message });
  }

  const drafts = [...grouping.drafts.values()];
  return drafts.filter((draft) => draft.segments.length > 0).map(toBlock);
}
