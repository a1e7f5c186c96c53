import { describe, expect, it } from 'vitest';
import { buildServerUrl } from '../api/server-url';
import { hubPath } from './hub-path';

describe('hubPath', () => {
  it('asks for a snapshot when there is nothing to resume from', () => {
    expect(hubPath(null)).toBe('/ws');
  });

  it('resumes after the last message applied, including message 0', () => {
    expect(hubPath(0)).toBe('/ws?after=0');
    expect(hubPath(1234)).toBe('/ws?after=1234');
  });

  it('makes a full hub URL', () => {
    const origin = { protocol: 'http:', host: '127.0.0.1:4100' };
    expect(buildServerUrl(origin, hubPath(42), 'ws')).toBe('ws://127.0.0.1:4100/ws?after=42');
  });
});
