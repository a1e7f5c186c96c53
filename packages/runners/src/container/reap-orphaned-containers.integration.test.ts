import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { testSettings } from '../testing/test-settings';
import { SKIP_DOCKER, SKIP_NOTE } from './container-test-kit';
import { dockerClient } from './docker-client';
import { LABELS } from './labels';
import { reapOrphanedContainers } from './reap-orphaned-containers';

const { baseImage } = testSettings().container;
const mine = `reap-${randomBytes(4).toString('hex')}`;
const theirs = `${mine}-other`;

async function sleeper(labels: Record<string, string>): Promise<string> {
  const container = await dockerClient().createContainer({
    Image: baseImage,
    Cmd: ['sleep', '300'],
    Labels: labels,
    HostConfig: { Init: true },
  });
  await container.start();
  return container.id;
}

function ofInstance(instance: string, run: string): Record<string, string> {
  return { [LABELS.managed]: 'true', [LABELS.instance]: instance, [LABELS.run]: run };
}

describe.skipIf(SKIP_DOCKER)(`reapOrphanedContainers${SKIP_NOTE}`, () => {
  const created: string[] = [];

  afterAll(async () => {
    for (const id of created) {
      await dockerClient()
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
    }
  });

  it("removes only this instance's containers of runs it does not keep", async () => {
    const ended = await sleeper(ofInstance(mine, 'reap-ended'));
    const kept = await sleeper(ofInstance(mine, 'reap-kept'));
    const noRun = await sleeper({ [LABELS.managed]: 'true', [LABELS.instance]: mine });
    const otherInstance = await sleeper(ofInstance(theirs, 'reap-ended'));
    const unmanaged = await sleeper({ [LABELS.instance]: mine, [LABELS.run]: 'reap-ended' });
    created.push(ended, kept, noRun, otherInstance, unmanaged);

    const removed = await reapOrphanedContainers(silentLogger, {
      instanceId: mine,
      keepRunIds: new Set(['reap-kept']),
    });
    expect(removed.sort()).toEqual([ended, noRun].sort());
    const left = (await dockerClient().listContainers({ all: true })).map((c) => c.Id);
    expect(left).toEqual(expect.arrayContaining([kept, otherInstance, unmanaged]));
    expect(left).not.toContain(ended);
    expect(left).not.toContain(noRun);
  });
});
