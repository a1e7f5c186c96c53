import { CONTAINER_LABELS, dockerClient } from '@mooring/runners';

/**
 * Removes the images Mooring built for `agentId` (its label and its `mooring/<agent>`
 * repository both have to match), so the next container start has to build. Returns how many.
 */
export async function removeAgentImages(agentId: string): Promise<number> {
  const docker = dockerClient();
  const images = await docker.listImages({
    filters: { label: [`${CONTAINER_LABELS.agent}=${agentId}`] },
  });
  const own = images.filter((image) =>
    (image.RepoTags ?? []).some((tag) => tag.startsWith(`mooring/${agentId}:`)),
  );
  for (const image of own) await docker.getImage(image.Id).remove();
  return own.length;
}

/** The id of a local image. */
export async function imageIdOf(tag: string): Promise<string> {
  const inspected = await dockerClient().getImage(tag).inspect();
  return inspected.Id;
}
