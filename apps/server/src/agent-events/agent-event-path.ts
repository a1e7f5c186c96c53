import { agentIdSchema } from '@mooring/protocol';

/** Where containers connect; the agent id follows. */
export const AGENT_EVENTS_PREFIX = '/ws/agent-events/';

/** The agent id of an `/ws/agent-events/{agentId}` request URL; `undefined` for anything else. */
export function agentIdFromUrl(url: string | undefined): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(url ?? '/', 'http://mooring.invalid').pathname;
  } catch {
    return undefined;
  }
  if (!pathname.startsWith(AGENT_EVENTS_PREFIX)) return undefined;
  let raw: string;
  try {
    raw = decodeURIComponent(pathname.slice(AGENT_EVENTS_PREFIX.length));
  } catch {
    return undefined;
  }
  const parsed = agentIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function agentEventsPath(agentId: string): string {
  return `${AGENT_EVENTS_PREFIX}${encodeURIComponent(agentId)}`;
}
