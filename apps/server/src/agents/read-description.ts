import { readFile } from 'node:fs/promises';

/** `description=` followed by a triple-quoted, double-quoted or single-quoted literal. */
const PYTHON_DESCRIPTION = new RegExp(
  String.raw`\bdescription\s*=\s*(?:"""([\s\S]*?)"""|'''([\s\S]*?)'''|` +
    String.raw`"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)')`,
);
const YAML_DESCRIPTION = /^description:\s*(?:"([^"]*)"|'([^']*)'|(.+))$/m;

/**
 * Reads the agent's own description from its definition without importing it: importing would
 * need the agent's environment and could run arbitrary code just to draw a card.
 */
export async function readDescription(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pattern = file.endsWith('.yaml') ? YAML_DESCRIPTION : PYTHON_DESCRIPTION;
  const match = pattern.exec(text);
  const value = match?.slice(1).find((group) => group !== undefined) ?? '';
  return value.replace(/\s+/g, ' ').trim();
}
