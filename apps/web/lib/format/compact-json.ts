/** One-line JSON for summaries, cut to `max` characters with an ellipsis. */
export function compactJson(value: unknown, max = 120): string {
  const text = stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function stringify(value: unknown): string {
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
