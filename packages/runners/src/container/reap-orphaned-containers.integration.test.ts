import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { testSettings } from '../testing/test-settings';
import { SKIP_DOCKER, SKIP_NOTE } from './container-test-kit';
import { dockerClient } from './docker-client';
import { LABELS } from './labels';
import { reapOrphanedContainers } from './reap-orphaned-containers';

const { baseImage } = testSettings().container;

async function sleeper(pid: string, run: string): Promise<string> {
  const container = await dockerClient().createContainer({
    Image: baseImage,
    Cmd: ['sleep', '300'],
    Labels: { [LABELS.managed]: 'true', [LABELS.run]: run, [LABELS.pid]: pid },
    HostConfig: { Init: true },
  });
  await container.start();
  return container.id;
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

  it('removes containers of a process that is gone and keeps those of a live one', async () => {
    const orphan = await sleeper('999999999', 'reap-orphan');
    const owned = await sleeper(String(process.pid), 'reap-owned');
    created.push(orphan, owned);

    const removed = await reapOrphanedContainers(silentLogger);
    expect(removed).toContain(orphan);
    expect(removed).not.toContain(owned);
    const left = await dockerClient().listContainers({ all: true });
    expect(left.map((c) => c.Id)).toContain(owned);
    expect(left.map((c) => c.Id)).not.toContain(orphan);
  });
});
