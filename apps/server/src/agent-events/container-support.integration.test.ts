import { createServer, type Server } from 'node:net';
import { bridgeGatewayAddress, silentLogger } from '@mooring/runners';
import { afterEach, describe, expect, it } from 'vitest';
import { SKIP_DOCKER, SKIP_NOTE } from '../testing/docker-kit';
import { ContainerSupport } from './container-support';

const PORT = 4396;
const daemonUp = async () => ({ available: true, version: 'test' });

function occupy(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

describe.skipIf(SKIP_DOCKER)(`ContainerSupport's event listener${SKIP_NOTE}`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('reports a busy port as the reason container mode is unavailable, then recovers', async () => {
    const squatter = await occupy(PORT, await bridgeGatewayAddress());
    cleanups.push(() => new Promise((resolve) => squatter.close(() => resolve())));
    const support = new ContainerSupport(daemonUp, silentLogger, PORT, 'instance-test');
    cleanups.push(() => support.close());

    const busy = await support.probe();
    expect(busy.available).toBe(false);
    expect(busy.reason).toContain(`port ${PORT} is already in use`);
    expect(busy.reason).toContain('MOORING_AGENT_EVENT_PORT');
    expect(() => support.channel.urlFor('weather')).toThrow('not been started');

    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    expect(await support.probe()).toEqual({ available: true, version: 'test' });
    expect(support.channel.urlFor('weather')).toBe(
      `ws://host.docker.internal:${PORT}/ws/agent-events/weather`,
    );
  });
});
