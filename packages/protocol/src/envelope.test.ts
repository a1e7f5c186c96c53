import { describe, expect, it } from 'vitest';
import { envelopeSchema } from './envelope';

const base = { v: 1, runId: 'r1', seq: 1, ts: 1_700_000_000_000 };

describe('envelopeSchema', () => {
  it('accepts each kind with its fields and keeps unknown ADK event fields', () => {
    const event = envelopeSchema.parse({
      ...base,
      kind: 'event',
      event: { author: 'a', content: { parts: [{ text: 'hi' }] }, customField: 1 },
    });
    expect(event.kind === 'event' && event.event.customField).toBe(1);
    expect(
      envelopeSchema.safeParse({
        ...base,
        kind: 'ready',
        appName: 'a',
        pid: 1,
        adkVersion: '2',
        hostVersion: '0.1',
      }).success,
    ).toBe(true);
  });

  it('refuses forged or malformed envelopes', () => {
    expect(envelopeSchema.safeParse({ ...base, v: 2, kind: 'run-finished' }).success).toBe(false);
    expect(envelopeSchema.safeParse({ ...base, seq: 0, kind: 'event', event: {} }).success).toBe(
      false,
    );
    expect(envelopeSchema.safeParse({ ...base, kind: 'shell', cmd: 'rm' }).success).toBe(false);
    expect(
      envelopeSchema.safeParse({ ...base, kind: 'error', source: 'kernel', message: 'x' }).success,
    ).toBe(false);
  });
});
