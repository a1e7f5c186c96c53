import { describe, expect, it } from 'vitest';
import { parseHubMessage } from './parse-hub-message';

describe('parseHubMessage', () => {
  it('accepts a valid message', () => {
    const frame = JSON.stringify({ type: 'docker', docker: { available: true } });
    expect(parseHubMessage(frame)).toEqual({ type: 'docker', docker: { available: true } });
  });

  it('ignores frames that are not JSON or not in the schema', () => {
    expect(parseHubMessage('{nope')).toBeNull();
    expect(parseHubMessage(JSON.stringify({ type: 'agent' }))).toBeNull();
    expect(parseHubMessage(new ArrayBuffer(2))).toBeNull();
  });
});
