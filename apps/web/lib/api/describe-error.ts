import { ApiRequestError } from './api-request-error';

/** A failed call in one line for the UI, with the server's status and code when it sent them. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}
