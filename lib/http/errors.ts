import { type ErrorCode, ExtensionError } from '../errors';

/**
 * A failed HTTP call. `code` is what the UI translates; the rest is detail for the caller
 * (which status, which API code, how long the server asked us to wait) and for logs.
 * Messages name the endpoint as `METHOD /path` — never the query, which may hold a token.
 */
export class HttpError extends ExtensionError {
  readonly endpoint: string;
  readonly status: number | undefined;
  /** The API's own code: `error.code` (Assets API) or `error` (IMS), e.g. `STALE_STATE`, `invalid_grant`. */
  readonly apiCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    detail: { endpoint: string; status?: number; apiCode?: string; retryAfterMs?: number; cause?: unknown },
  ) {
    super(code, message);
    this.name = 'HttpError';
    this.endpoint = detail.endpoint;
    this.status = detail.status;
    this.apiCode = detail.apiCode;
    this.retryAfterMs = detail.retryAfterMs;
    if (detail.cause !== undefined) this.cause = detail.cause;
  }
}

export function isHttpError(error: unknown, code?: ErrorCode): error is HttpError {
  return error instanceof HttpError && (code === undefined || error.code === code);
}

/** `METHOD /path` of a URL: enough to tell endpoints apart, with no query string or host. */
export function endpointLabel(method: string, url: string): string {
  return `${method.toUpperCase()} ${new URL(url).pathname}`;
}

/** The API's own refusal code (`STALE_STATE`, `NO_CC_ENTITLEMENT`, `invalid_grant`…), if the error carries one. */
export function apiCodeOf(error: unknown): string | undefined {
  return error instanceof HttpError ? error.apiCode : undefined;
}
