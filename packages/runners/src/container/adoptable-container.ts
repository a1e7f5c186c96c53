import type Docker from 'dockerode';
import { z } from 'zod';
import { runFilters } from './labels';
import { portOf } from './published-port';

const SECRET_VARIABLE = 'MOORING_RUN_SECRET';

const inspectSchema = z.looseObject({
  Config: z.looseObject({ Image: z.string(), Env: z.array(z.string()).nullish() }),
  State: z.looseObject({ Running: z.boolean() }),
});

/** A container left running by an earlier server process, and what it takes to reach it. */
export type AdoptableContainer = {
  container: Docker.Container;
  /** The run secret it was started with; its host authenticates with it when it reconnects. */
  secret: string;
  /** Its agent port, published on 127.0.0.1. */
  port: number;
  imageTag: string;
};

/**
 * Finds the running container of a run of this Mooring instance. Undefined when there is none,
 * or it no longer runs. The run secret is read back from the container's own environment: it
 * is kept nowhere else, so a copy of Mooring's data folder never holds one.
 */
export async function findAdoptableContainer(
  docker: Docker,
  runId: string,
  instanceId: string | undefined,
): Promise<AdoptableContainer | undefined> {
  const found = await docker.listContainers({
    all: true,
    filters: { label: runFilters(runId, instanceId) },
  });
  const info = found.find((c) => c.State === 'running');
  if (!info) return undefined;
  const container = docker.getContainer(info.Id);
  const inspected: unknown = await container.inspect();
  const { Config, State } = inspectSchema.parse(inspected);
  if (!State.Running) return undefined;
  const secret = (Config.Env ?? [])
    .find((entry) => entry.startsWith(`${SECRET_VARIABLE}=`))
    ?.slice(SECRET_VARIABLE.length + 1);
  if (!secret) throw new Error(`the container of run ${runId} has no ${SECRET_VARIABLE}`);
  return { container, secret, port: portOf(inspected), imageTag: Config.Image };
}
