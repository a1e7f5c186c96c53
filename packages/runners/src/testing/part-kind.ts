import type { Envelope } from '@mooring/protocol';

type Part = { text?: string; functionCall?: unknown; functionResponse?: unknown };

/**
 * What an event envelope carries, for tests that check a turn's order: `function-call`,
 * `function-response` or `text` (none for other envelopes and empty events).
 */
export function partKind(envelope: Envelope): string[] {
  if (envelope.kind !== 'event') return [];
  const parts = (envelope.event as { content?: { parts?: Part[] } }).content?.parts ?? [];
  if (parts.some((p) => p.functionCall)) return ['function-call'];
  if (parts.some((p) => p.functionResponse)) return ['function-response'];
  if (parts.some((p) => p.text)) return ['text'];
  return [];
}
