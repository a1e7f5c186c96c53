import type { HubMessage, RunMode } from '@mooring/protocol';
import WebSocket from 'ws';

/** A browser stand-in: listens on the hub and drives the API, as a user's page would. */
export class BenchClient {
  private readonly socket: WebSocket;
  private listeners: ((message: HubMessage) => void)[] = [];

  private constructor(private readonly url: string) {
    this.socket = new WebSocket(`${url.replace('http', 'ws')}/ws`);
    this.socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as HubMessage;
      for (const listener of this.listeners) listener(message);
    });
  }

  static async connect(url: string): Promise<BenchClient> {
    const client = new BenchClient(url);
    await new Promise((resolve, reject) => {
      client.socket.once('open', resolve);
      client.socket.once('error', reject);
    });
    return client;
  }

  on(listener: (message: HubMessage) => void): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  async get(route: string): Promise<unknown> {
    const response = await fetch(`${this.url}${route}`);
    const json: unknown = await response.json();
    if (!response.ok)
      throw new Error(`${route} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }

  async post(route: string, body: unknown = {}): Promise<unknown> {
    const response = await fetch(`${this.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json();
    if (!response.ok)
      throw new Error(`${route} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }

  /** Starts an agent and resolves with the milliseconds until its `ready` envelope arrived. */
  async timedStart(agentId: string, mode: RunMode): Promise<number> {
    const started = performance.now();
    const ready = new Promise<number>((resolve, reject) => {
      const off = this.on((message) => {
        if (message.type === 'event' && message.agentId === agentId) {
          if (message.envelope.kind === 'ready') {
            off();
            resolve(performance.now() - started);
          }
        }
        if (message.type === 'agent' && message.agent.id === agentId) {
          if (message.agent.status === 'failed') {
            off();
            reject(new Error(message.agent.run?.reason ?? 'start failed'));
          }
        }
      });
    });
    const running = this.waitForStatus(agentId, 'running');
    await this.post(`/api/agents/${agentId}/start`, { mode });
    const ms = await ready;
    await running;
    return ms;
  }

  waitForStatus(agentId: string, status: string): Promise<void> {
    return new Promise((resolve) => {
      const off = this.on((message) => {
        if (message.type === 'agent' && message.agent.id === agentId) {
          if (message.agent.status === status) {
            off();
            resolve();
          }
        }
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
