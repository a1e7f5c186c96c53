import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bridgeGatewayAddress } from '@mooring/runners';
import type { AgentEventChannel } from './agent-event-channel';

export type AgentEventListener = { host: string; port: number; close(): Promise<void> };

export type AgentEventListenerOptions = {
  /** Defaults to the Docker bridge gateway, the one address containers can reach the host on. */
  host?: string;
  /** 0 lets the system pick. */
  port?: number;
};

/**
 * Starts the listener containers send their events to. It is separate from the browser API, which
 * stays on loopback: containers cannot reach 127.0.0.1, so this one binds the bridge gateway,
 * and it answers nothing but authorised `/ws/agent-events/{agentId}` upgrades.
 */
export async function startAgentEventListener(
  channel: AgentEventChannel,
  options: AgentEventListenerOptions = {},
): Promise<AgentEventListener> {
  const host = options.host ?? (await bridgeGatewayAddress());
  const server = createServer((_request, response) => {
    response.writeHead(426, { connection: 'close' }).end();
  });
  server.on('upgrade', (request, socket, head) => channel.handleUpgrade(request, socket, head));

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  channel.listeningOn(port);

  return {
    host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
