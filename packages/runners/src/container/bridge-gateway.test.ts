import { describe, expect, it } from 'vitest';
import { BridgeGatewayError, firstHost } from './bridge-gateway';

describe('firstHost', () => {
  it('gives the first usable address of a subnet', () => {
    expect(firstHost('172.17.0.0/16')).toBe('172.17.0.1');
    expect(firstHost('10.200.3.128/25')).toBe('10.200.3.129');
    expect(firstHost('192.168.5.77/24')).toBe('192.168.5.1');
  });

  it('refuses what it cannot read', () => {
    expect(() => firstHost('fd00::/64')).toThrow(BridgeGatewayError);
    expect(() => firstHost('10.0.0.0/32')).toThrow(BridgeGatewayError);
  });
});
