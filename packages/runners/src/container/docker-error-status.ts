/** Whether a dockerode error carries one of the given HTTP status codes. */
export function hasStatus(error: unknown, ...codes: number[]): boolean {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return false;
  return codes.includes(Number(error.statusCode));
}
