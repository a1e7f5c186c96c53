import { z } from 'zod';
import { AgentTurnError } from './agent-turn-error';

const sessionSchema = z.looseObject({ id: z.string() });
const sseEventSchema = z.looseObject({
  author: z.string().optional(),
  partial: z.boolean().optional(),
  errorMessage: z.string().optional(),
  /** What ADK's API server sends when the run itself raised. */
  error: z.string().optional(),
  content: z
    .looseObject({ parts: z.array(z.looseObject({ text: z.string().optional() })).optional() })
    .optional(),
});

export const MOORING_USER = 'mooring';

/** Talks to a ready agent host through ADK's own API server endpoints. */
export class HostClient {
  constructor(
    private readonly baseUrl: string,
    private readonly appName: string,
  ) {}

  async createSession(): Promise<string> {
    const url = `${this.baseUrl}/apps/${this.appName}/users/${MOORING_USER}/sessions`;
    const response = await fetch(url, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
    if (!response.ok) throw new Error(`creating a session answered ${response.status}`);
    return sessionSchema.parse(await response.json()).id;
  }

  /**
   * Sends one user message with streaming on and reads the reply to its end. Every event also
   * reaches the hub through the host's event stream; this only collects the final text.
   */
  async send(sessionId: string, message: string, signal?: AbortSignal): Promise<string> {
    const response = await fetch(`${this.baseUrl}/run_sse`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({
        appName: this.appName,
        userId: MOORING_USER,
        sessionId,
        newMessage: { role: 'user', parts: [{ text: message }] },
        streaming: true,
      }),
      ...(signal ? { signal } : {}),
    });
    if (!response.ok || !response.body) {
      throw new AgentTurnError(`the agent answered ${response.status}: ${await response.text()}`);
    }
    return finalText(await response.text());
  }
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The text of the last complete (non-partial) message the agent wrote in an SSE reply. */
export function finalText(body: string): string {
  const texts: string[] = [];
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const parsed = sseEventSchema.safeParse(safeJson(line.slice(5).trim()));
    if (!parsed.success) continue;
    const event = parsed.data;
    const error = event.error ?? event.errorMessage;
    if (error) throw new AgentTurnError(error);
    if (event.partial || event.author === 'user') continue;
    const text = (event.content?.parts ?? []).map((part) => part.text ?? '').join('');
    if (text) texts.push(text);
  }
  return texts.join('\n');
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
