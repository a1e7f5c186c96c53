import { hubMessageSchema, type HubMessage } from '@mooring/protocol';

/** A hub frame as a typed message, or null for anything that is not valid JSON of the schema. */
export function parseHubMessage(data: unknown): HubMessage | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = hubMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
