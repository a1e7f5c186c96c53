/** A label's own step count, e.g. the `(step 7 of 16)` in `Building image (step 7 of 16)`. */
const STEP_SUFFIX = /\s*[([]?\s*step\s+\d+\s*(of|\/)\s*\d+\s*[)\]]?\s*$/i;

/**
 * A progress label without the step count it may already carry, since the count is shown
 * beside it; a label that is only a count leaves nothing.
 */
export function progressLabel(label: string): string {
  return label.replace(STEP_SUFFIX, '').trim();
}
