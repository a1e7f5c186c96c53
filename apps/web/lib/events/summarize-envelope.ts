import type { Envelope } from '@mooring/protocol';
import { compactJson } from '../format/compact-json';
import { oneLine } from '../format/one-line';
import { readEventError, readParts, visibleText, type AdkPart } from './adk-parts';

export type EventKind =
  | 'user'
  | 'text'
  | 'thought'
  | 'function-call'
  | 'function-response'
  | 'error'
  | 'ready'
  | 'run-finished'
  | 'other';

export type EnvelopeSummary = {
  kind: EventKind;
  author: string;
  summary: string;
  partial: boolean;
};

/** Names what a part is only where the row's kind tag does not say so already. */
function labelled(label: string, text: string, tagged: boolean): string {
  return tagged ? text : `${label} ${text}`;
}

function describePart(part: AdkPart, kind: EventKind): string | null {
  switch (part.type) {
    case 'text':
      if (!part.thought) return oneLine(part.text, 160);
      return labelled('thought:', oneLine(part.text, 100), kind === 'thought');
    case 'function-call': {
      const text = `${part.call.name} ${compactJson(part.call.args ?? {}, 100)}`;
      return labelled('call', text, kind === 'function-call');
    }
    case 'function-response': {
      const text = `${part.response.name} ${compactJson(part.response.response ?? {}, 100)}`;
      return labelled('response', text, kind === 'function-response');
    }
    default:
      return null;
  }
}

function kindOf(parts: readonly AdkPart[], error: string | null): EventKind {
  if (error) return 'error';
  if (parts.some((part) => part.type === 'function-call')) return 'function-call';
  if (parts.some((part) => part.type === 'function-response')) return 'function-response';
  if (parts.some((part) => part.type === 'text' && !part.thought)) return 'text';
  if (parts.some((part) => part.type === 'text')) return 'thought';
  return 'other';
}

function describeOther(event: Record<string, unknown>): string {
  const actions = event.actions;
  if (typeof actions === 'object' && actions !== null) {
    const keys = Object.keys(actions).filter((key) => {
      const value: unknown = Reflect.get(actions, key);
      return value !== null && !(typeof value === 'object' && Object.keys(value).length === 0);
    });
    if (keys.length > 0) return `actions: ${keys.join(', ')}`;
  }
  return event.turnComplete === true ? 'turn complete' : '(no content)';
}

/** The host reports each turn's message as an event by `user`; its row reads as that message. */
function describeUserMessage(parts: readonly AdkPart[]): EnvelopeSummary {
  const text = oneLine(visibleText(parts), 160);
  return { kind: 'user', author: 'user', summary: text || '(empty message)', partial: false };
}

/** What one row of the events panel says about an envelope. */
export function summarizeEnvelope(envelope: Envelope): EnvelopeSummary {
  switch (envelope.kind) {
    case 'ready': {
      const { appName, adkVersion, pid } = envelope;
      const summary = `ready · ${appName} · adk ${adkVersion} · pid ${pid}`;
      return { kind: 'ready', author: 'host', summary, partial: false };
    }
    case 'run-finished':
      return {
        kind: 'run-finished',
        author: 'host',
        summary: `invocation finished · ${envelope.invocationId}`,
        partial: false,
      };
    case 'error':
      return {
        kind: 'error',
        author: envelope.source,
        summary: `${envelope.source} error: ${oneLine(envelope.message, 200)}`,
        partial: false,
      };
    case 'event': {
      const { event } = envelope;
      const parts = readParts(event);
      if (event.author === 'user') return describeUserMessage(parts);
      const error = readEventError(event);
      const kind = kindOf(parts, error);
      const described = parts
        .map((part) => describePart(part, kind))
        .filter((text) => text !== null);
      const summary = error ? `error: ${oneLine(error, 200)}` : described.join(' · ');
      return {
        kind,
        author: event.author ?? 'unknown',
        summary: summary || describeOther(event),
        partial: event.partial === true,
      };
    }
  }
}
