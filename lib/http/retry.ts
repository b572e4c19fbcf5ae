/**
 * When to try an HTTP call again, and after how long. Pure: randomness and time come in as
 * arguments, so every decision can be tested without waiting.
 *
 * Rules:
 * - Only replayable calls are retried: GET/HEAD/OPTIONS, or any call carrying an
 *   `Idempotency-Key` (the server then applies it at most once). A POST or PUT without a key
 *   is never retried — not even after a network error or timeout, because the first attempt
 *   may have been applied (an IMS auth code is single-use; a refresh token may rotate).
 * - Retried outcomes: network errors, timeouts, and 429/500/502/503/504.
 * - Delay: capped exponential backoff with full jitter, `random() * min(cap, base * 2^attempt)`.
 *   A valid `Retry-After` replaces it; one longer than `maxRetryAfterMs` means "not now":
 *   we give up at once and report the wait instead of holding the user for minutes.
 */

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

export type AttemptFailure =
  | { kind: 'network' }
  | { kind: 'timeout' }
  | { kind: 'status'; status: number; retryAfterMs?: number };

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not-replayable' | 'not-retryable' | 'retries-exhausted' | 'retry-after-too-long' };

const REPLAYABLE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isReplayable(method: string, hasIdempotencyKey: boolean): boolean {
  return hasIdempotencyKey || REPLAYABLE_METHODS.has(method.toUpperCase());
}

/** Full-jitter backoff for the retry after failed attempt number `attempt` (0-based). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  // The exponent is bounded so a huge attempt number cannot make 0 * Infinity = NaN.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 30));
  // Clamp: a random source returning junk (NaN, < 0, > 1) must not push outside [0, cap].
  const drawn = random();
  const fraction = Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), 1) : 0;
  return Math.floor(fraction * ceiling);
}

/**
 * `Retry-After` in milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * A date in the past means "now" (0). Anything unparseable is ignored (undefined).
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only accept something that looks like a date, so "soon" or "-5" are not read as one.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export function decideRetry(input: {
  method: string;
  hasIdempotencyKey: boolean;
  /** How many attempts have failed so far, counting this one (1 after the first failure). */
  failedAttempts: number;
  failure: AttemptFailure;
  policy: RetryPolicy;
  random: () => number;
}): RetryDecision {
  const { failure, policy } = input;
  if (!isReplayable(input.method, input.hasIdempotencyKey)) return { retry: false, reason: 'not-replayable' };
  if (failure.kind === 'status' && !RETRYABLE_STATUSES.has(failure.status)) {
    return { retry: false, reason: 'not-retryable' };
  }
  if (input.failedAttempts > policy.maxRetries) return { retry: false, reason: 'retries-exhausted' };
  if (failure.kind === 'status' && failure.retryAfterMs !== undefined) {
    if (failure.retryAfterMs > policy.maxRetryAfterMs) return { retry: false, reason: 'retry-after-too-long' };
    return { retry: true, delayMs: failure.retryAfterMs };
  }
  return { retry: true, delayMs: backoffDelayMs(input.failedAttempts - 1, policy, input.random) };
}
