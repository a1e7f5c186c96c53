import { describe, expect, it } from 'vitest';
import { parseHubMessage } from './parse-hub-message';

const docker = { available: true };

describe('parseHubMessage', () => {
  it('accepts a numbered message', () => {
    const frame = JSON.stringify({ type: 'docker', docker, seq: 3 });
    expect(parseHubMessage(frame)).toEqual({ type: 'docker', docker, seq: 3 });
  });

  it('accepts a numbered snapshot with the store state', () => {
    const store = { ok: false, path: '/data/mooring.db', warning: 'disk full' };
    const frame = JSON.stringify({ type: 'snapshot', seq: 9, agents: [], docker, store });
    expect(parseHubMessage(frame)).toEqual({ type: 'snapshot', seq: 9, agents: [], docker, store });
  });

  it('accepts unnumbered messages from a server without a store', () => {
    expect(parseHubMessage(JSON.stringify({ type: 'docker', docker }))).toEqual({
      type: 'docker',
      docker,
    });
    const snapshot = { type: 'snapshot', agents: [], docker };
    expect(parseHubMessage(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('ignores frames that are not JSON or not in the schema', () => {
    expect(parseHubMessage('{nope')).toBeNull();
    expect(parseHubMessage(JSON.stringify({ type: 'agent' }))).toBeNull();
    expect(parseHubMessage(JSON.stringify({ type: 'docker', docker, seq: -1 }))).toBeNull();
    expect(parseHubMessage(JSON.stringify(null))).toBeNull();
    expect(parseHubMessage(new ArrayBuffer(2))).toBeNull();
  });
});
