import { rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A stand-in for the Docker daemon's socket that forwards to the real one and can be cut and
 * restored, so a test can make a server lose its daemon without touching the daemon itself.
 */
export class DaemonProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    readonly socketPath: string,
    private readonly daemonSocket = '/var/run/docker.sock',
  ) {}

  /** The `DOCKER_HOST` value that reaches the daemon through this proxy. */
  get dockerHost(): string {
    return `unix://${this.socketPath}`;
  }

  async start(): Promise<void> {
    await rm(this.socketPath, { force: true });
    const server = createServer((client) => this.forward(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.socketPath, () => resolve());
    });
  }

  /** Refuses new connections and drops open ones, as a daemon that went away would. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(this.socketPath, { force: true });
  }

  private forward(client: Socket): void {
    const daemon = createConnection(this.daemonSocket);
    for (const socket of [client, daemon]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        daemon.destroy();
      });
    }
    client.pipe(daemon);
    daemon.pipe(client);
  }
}
