import type { z } from 'zod/mini';
import { describeError } from '../errors';
import { endpointLabel, HttpError } from './errors';
import { errorFromStatus, invalidResponse } from './responses';
import { type AttemptFailure, DEFAULT_RETRY_POLICY, decideRetry, parseRetryAfter, type RetryPolicy } from './retry';

export type Fetch = typeof fetch;
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** How a client retries; tests pass tiny delays and a fixed random source. */
export interface RetryOptions extends Partial<RetryPolicy> {
  random?: () => number;
  sleep?: Sleep;
}

export interface RequestOptions {
  url: string;
  method?: 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (IMS token and revoke endpoints). */
  form?: Record<string, string>;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** `false`: one attempt only. */
  retry?: RetryOptions | false;
  fetch?: Fetch;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  bodyText: string;
}

export interface JsonResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });

type Attempt =
  | { kind: 'response'; response: HttpResponse }
  | { kind: 'failure'; failure: AttemptFailure; error: HttpError };

/**
 * One HTTP call with a per-attempt timeout, the caller's abort signal and the retry policy
 * (lib/http/retry.ts). Resolves with a 2xx answer; everything else throws an HttpError.
 */
export async function sendRequest(options: RequestOptions): Promise<HttpResponse> {
  const method = options.method ?? 'GET';
  const endpoint = endpointLabel(method, options.url);
  const headers = new Headers(options.headers);
  const { random = Math.random, sleep: wait = sleep, ...tuning } = options.retry === false ? {} : (options.retry ?? {});
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...withoutUndefined(tuning) };
  if (options.retry === false) policy.maxRetries = 0;

  for (let failedAttempts = 1; ; failedAttempts++) {
    const attempt = await attemptOnce(options, method, headers, endpoint);
    if (attempt.kind === 'response') return attempt.response;
    const decision = decideRetry({
      method,
      hasIdempotencyKey: headers.has('Idempotency-Key'),
      failedAttempts,
      failure: attempt.failure,
      policy,
      random,
    });
    if (!decision.retry) throw attempt.error;
    try {
      await wait(decision.delayMs, options.signal);
    } catch (cause) {
      throw new HttpError('ABORTED', `${endpoint} was cancelled while waiting to retry`, { endpoint, cause });
    }
  }
}

/** `sendRequest`, then the body parsed as JSON and checked against `schema`. */
export async function requestJson<S extends z.ZodMiniType>(
  options: RequestOptions & { schema: S },
): Promise<JsonResponse<z.infer<S>>> {
  const response = await sendRequest(options);
  const endpoint = endpointLabel(options.method ?? 'GET', options.url);
  return {
    status: response.status,
    headers: response.headers,
    data: parseJsonBody(response, options.schema, endpoint),
  };
}

export function parseJsonBody<S extends z.ZodMiniType>(
  response: HttpResponse,
  schema: S,
  endpoint: string,
): z.infer<S> {
  let body: unknown;
  try {
    body = JSON.parse(response.bodyText);
  } catch {
    throw new HttpError('INVALID_RESPONSE', `${endpoint} answered ${response.status} with a body that is not JSON`, {
      endpoint,
      status: response.status,
    });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidResponse(endpoint, response.status, parsed.error.issues);
  return parsed.data;
}

async function attemptOnce(
  options: RequestOptions,
  method: string,
  headers: Headers,
  endpoint: string,
): Promise<Attempt> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const doFetch = options.fetch ?? globalThis.fetch;
  try {
    const response = await doFetch(options.url, {
      method,
      headers: withBodyType(headers, options),
      body: encodeBody(options),
      signal,
    });
    const bodyText = await response.text();
    const answer = { status: response.status, headers: response.headers, bodyText };
    if (response.ok) return { kind: 'response', response: answer };
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), Date.now());
    return {
      kind: 'failure',
      failure: { kind: 'status', status: response.status, retryAfterMs },
      error: errorFromStatus(endpoint, answer, retryAfterMs),
    };
  } catch (cause) {
    // The caller's abort wins over our timeout: a cancelled call is never retried.
    if (options.signal?.aborted) throw new HttpError('ABORTED', `${endpoint} was cancelled`, { endpoint, cause });
    if (timeout.aborted) {
      const error = new HttpError(
        'TIMEOUT',
        `${endpoint} did not answer within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`,
        {
          endpoint,
          cause,
        },
      );
      return { kind: 'failure', failure: { kind: 'timeout' }, error };
    }
    const error = new HttpError('NETWORK', `${endpoint} failed before an answer: ${describeError(cause)}`, {
      endpoint,
      cause,
    });
    return { kind: 'failure', failure: { kind: 'network' }, error };
  }
}

function withBodyType(headers: Headers, options: RequestOptions): Headers {
  const result = new Headers(headers);
  if (options.json !== undefined && !result.has('Content-Type')) result.set('Content-Type', 'application/json');
  if (options.form !== undefined && !result.has('Content-Type')) {
    result.set('Content-Type', 'application/x-www-form-urlencoded');
  }
  if (!result.has('Accept')) result.set('Accept', 'application/json');
  return result;
}

function encodeBody(options: RequestOptions): string | undefined {
  if (options.json !== undefined) return JSON.stringify(options.json);
  if (options.form !== undefined) return new URLSearchParams(options.form).toString();
  return undefined;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
