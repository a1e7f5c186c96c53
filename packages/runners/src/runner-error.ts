export type RunnerErrorCode =
  'prepare_failed' | 'host_exited' | 'start_timeout' | 'docker_unavailable' | 'stopped';

/** A failed start, with a stable code and a reason written for the person who pressed Start. */
export class RunnerError extends Error {
  readonly code: RunnerErrorCode;

  constructor(code: RunnerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RunnerError';
    this.code = code;
  }
}
