import { hubMessageSchema, hubPayloadSchema } from '@mooring/protocol';
import type { HubFrame } from './hub-frame';

const [numberedSnapshotSchema] = hubMessageSchema.options;
const unnumberedSnapshotSchema = numberedSnapshotSchema.omit({ seq: true, store: true });

function readJson(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** Frames from a server that does not number its messages yet, accepted without a `seq`. */
function parseUnnumbered(json: unknown): HubFrame | null {
  if (typeof json !== 'object' || json === null || 'seq' in json) return null;
  const isSnapshot = Reflect.get(json, 'type') === 'snapshot';
  const parsed = (isSnapshot ? unnumberedSnapshotSchema : hubPayloadSchema).safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** A hub frame as a typed message, or null for anything that is not valid JSON of the schema. */
export function parseHubMessage(data: unknown): HubFrame | null {
  const json = readJson(data);
  if (json === undefined) return null;
  const parsed = hubMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : parseUnnumbered(json);
}
