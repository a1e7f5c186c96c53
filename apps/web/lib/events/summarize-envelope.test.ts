import type { Envelope } from '@mooring/protocol';
import { describe, expect, it } from 'vitest';
import { callEvent, eventEnvelope, responseEvent, textEvent, userEvent } from '../testing/fixtures';
import { summarizeEnvelope } from './summarize-envelope';

describe('summarizeEnvelope', () => {
  it('summarizes text, marking partial chunks', () => {
    const summary = summarizeEnvelope(textEvent(1, 'It is\nsunny', { partial: true }));
    expect(summary).toEqual({
      kind: 'text',
      author: 'weather_agent',
      summary: 'It is sunny',
      partial: true,
    });
  });

  it("reads the user's message event as that message", () => {
    const summary = summarizeEnvelope(userEvent(1, 'And in\nLisbon?'));
    expect(summary).toEqual({
      kind: 'user',
      author: 'user',
      summary: 'And in Lisbon?',
      partial: false,
    });
  });

  it('summarizes function calls and responses without repeating the kind tag', () => {
    const call = summarizeEnvelope(callEvent(1, 'get_weather', { city: 'Paris' }, 'c1'));
    expect(call.kind).toBe('function-call');
    expect(call.summary).toBe('get_weather {"city":"Paris"}');

    const response = summarizeEnvelope(responseEvent(2, 'get_weather', { ok: true }, 'c1'));
    expect(response.kind).toBe('function-response');
    expect(response.summary).toBe('get_weather {"ok":true}');
  });

  it('names a part whose kind the row does not show', () => {
    const parts = [
      { text: 'weighing it up', thought: true },
      { text: 'Let me look.' },
      { functionCall: { name: 'get_weather', args: { city: 'Paris' }, id: 'c1' } },
    ];
    const mixed = summarizeEnvelope(eventEnvelope(1, { content: { role: 'model', parts } }));
    expect(mixed).toMatchObject({
      kind: 'function-call',
      summary: 'thought: weighing it up · Let me look. · get_weather {"city":"Paris"}',
    });

    const alone = [{ text: 'weighing it up', thought: true }];
    const thought = summarizeEnvelope(
      eventEnvelope(2, { content: { role: 'model', parts: alone } }),
    );
    expect(thought).toMatchObject({ kind: 'thought', summary: 'weighing it up' });
  });

  it('treats event error messages and error envelopes as errors', () => {
    const soft = summarizeEnvelope(eventEnvelope(1, { errorMessage: 'quota', errorCode: '429' }));
    expect(soft).toMatchObject({ kind: 'error', summary: 'error: quota' });

    const hard: Envelope = {
      v: 1,
      runId: 'run-1',
      seq: 2,
      ts: 1,
      kind: 'error',
      source: 'tool',
      message: 'boom',
    };
    expect(summarizeEnvelope(hard)).toMatchObject({ kind: 'error', summary: 'tool error: boom' });
  });

  it('describes host envelopes', () => {
    const ready: Envelope = {
      v: 1,
      runId: 'run-1',
      seq: 1,
      ts: 1,
      kind: 'ready',
      appName: 'weather',
      pid: 42,
      adkVersion: '1.18.0',
      hostVersion: '0.1.0',
    };
    expect(summarizeEnvelope(ready).summary).toBe('ready · weather · adk 1.18.0 · pid 42');
  });

  it('names state changes when an event has no content', () => {
    const event = eventEnvelope(1, {
      actions: { stateDelta: { city: 'Paris' }, artifactDelta: {} },
    });
    expect(summarizeEnvelope(event)).toMatchObject({
      kind: 'other',
      summary: 'actions: stateDelta',
    });
  });
});
