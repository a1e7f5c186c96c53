import { describe, expect, it } from 'vitest';
import { textEvent } from '../testing/fixtures';
import { admitFrame } from './admit-frame';
import type { HubFrame } from './hub-frame';

const docker = { available: true };
const store = { ok: true, path: '/data/mooring.db' };

const numbered = (seq: number): HubFrame => ({ type: 'docker', docker, seq });
const snapshot = (seq: number): HubFrame => ({ type: 'snapshot', seq, agents: [], docker, store });

describe('admitFrame', () => {
  it('applies the next message and moves the cursor', () => {
    expect(admitFrame(4, numbered(5))).toEqual({ action: 'apply', lastSeq: 5 });
  });

  it('skips messages at or before the cursor, so a replay adds no duplicates', () => {
    expect(admitFrame(5, numbered(5))).toEqual({ action: 'skip', lastSeq: 5 });
    expect(admitFrame(5, numbered(2))).toEqual({ action: 'skip', lastSeq: 5 });
  });

  it('asks for a snapshot when a message is missing', () => {
    expect(admitFrame(5, numbered(7))).toEqual({ action: 'resync', lastSeq: null });
  });

  it('takes any snapshot and resets the cursor to it, even backwards', () => {
    expect(admitFrame(null, snapshot(12))).toEqual({ action: 'apply', lastSeq: 12 });
    expect(admitFrame(40, snapshot(3))).toEqual({ action: 'apply', lastSeq: 3 });
  });

  it('applies unnumbered messages and forgets the cursor, so the next link starts over', () => {
    const event = textEvent(1, 'hi');
    const frame: HubFrame = { type: 'event', agentId: 'weather', runId: 'run-1', envelope: event };
    expect(admitFrame(5, frame)).toEqual({ action: 'apply', lastSeq: null });
    expect(admitFrame(null, { type: 'snapshot', agents: [], docker })).toEqual({
      action: 'apply',
      lastSeq: null,
    });
  });

  it('keeps a sequence of replayed and live messages gap-free and duplicate-free', () => {
    const arrivals = [10, 11, 11, 12, 9, 13].map(numbered);
    let cursor: number | null = 9;
    const applied: number[] = [];
    for (const frame of arrivals) {
      const admission = admitFrame(cursor, frame);
      cursor = admission.lastSeq;
      if (admission.action === 'apply' && 'seq' in frame) applied.push(frame.seq);
    }
    expect(applied).toEqual([10, 11, 12, 13]);
  });
});
