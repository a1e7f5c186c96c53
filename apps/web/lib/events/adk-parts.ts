import type { AdkEvent } from '@mooring/protocol';

export type FunctionCallPart = { id: string | null; name: string; args: unknown };
export type FunctionResponsePart = { id: string | null; name: string; response: unknown };

/** The parts of an ADK event's content that Mooring shows, read defensively from loose JSON. */
export type AdkPart =
  | { type: 'text'; text: string; thought: boolean }
  | { type: 'function-call'; call: FunctionCallPart }
  | { type: 'function-response'; response: FunctionResponsePart }
  | { type: 'other' };

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringOr = <T>(value: unknown, fallback: T): string | T =>
  typeof value === 'string' ? value : fallback;

function readPart(part: unknown): AdkPart {
  if (!isRecord(part)) return { type: 'other' };

  if (typeof part.text === 'string') {
    return { type: 'text', text: part.text, thought: part.thought === true };
  }

  const call = part.functionCall;
  if (isRecord(call)) {
    const name = stringOr(call.name, 'unknown');
    return { type: 'function-call', call: { id: stringOr(call.id, null), name, args: call.args } };
  }

  const response = part.functionResponse;
  if (isRecord(response)) {
    const name = stringOr(response.name, 'unknown');
    const id = stringOr(response.id, null);
    return { type: 'function-response', response: { id, name, response: response.response } };
  }
  return { type: 'other' };
}

export function readParts(event: AdkEvent): AdkPart[] {
  const content = event.content;
  if (!isRecord(content) || !Array.isArray(content.parts)) return [];
  return content.parts.map(readPart);
}

/** ADK puts model/tool failures that did not raise into `errorCode` / `errorMessage`. */
export function readEventError(event: AdkEvent): string | null {
  const message = event.errorMessage;
  const code = event.errorCode;
  if (typeof message === 'string' && message) return message;
  if (typeof code === 'string' && code) return code;
  return null;
}

/** The text the user would read: non-thought text parts, joined. */
export function visibleText(parts: readonly AdkPart[]): string {
  return parts
    .filter((part) => part.type === 'text' && !part.thought)
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('');
}
