import { describe, expect, it } from 'vitest';
import { buildServerUrl, resolveServerOrigin } from './server-url';

const page = { protocol: 'http:', host: '127.0.0.1:4100' };

describe('resolveServerOrigin', () => {
  it('uses the page origin when nothing is configured', () => {
    expect(resolveServerOrigin(undefined, page)).toEqual(page);
    expect(resolveServerOrigin('  ', page)).toEqual(page);
  });

  it('uses the configured server in development', () => {
    const origin = resolveServerOrigin('http://127.0.0.1:4100/', {
      protocol: 'http:',
      host: '127.0.0.1:3000',
    });
    expect(origin).toEqual({ protocol: 'http:', host: '127.0.0.1:4100' });
  });
});

describe('buildServerUrl', () => {
  it('builds http and ws URLs', () => {
    expect(buildServerUrl(page, '/api/agents', 'http')).toBe('http://127.0.0.1:4100/api/agents');
    expect(buildServerUrl(page, 'ws', 'ws')).toBe('ws://127.0.0.1:4100/ws');
  });

  it('keeps TLS when the page is served over https', () => {
    const origin = { protocol: 'https:', host: 'mooring.local' };
    expect(buildServerUrl(origin, '/ws', 'ws')).toBe('wss://mooring.local/ws');
    expect(buildServerUrl(origin, '/api/health', 'http')).toBe('https://mooring.local/api/health');
  });
});
