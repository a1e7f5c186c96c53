import {
  agentViewSchema,
  apiErrorSchema,
  chatResponseSchema,
  runHistorySchema,
  runListSchema,
  runViewSchema,
  type AgentView,
  type ChatResponse,
  type RunHistory,
  type RunMode,
  type RunView,
} from '@mooring/protocol';
import { ApiRequestError } from './api-request-error';
import { httpUrl } from './server-url';

type Parser<T> = {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: Error };
};

/** Reads `body[key]` so a protocol schema can validate one field of a response wrapper. */
function field<T>(key: string, schema: Parser<T>): Parser<T> {
  return {
    safeParse(input) {
      const value = typeof input === 'object' && input !== null ? Reflect.get(input, key) : input;
      return schema.safeParse(value);
    },
  };
}

async function request<T>(path: string, schema: Parser<T>, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(httpUrl(path), init);
  } catch (cause) {
    throw new ApiRequestError('the Mooring server is unreachable', 0, 'network', { cause });
  }

  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toRequestError(response, body);

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const message = `unexpected response from ${path}`;
    throw new ApiRequestError(message, response.status, 'unexpected', { cause: parsed.error });
  }
  return parsed.data;
}

function toRequestError(response: Response, body: unknown): ApiRequestError {
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success) {
    const message = response.statusText || 'request failed';
    return new ApiRequestError(message, response.status, 'unexpected');
  }
  const { code, message } = parsed.data.error;
  return new ApiRequestError(message, response.status, code);
}

function postJson(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

const agentPath = (agentId: string, action: string): string =>
  `/api/agents/${encodeURIComponent(agentId)}/${action}`;

export function startAgentRun(agentId: string, mode: RunMode): Promise<RunView> {
  return request(agentPath(agentId, 'start'), field('run', runViewSchema), postJson({ mode }));
}

export function stopAgentRun(agentId: string): Promise<AgentView> {
  return request(agentPath(agentId, 'stop'), field('agent', agentViewSchema), postJson({}));
}

export function sendChatMessage(agentId: string, message: string): Promise<ChatResponse> {
  return request(agentPath(agentId, 'chat'), chatResponseSchema, postJson({ message }));
}

export function fetchRunHistory(runId: string): Promise<RunHistory> {
  return request(`/api/runs/${encodeURIComponent(runId)}`, runHistorySchema);
}

/** The agent's recorded runs, newest first. */
export async function fetchAgentRuns(agentId: string): Promise<readonly RunView[]> {
  const list = await request(agentPath(agentId, 'runs'), runListSchema);
  return list.runs;
}
