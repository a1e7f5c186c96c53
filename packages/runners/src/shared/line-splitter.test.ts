import { describe, expect, it } from 'vitest';
import { decodeEnvelope } from './envelope-decoder';
import { LineSplitter } from './line-splitter';

describe('LineSplitter', () => {
  it('joins lines split across chunks and hands over the rest on flush', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push('{"a":');
    splitter.push('1}\r\nsecond\nthi');
    expect(lines).toEqual(['{"a":1}', 'second']);
    splitter.flush();
    expect(lines).toEqual(['{"a":1}', 'second', 'thi']);
  });
});

describe('decodeEnvelope', () => {
  it('reports what is wrong instead of throwing', () => {
    expect(decodeEnvelope('not json')).toEqual({ ok: false, error: 'not valid JSON' });
    const wrong = decodeEnvelope(JSON.stringify({ v: 1, runId: 'r', seq: -1, ts: 0, kind: 'x' }));
    expect(wrong.ok).toBe(false);
    const good = decodeEnvelope(
      JSON.stringify({ v: 1, runId: 'r', seq: 1, ts: 0, kind: 'run-finished', invocationId: 'i' }),
    );
    expect(good.ok && good.envelope.kind).toBe('run-finished');
  });
});
