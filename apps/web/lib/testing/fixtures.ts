import type { AgentView, Envelope, EventEnvelope, LogLine, RunView } from '@mooring/protocol';

/** Builders for protocol values in unit tests; each takes the few fields a test cares about. */
export function runView(overrides: Partial<RunView> = {}): RunView {
  return {
    id: 'run-1',
    agentId: 'weather',
    mode: 'venv',
    status: 'running',
    startedAt: 1_700_000_000_000,
    ...overrides,
  };
}

export function agentView(overrides: Partial<AgentView> = {}): AgentView {
  return {
    id: 'weather',
    name: 'weather_agent',
    description: 'Answers questions about the weather',
    root: 'agents',
    path: '/work/agents/weather',
    kind: 'python',
    hasDockerfile: false,
    status: 'stopped',
    ...overrides,
  };
}

type EventFields = Record<string, unknown> & { invocationId?: string; partial?: boolean };

export function eventEnvelope(seq: number, event: EventFields, runId = 'run-1'): EventEnvelope {
  return {
    v: 1,
    runId,
    seq,
    ts: 1_700_000_000_000 + seq,
    kind: 'event',
    event: { author: 'weather_agent', invocationId: 'inv-1', ...event },
  };
}

export function textEvent(seq: number, text: string, extra: EventFields = {}): EventEnvelope {
  return eventEnvelope(seq, { content: { role: 'model', parts: [{ text }] }, ...extra });
}

/** The event the host opens each turn with: the user's message, by `user`. */
export function userEvent(seq: number, text: string, invocationId = 'inv-1'): EventEnvelope {
  const content = { role: 'user', parts: [{ text }] };
  return eventEnvelope(seq, { author: 'user', invocationId, content });
}

export function callEvent(seq: number, name: string, args: unknown, id: string): EventEnvelope {
  const parts = [{ functionCall: { name, args, id } }];
  return eventEnvelope(seq, { content: { role: 'model', parts } });
}

export function responseEvent(seq: number, name: string, response: unknown, id: string) {
  const parts = [{ functionResponse: { name, response, id } }];
  return eventEnvelope(seq, { author: 'weather_agent', content: { role: 'user', parts } });
}

export function finishedEnvelope(seq: number, invocationId = 'inv-1'): Envelope {
  return {
    v: 1,
    runId: 'run-1',
    seq,
    ts: 1_700_000_000_000 + seq,
    kind: 'run-finished',
    invocationId,
  };
}

export function logLine(line: string, ts = 1, stream: LogLine['stream'] = 'stdout'): LogLine {
  return { stream, line, ts };
}
