import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { DockerState } from '@mooring/protocol';
import type { Logger, RunnerSettings } from '@mooring/runners';
import { ContainerSupport } from './agent-events/container-support';
import { discoverAgents } from './agents/discover-agents';
import type { Config } from './config/config';
import { DockerMonitor } from './docker/docker-monitor';
import { createApp } from './http/create-app';
import { ownOrigins } from './http/origin-policy';
import { BrowserHub } from './hub/browser-hub';
import { RunManager, type RunManagerOptions } from './runs/run-manager';
import { DataDirLock } from './store/data-dir-lock';
import { Store } from './store/store';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export type MooringServer = {
  url: string;
  runs: RunManager;
  hub: BrowserHub;
  /** Resolves with the agents whose containers were left running for the next start. */
  close(): Promise<string[]>;
};

export type ServerDeps = {
  logger: Logger;
  dockerProbe(): Promise<DockerState>;
  createRunner?: RunManagerOptions['createRunner'];
};

/**
 * Wires discovery, runs, the command API and the hub onto one HTTP listener. Refuses with a
 * {@link DataDirInUseError} when another live Mooring serves from the same data folder.
 */
export async function startServer(config: Config, deps: ServerDeps): Promise<MooringServer> {
  const lock = DataDirLock.acquire(config.dataDir, deps.logger);
  try {
    return await serve(config, deps, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function serve(config: Config, deps: ServerDeps, lock: DataDirLock): Promise<MooringServer> {
  const { logger } = deps;
  const agents = await discoverAgents(config.roots, config.agentEnv);
  logger.info({ count: agents.length, roots: config.roots }, 'agents discovered');

  let origins: string[] = [...config.allowedOrigins];
  const allowedOrigins = () => origins;
  const store = new Store(config.dataDir, logger.child({ part: 'store' }));
  const pruned = store.prune(config.retention);
  if (pruned > 0) logger.info({ pruned }, 'pruned old runs');
  // The snapshot is read lazily, when a browser connects, by which time runs and docker exist.
  const hub: BrowserHub = new BrowserHub(
    () => ({ type: 'snapshot', agents: runs.list(), docker: docker.current(), store: store.state }),
    store,
    allowedOrigins,
    logger,
  );
  const containers = new ContainerSupport(
    deps.dockerProbe,
    logger,
    config.agentEventPort,
    store.instanceId(),
  );
  const docker = new DockerMonitor(
    () => containers.probe(),
    (state) => void hub.publish({ type: 'docker', docker: state }),
  );
  const runs = new RunManager({
    agents,
    settings: {
      ...runnerSettings(config),
      eventChannel: containers.channel,
      instanceId: containers.instanceId,
    },
    logger,
    store,
    publish: (message) => hub.publish(message),
    dockerState: () => docker.refresh(),
    ...(deps.createRunner ? { createRunner: deps.createRunner } : {}),
  });
  await docker.start();
  await runs.recover();
  if (docker.current().available) await containers.reap(runs.containerRunIds());

  const app = createApp({
    runs,
    logger,
    webDir: config.webDir,
    allowedOrigins,
    dockerState: () => docker.current(),
    storeState: () => store.state,
  });
  const pruner = setInterval(() => store.prune(config.retention), PRUNE_EVERY_MS);
  pruner.unref();
  const server = createServer(getRequestListener(app.fetch));
  server.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/ws') return hub.handleUpgrade(request, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  const port = await listen(server, config.port, config.host);
  origins = [...ownOrigins(config.host, port), ...config.allowedOrigins];
  const url = `http://${config.host}:${port}`;
  lock.announce(url);
  logger.info({ url }, 'Mooring is listening');

  return {
    url,
    runs,
    hub,
    async close() {
      docker.stop();
      containers.channel.stopAdmitting();
      const kept = await runs.stopAll({ keepContainers: !config.stopContainersOnExit });
      hub.close();
      await containers.close();
      clearInterval(pruner);
      store.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      lock.release();
      return kept;
    },
  };
}

function runnerSettings(config: Config): RunnerSettings {
  return {
    dataDir: config.dataDir,
    agentHostDir: config.agentHostDir,
    startTimeoutMs: config.startTimeoutMs,
    stopGraceMs: config.stopGraceMs,
    venv: { python: config.python, uv: config.uv },
    container: config.container,
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
