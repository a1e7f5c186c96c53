import { envelopeSchema, type Envelope } from '@mooring/protocol';

export type DecodeResult = { ok: true; envelope: Envelope } | { ok: false; error: string };

/** Parses one message of the host's event stream; anything malformed is reported, not thrown. */
export function decodeEnvelope(raw: string): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'message';
    return { ok: false, error: `${where}: ${issue?.message ?? 'invalid envelope'}` };
  }
  return { ok: true, envelope: parsed.data };
}
