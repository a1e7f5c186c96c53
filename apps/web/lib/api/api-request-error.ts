import type { ErrorCode } from '@mooring/protocol';

/** A failed API call, carrying the server's stable error code when it sent one. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network' | 'unexpected';

  constructor(
    message: string,
    status: number,
    code: ApiRequestError['code'],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
  }

  /** A one-line text for the UI, e.g. `503 docker_unavailable: Docker is not running`. */
  describe(): string {
    const prefix = this.status > 0 ? `${this.status} ${this.code}` : this.code;
    return `${prefix}: ${this.message}`;
  }
}
