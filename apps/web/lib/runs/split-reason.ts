/** A run's reason cut where the card folds it: the headline says the cause, the rest shows it. */
export type ReasonParts = { headline: string; detail: string };

/**
 * Splits a reason at its first line break. Runners write the cause first and the output it came
 * from after it, so the headline is what a folded card shows; blank lines around either part
 * are dropped, but the detail's indentation is not, since tracebacks point with it.
 */
export function splitReason(reason: string): ReasonParts {
  const text = reason.replace(/^\s*\n/, '');
  const at = text.indexOf('\n');
  if (at === -1) return { headline: text.trim(), detail: '' };
  const detail = text
    .slice(at + 1)
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  return { headline: text.slice(0, at).trim(), detail };
}
