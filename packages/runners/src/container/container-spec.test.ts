import { describe, expect, it } from 'vitest';
import { containerName, containerSpec } from './container-spec';

describe('containerSpec', () => {
  it('publishes on loopback with a Docker-picked port, limits and no capabilities', () => {
    const spec = containerSpec({
      agentId: 'weather',
      runId: 'r1',
      imageTag: 'mooring/weather:abc',
      env: { A: '1', B: 'x=y' },
      limits: { baseImage: 'b', memoryBytes: 512, nanoCpus: 1e9, pidsLimit: 64 },
    });
    expect(spec.Env).toEqual(['A=1', 'B=x=y']);
    expect(spec.Labels).toEqual({
      'mooring.managed': 'true',
      'mooring.agent': 'weather',
      'mooring.run': 'r1',
      'mooring.pid': String(process.pid),
    });
    expect(spec.Labels).not.toHaveProperty('mooring.instance');
    expect(spec.HostConfig).toMatchObject({
      PortBindings: { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '0' }] },
      ExtraHosts: ['host.docker.internal:host-gateway'],
      Init: true,
      Memory: 512,
      NanoCpus: 1e9,
      PidsLimit: 64,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
    });
  });

  it("labels the container with this Mooring's instance when it has one", () => {
    const spec = containerSpec({
      agentId: 'weather',
      runId: 'r1',
      imageTag: 'mooring/weather:abc',
      env: {},
      limits: { baseImage: 'b', memoryBytes: 512, nanoCpus: 1e9, pidsLimit: 64 },
      instanceId: 'abc123',
    });
    expect(spec.Labels).toMatchObject({ 'mooring.run': 'r1', 'mooring.instance': 'abc123' });
  });

  it('names containers after agent and run', () => {
    expect(containerName('a b', 'run/1')).toBe('mooring-a-b-run-1');
  });
});
