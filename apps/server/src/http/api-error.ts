import type { ErrorCode } from '@mooring/protocol';

const STATUS: Record<ErrorCode, 400 | 403 | 404 | 409 | 500 | 502 | 503> = {
  bad_request: 400,
  invalid_agent_id: 400,
  invalid_mode: 400,
  agent_not_found: 404,
  run_not_found: 404,
  route_not_found: 404,
  already_running: 409,
  not_running: 409,
  docker_unavailable: 503,
  agent_unreachable: 502,
  agent_error: 502,
  internal: 500,
};

/** An error the API reports to its caller as `{ error: { code, message } }`. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly allowed: readonly string[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; allowed?: readonly string[] },
  ) {
    super(message, options);
    this.name = 'ApiError';
    this.code = code;
    this.allowed = options?.allowed;
  }

  get status() {
    return STATUS[this.code];
  }

  toBody() {
    const allowed = this.allowed ? { allowed: [...this.allowed] } : {};
    return { error: { code: this.code, message: this.message, ...allowed } };
  }
}
