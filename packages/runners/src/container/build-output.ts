import { z } from 'zod';

/** One JSON message of the classic builder's `/build` stream. */
export const buildMessageSchema = z.looseObject({
  stream: z.string().optional(),
  status: z.string().optional(),
  error: z.string().optional(),
  errorDetail: z.looseObject({ message: z.string().optional() }).optional(),
  aux: z.looseObject({ ID: z.string().optional() }).optional(),
});

export type BuildMessage = z.infer<typeof buildMessageSchema>;

export type BuildStep = { current: number; total: number };

const STEP = /^Step (\d+)\/(\d+) :/;

/** Reads the classic builder's "Step 3/9 : RUN ..." line; other lines give `undefined`. */
export function parseBuildStep(line: string): BuildStep | undefined {
  const match = STEP.exec(line);
  if (!match) return undefined;
  const current = Number(match[1]);
  const total = Number(match[2]);
  return total > 0 && current <= total ? { current, total } : undefined;
}

/** Turns one raw line of the stream into a message; a line that is not JSON is kept as text. */
export function parseBuildMessage(raw: string): BuildMessage {
  try {
    const parsed = buildMessageSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through and keep the text
  }
  return { stream: `${raw}\n` };
}
