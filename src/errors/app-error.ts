/** Every error code the API can answer with, and its HTTP status. */
export const errorStatus = {
  validation_failed: 400,
  import_invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  cycle_closed: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
  /** Load shed: the server is at its limit of concurrent work (with Retry-After). */
  busy: 503,
  /** The request ran past its time limit; its transaction rolled back. */
  over_time: 503,
  timeout: 504,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One problem with one field of the input: `field` is a dotted path ('orgId', 'evidence.0.ref'). */
export type FieldIssue = { field: string; message: string };

/** An error meant for the caller: `message` is Chinese and safe to show; `details` is structured. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): (typeof errorStatus)[ErrorCode] {
    return errorStatus[this.code];
  }
}

/** 400 naming the field that is wrong. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}：${message}`, { issues: [{ field, message }] satisfies FieldIssue[] });
}

/** 404 that says the same whether the thing is missing or merely outside the caller's subtree. */
export function notFound(what: string, field?: string): AppError {
  return new AppError('not_found', `${what}不存在`, field ? { field } : undefined);
}

/** 403 for a write outside the caller's subtree or beyond the caller's role. */
export function forbidden(message: string, field?: string): AppError {
  return new AppError('forbidden', message, field ? { field } : undefined);
}
