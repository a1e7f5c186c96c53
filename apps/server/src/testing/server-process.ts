import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../main.ts');

/** A real Mooring server in a process of its own, which a test can kill like a user would. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  readonly url: string;

  constructor(
    private readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** The server's own pid (it runs in this process's child, not behind a wrapper). */
  get pid(): number {
    return this.child?.pid ?? 0;
  }

  async start(): Promise<void> {
    // A server another test left on this port would answer the health check in this one's place.
    if (!(await portIsFree(this.port))) throw new Error(`port ${this.port} is already in use`);
    this.child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: {
        ...process.env,
        ...this.env,
        MOORING_PORT: String(this.port),
        MOORING_LOG_LEVEL: 'warn',
        MOORING_LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = Date.now() + 30_000;
    while (
      !(await fetch(`${this.url}/api/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (this.child.exitCode !== null)
        throw new Error(`server exited with ${this.child.exitCode}`);
      if (Date.now() > deadline) throw new Error('server did not come up');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  async json(route: string, init?: RequestInit): Promise<any> {
    const response = await fetch(`${this.url}${route}`, {
      ...init,
      headers: { 'content-type': 'application/json' },
    });
    return response.json();
  }

  async waitFor(route: string, check: (body: any) => boolean, timeoutMs = 120_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const body = await this.json(route);
      if (check(body)) return body;
      if (Date.now() > deadline) throw new Error(`${route} never matched: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
