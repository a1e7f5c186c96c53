const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Reads a `.env` file the way python-dotenv does for the common cases: `KEY=value`, an optional
 * `export`, `#` comments, single quotes taken literally, double quotes with `\n`-style escapes
 * and line breaks inside them. Variable expansion (`${OTHER}`) is not performed, so a value that
 * relies on it reaches the container unexpanded.
 */
export function parseDotenv(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = LINE.exec(lines[i] ?? '');
    if (!match?.[1]) continue;
    let raw = match[2] ?? '';
    const quote = raw[0];
    if (quote === '"' || quote === "'") {
      while (!closes(raw, quote) && i + 1 < lines.length) raw += `\n${lines[++i] ?? ''}`;
      result[match[1]] = unquote(raw, quote);
    } else {
      result[match[1]] = raw.replace(/\s+#.*$/, '').trim();
    }
  }
  return result;
}

function closes(raw: string, quote: string): boolean {
  return closingIndex(raw, quote) > 0;
}

function closingIndex(raw: string, quote: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (quote === '"' && raw[i] === '\\') i++;
    else if (raw[i] === quote) return i;
  }
  return -1;
}

function unquote(raw: string, quote: string): string {
  const end = closingIndex(raw, quote);
  const body = raw.slice(1, end > 0 ? end : undefined);
  if (quote === "'") return body;
  return body.replace(/\\(.)/g, (whole, c: string) => ESCAPES[c] ?? whole);
}
