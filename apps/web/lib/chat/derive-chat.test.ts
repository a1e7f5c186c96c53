import type { Envelope } from '@mooring/protocol';
import { describe, expect, it } from 'vitest';
import {
  callEvent,
  finishedEnvelope,
  responseEvent,
  textEvent,
  userEvent,
} from '../testing/fixtures';
import type { ChatItem } from './chat-item';
import { deriveChat, type ChatSources } from './derive-chat';
import type { LocalTurn } from './local-turn';

/** The fixtures' envelope clock: envelope `seq` n has `ts` T0 + n. */
const T0 = 1_700_000_000_000;

function chat(sources: Partial<ChatSources>): ChatItem[] {
  return deriveChat({ agentName: 'weather_agent', envelopes: [], chat: [], local: [], ...sources });
}

function texts(item: ChatItem | undefined): string[] {
  if (item?.kind !== 'agent') return [];
  return item.segments.flatMap((segment) => (segment.kind === 'text' ? [segment.text] : []));
}

function local(text: string, overrides: Partial<LocalTurn> = {}): LocalTurn {
  return { id: text, text, sentAt: 1, state: 'sending', reply: null, error: null, ...overrides };
}

describe('deriveChat', () => {
  it('shows the user turn at once and a waiting marker until the reply starts', () => {
    const items = chat({ local: [local('weather in Paris?')] });
    expect(items.map((item) => item.kind)).toEqual(['user', 'waiting']);
    expect(items[0]).toMatchObject({ text: 'weather in Paris?', state: 'sending' });
  });

  it('keeps waiting once the server has recorded the turn, until the first event', () => {
    const recorded = [{ role: 'user' as const, text: 'weather?', ts: T0 }];
    const waiting = chat({ chat: recorded, local: [local('weather?')] });
    expect(waiting.map((item) => item.kind)).toEqual(['user', 'waiting']);

    const envelopes = [textEvent(1, 'It is ', { partial: true })];
    const streaming = chat({ chat: recorded, local: [local('weather?')], envelopes });
    expect(streaming.map((item) => item.kind)).toEqual(['user', 'agent']);
  });

  it('stops waiting when the request fails or when nobody here is waiting', () => {
    const failed = local('weather?', { state: 'failed', error: '502 agent_unreachable' });
    expect(chat({ local: [failed] }).map((item) => item.kind)).toEqual(['user']);

    const recorded = [{ role: 'user' as const, text: 'weather?', ts: T0 }];
    expect(chat({ chat: recorded }).map((item) => item.kind)).toEqual(['user']);
  });

  it('accumulates partial text while it streams', () => {
    const envelopes = [
      textEvent(1, 'It is ', { partial: true }),
      textEvent(2, 'sunny ', { partial: true }),
      textEvent(3, 'today.', { partial: true }),
    ];
    const items = chat({ local: [local('weather?')], envelopes });
    const reply = items[1];
    expect(texts(reply)).toEqual(['It is sunny today.']);
    expect(reply).toMatchObject({ kind: 'agent', streaming: true });
  });

  it('replaces the streamed chunks with the final text, shown once', () => {
    const envelopes: Envelope[] = [
      textEvent(1, 'It is ', { partial: true }),
      textEvent(2, 'sunny.', { partial: true }),
      textEvent(3, 'It is sunny.'),
      finishedEnvelope(4),
    ];
    const items = chat({ local: [local('weather?', { state: 'sent' })], envelopes });
    expect(texts(items[1])).toEqual(['It is sunny.']);
    expect(items[1]).toMatchObject({ streaming: false });
  });

  it('shows tool calls inline with their responses', () => {
    const envelopes = [
      callEvent(1, 'get_weather', { city: 'Paris' }, 'call-1'),
      responseEvent(2, 'get_weather', { report: 'sunny' }, 'call-1'),
      textEvent(3, 'Sunny in Paris.'),
    ];
    const items = chat({ local: [local('Paris?')], envelopes });
    const reply = items[1];
    expect(reply?.kind).toBe('agent');
    if (reply?.kind !== 'agent') return;
    expect(reply.segments[0]).toEqual({
      kind: 'tool',
      call: {
        id: 'call-1',
        name: 'get_weather',
        args: { city: 'Paris' },
        response: { report: 'sunny' },
        answered: true,
      },
    });
    expect(reply.segments[1]).toEqual({ kind: 'text', text: 'Sunny in Paris.', streaming: false });
  });

  it('pairs each invocation with its user turn, over several turns', () => {
    const envelopes = [
      textEvent(1, 'Hello!'),
      finishedEnvelope(2),
      textEvent(3, 'Sunny.', { invocationId: 'inv-2' }),
    ];
    const items = chat({
      envelopes,
      chat: [
        { role: 'user', text: 'hi', ts: T0 },
        { role: 'agent', text: 'Hello!', ts: T0 + 2 },
        { role: 'user', text: 'weather?', ts: T0 + 2 },
      ],
      local: [local('hi', { state: 'sent', reply: 'Hello!' }), local('weather?')],
    });
    expect(items.map((item) => item.kind)).toEqual(['user', 'agent', 'user', 'agent']);
    expect(texts(items[1])).toEqual(['Hello!']);
    expect(texts(items[3])).toEqual(['Sunny.']);
  });

  it('shows a local turn once the server has recorded it', () => {
    const items = chat({
      chat: [{ role: 'user', text: 'hi', ts: 1 }],
      local: [local('hi', { state: 'sent' })],
    });
    expect(items.filter((item) => item.kind === 'user')).toHaveLength(1);
    expect(items[0]).toMatchObject({ state: 'confirmed' });
  });

  it('falls back to the recorded reply when no events describe it', () => {
    const items = chat({
      chat: [
        { role: 'user', text: 'hi', ts: 1 },
        { role: 'agent', text: 'Hello!', ts: 2 },
      ],
    });
    expect(texts(items[1])).toEqual(['Hello!']);
  });

  it('keeps a failed turn out of the pairing and shows its error', () => {
    const items = chat({
      envelopes: [textEvent(1, 'Hello!')],
      local: [local('first', { state: 'failed', error: '409 not_running' }), local('second')],
    });
    expect(items.map((item) => item.kind)).toEqual(['user', 'user', 'agent']);
    expect(items[0]).toMatchObject({ state: 'failed', error: '409 not_running' });
  });

  it('leaves a turn whose agent call failed without a reply instead of shifting replies', () => {
    const items = chat({
      envelopes: [textEvent(5, 'Second answer.')],
      chat: [
        { role: 'user', text: 'first', ts: T0 + 1 },
        { role: 'user', text: 'second', ts: T0 + 3 },
      ],
      local: [
        local('first', { state: 'failed', error: '502 agent_unreachable: connection refused' }),
        local('second', { state: 'sent' }),
      ],
    });
    expect(items.map((item) => item.kind)).toEqual(['user', 'user', 'agent']);
    expect(items[0]).toMatchObject({ state: 'failed', error: expect.stringContaining('502') });
    expect(texts(items[2])).toEqual(['Second answer.']);
  });

  it('shows soft errors from events in the reply', () => {
    const envelopes = [textEvent(1, '', { errorMessage: 'quota exceeded' })];
    const items = chat({ local: [local('hi')], envelopes });
    const reply = items[1];
    expect(reply?.kind === 'agent' && reply.segments).toEqual([
      { kind: 'error', message: 'quota exceeded' },
    ]);
  });

  it("says a failure once, under the agent's name, however many times the host reports it", () => {
    const failure = (seq: number, source: 'model' | 'run'): Envelope => ({
      v: 1,
      runId: 'run-1',
      seq,
      ts: T0 + seq,
      kind: 'error',
      source,
      message: 'ValueError: No API key was provided.',
      invocationId: 'inv-1',
    });
    const envelopes = [
      userEvent(1, 'hi', 'inv-1'),
      failure(2, 'model'),
      textEvent(3, '', {
        invocationId: 'inv-1',
        errorMessage: 'ValueError: No API key was provided.',
      }),
      failure(4, 'run'),
    ];
    const reply = chat({ envelopes, local: [local('hi', { state: 'sent' })] })[1];
    expect(reply).toMatchObject({ kind: 'agent', author: 'weather_agent' });
    expect(reply?.kind === 'agent' && reply.segments).toEqual([
      { kind: 'error', message: 'ValueError: No API key was provided.' },
    ]);
  });

  it('shows a message sent to the agent directly between two turns, in order', () => {
    const envelopes = [
      userEvent(1, 'Weather in Paris?', 'inv-1'),
      textEvent(2, 'Sunny in Paris.', { invocationId: 'inv-1' }),
      finishedEnvelope(3, 'inv-1'),
      userEvent(4, 'And in Rome?', 'inv-2'),
      textEvent(5, 'Rainy in Rome.', { invocationId: 'inv-2' }),
      finishedEnvelope(6, 'inv-2'),
      userEvent(8, 'And in Lisbon?', 'inv-3'),
      textEvent(9, 'Windy in Lisbon.', { invocationId: 'inv-3' }),
    ];
    const items = chat({
      envelopes,
      chat: [
        { role: 'user', text: 'Weather in Paris?', ts: T0 },
        { role: 'agent', text: 'Sunny in Paris.', ts: T0 + 3 },
        { role: 'user', text: 'And in Lisbon?', ts: T0 + 7 },
      ],
      local: [local('And in Lisbon?', { state: 'sent' })],
    });

    const rows = items.map((item) =>
      item.kind === 'user' ? `user: ${item.text}` : `${item.kind}: ${texts(item).join('')}`,
    );
    expect(rows).toEqual([
      'user: Weather in Paris?',
      'agent: Sunny in Paris.',
      'user: And in Rome?',
      'agent: Rainy in Rome.',
      'user: And in Lisbon?',
      'agent: Windy in Lisbon.',
    ]);
    expect(items[2]).toMatchObject({ state: 'confirmed' });
  });

  it('never shows the user events as agent text', () => {
    const envelopes = [
      userEvent(1, 'hi'),
      textEvent(2, 'Hello!'),
      finishedEnvelope(3),
      userEvent(4, 'weather?', 'inv-2'),
    ];
    const items = chat({ envelopes, local: [local('hi', { state: 'sent' }), local('weather?')] });
    const agentText = items.flatMap(texts);
    expect(agentText).toEqual(['Hello!']);
    expect(items.map((item) => item.kind)).toEqual(['user', 'agent', 'user', 'waiting']);
  });

  it('shows a direct message still waiting for its answer as a user message only', () => {
    const items = chat({ envelopes: [userEvent(1, 'Anyone there?')] });
    expect(items).toEqual([
      {
        kind: 'user',
        key: 'inv-1-question',
        text: 'Anyone there?',
        state: 'confirmed',
        error: null,
      },
    ]);
  });
});
