import type { ContainerCreateOptions } from 'dockerode';
import type { RunnerSettings } from '../agent-runner';
import { CONTAINER_PORT_KEY } from './image-layout';
import { containerLabels } from './labels';

export type ContainerSpecInput = {
  agentId: string;
  runId: string;
  imageTag: string;
  env: Record<string, string>;
  limits: RunnerSettings['container'];
  /** Labels the container as this Mooring's (`mooring.instance`). */
  instanceId?: string | undefined;
};

/**
 * How an agent's container is created: published on 127.0.0.1 only, on a port Docker picks (so
 * nothing races for it); able to reach the server as `host.docker.internal`; an init process as
 * PID 1 to reap children and forward signals; memory, CPU and process limits; no capabilities
 * and no privilege gain.
 */
export function containerSpec(input: ContainerSpecInput): ContainerCreateOptions {
  const { limits } = input;
  return {
    name: containerName(input.agentId, input.runId),
    Image: input.imageTag,
    Env: Object.entries(input.env).map(([key, value]) => `${key}=${value}`),
    Labels: containerLabels(input.agentId, input.runId, input.instanceId),
    ExposedPorts: { [CONTAINER_PORT_KEY]: {} },
    HostConfig: {
      PortBindings: { [CONTAINER_PORT_KEY]: [{ HostIp: '127.0.0.1', HostPort: '0' }] },
      ExtraHosts: ['host.docker.internal:host-gateway'],
      Init: true,
      Memory: limits.memoryBytes,
      NanoCpus: limits.nanoCpus,
      PidsLimit: limits.pidsLimit,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
    },
  };
}

/** A readable, unique name: `mooring-<agent>-<run>`, reduced to what Docker accepts. */
export function containerName(agentId: string, runId: string): string {
  const clean = (text: string) => text.replace(/[^a-zA-Z0-9_.-]+/g, '-');
  return `mooring-${clean(agentId)}-${clean(runId)}`.slice(0, 200);
}
