import type Docker from 'dockerode';
import { z } from 'zod';
import { CONTAINER_PORT_KEY } from './image-layout';

const portsSchema = z.looseObject({
  NetworkSettings: z.looseObject({
    Ports: z
      .record(
        z.string(),
        z.array(z.looseObject({ HostIp: z.string().optional(), HostPort: z.string() })).nullable(),
      )
      .nullish(),
  }),
});

/** The host port Docker picked for the agent's port, read back after start. */
export async function publishedPort(container: Docker.Container): Promise<number> {
  return portOf(await container.inspect());
}

/** The host port of the agent's port in an inspected container. */
export function portOf(inspected: unknown): number {
  const bindings = portsSchema.parse(inspected).NetworkSettings.Ports?.[CONTAINER_PORT_KEY] ?? [];
  const port = Number(bindings.find((b) => Number(b.HostPort) > 0)?.HostPort);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`Docker published no host port for ${CONTAINER_PORT_KEY}`);
  }
  return port;
}
