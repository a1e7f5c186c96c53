export const REGISTRY_HINT =
  'No registry reachable? Build a local base image (scripts/base-image/build.sh) and set ' +
  'MOORING_BASE_IMAGE.';

const REGISTRY_TROUBLE = /registry|no such host|pull access denied/i;

/**
 * What to do when a start failed because no image registry answered, or null for other
 * failures and for reasons that already say it.
 */
export function registryHint(reason: string | undefined): string | null {
  if (!reason || reason.includes('MOORING_BASE_IMAGE')) return null;
  return REGISTRY_TROUBLE.test(reason) ? REGISTRY_HINT : null;
}
