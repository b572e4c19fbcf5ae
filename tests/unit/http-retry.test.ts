import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AttemptFailure,
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  isReplayable,
  parseRetryAfter,
  type RetryPolicy,
} from '../../lib/http/retry';

const policy = DEFAULT_RETRY_POLICY;
const half = () => 0.5;

function decide(method: string, failure: AttemptFailure, options: { key?: boolean; failedAttempts?: number } = {}) {
  return decideRetry({
    method,
    hasIdempotencyKey: options.key ?? false,
    failedAttempts: options.failedAttempts ?? 1,
    failure,
    policy,
    random: half,
  });
}

describe('which calls may be replayed', () => {
  it.each([
    ['GET', false, true],
    ['get', false, true],
    ['HEAD', false, true],
    ['OPTIONS', false, true],
    ['PUT', false, false],
    ['POST', false, false],
    ['PATCH', false, false],
    ['DELETE', false, false],
    ['PUT', true, true],
    ['POST', true, true],
  ])('%s with Idempotency-Key=%s → replayable %s', (method, key, expected) => {
    expect(isReplayable(method, key)).toBe(expected);
  });
});

describe('retry decisions', () => {
  it.each<[string, string, AttemptFailure, boolean, boolean | string]>([
    ['retries a GET after a network error', 'GET', { kind: 'network' }, false, true],
    ['retries a GET after a timeout', 'GET', { kind: 'timeout' }, false, true],
    ['retries a GET after 429', 'GET', { kind: 'status', status: 429 }, false, true],
    ['retries a GET after 500', 'GET', { kind: 'status', status: 500 }, false, true],
    ['retries a GET after 502', 'GET', { kind: 'status', status: 502 }, false, true],
    ['retries a GET after 503', 'GET', { kind: 'status', status: 503 }, false, true],
    ['retries a GET after 504', 'GET', { kind: 'status', status: 504 }, false, true],
    ['does not retry 501', 'GET', { kind: 'status', status: 501 }, false, 'not-retryable'],
    ['does not retry 400', 'GET', { kind: 'status', status: 400 }, false, 'not-retryable'],
    ['does not retry 401', 'GET', { kind: 'status', status: 401 }, false, 'not-retryable'],
    ['does not retry 412', 'PUT', { kind: 'status', status: 412 }, true, 'not-retryable'],
    ['never retries a PUT without a key after 503', 'PUT', { kind: 'status', status: 503 }, false, 'not-replayable'],
    ['never retries a PUT without a key after a network error', 'PUT', { kind: 'network' }, false, 'not-replayable'],
    ['never retries a POST without a key after a timeout', 'POST', { kind: 'timeout' }, false, 'not-replayable'],
    ['retries a PUT with a key after 503', 'PUT', { kind: 'status', status: 503 }, true, true],
    ['retries a PUT with a key after a network error', 'PUT', { kind: 'network' }, true, true],
    ['retries a PUT with a key after a timeout', 'PUT', { kind: 'timeout' }, true, true],
  ])('%s', (_name, method, failure, key, expected) => {
    const decision = decide(method, failure, { key });
    if (expected === true) expect(decision.retry).toBe(true);
    else expect(decision).toEqual({ retry: false, reason: expected });
  });

  it('allows exactly maxRetries retries', () => {
    const failure: AttemptFailure = { kind: 'status', status: 503 };
    expect(decide('GET', failure, { failedAttempts: 3 }).retry).toBe(true);
    expect(decide('GET', failure, { failedAttempts: 4 })).toEqual({ retry: false, reason: 'retries-exhausted' });
  });

  it('waits exactly as long as Retry-After asks when that is within the cap', () => {
    expect(decide('GET', { kind: 'status', status: 429, retryAfterMs: 2000 })).toEqual({ retry: true, delayMs: 2000 });
    expect(decide('GET', { kind: 'status', status: 503, retryAfterMs: 0 })).toEqual({ retry: true, delayMs: 0 });
  });

  it('gives up at once when Retry-After asks for longer than the cap', () => {
    const failure: AttemptFailure = { kind: 'status', status: 429, retryAfterMs: policy.maxRetryAfterMs + 1 };
    expect(decide('GET', failure)).toEqual({ retry: false, reason: 'retry-after-too-long' });
  });

  it('uses jittered backoff without Retry-After', () => {
    expect(decide('GET', { kind: 'status', status: 503 }, { failedAttempts: 1 })).toEqual({
      retry: true,
      delayMs: 125,
    });
    expect(decide('GET', { kind: 'status', status: 503 }, { failedAttempts: 2 })).toEqual({
      retry: true,
      delayMs: 250,
    });
  });
});

describe('backoff', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => backoffDelayMs(attempt, policy, top))).toEqual([
      250, 500, 1000, 2000, 4000, 4000, 4000,
    ]);
  });

  it('keeps every delay within [0, cap] whatever the attempt, policy and random source', () => {
    const policies = fc.record<RetryPolicy>({
      maxRetries: fc.integer({ min: 0, max: 10 }),
      baseDelayMs: fc.integer({ min: 0, max: 5_000 }),
      maxDelayMs: fc.integer({ min: 0, max: 60_000 }),
      maxRetryAfterMs: fc.integer({ min: 0, max: 60_000 }),
    });
    const randoms = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(-1, 2, Number.NaN));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), policies, randoms, (attempt, p, r) => {
        const delay = backoffDelayMs(attempt, p, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(p.maxDelayMs);
      }),
    );
  });

  it('never schedules a retry longer than the Retry-After cap or the backoff cap', () => {
    const failures = fc.oneof(
      fc.constant<AttemptFailure>({ kind: 'network' }),
      fc.constant<AttemptFailure>({ kind: 'timeout' }),
      fc.record({
        kind: fc.constant('status' as const),
        status: fc.integer({ min: 400, max: 599 }),
        retryAfterMs: fc.option(fc.nat(), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(
        failures,
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failure, n, r) => {
          const decision = decideRetry({
            method: 'GET',
            hasIdempotencyKey: false,
            failedAttempts: n,
            failure,
            policy,
            random: () => r,
          });
          if (!decision.retry) return;
          expect(decision.delayMs).toBeGreaterThanOrEqual(0);
          const hasRetryAfter = failure.kind === 'status' && failure.retryAfterMs !== undefined;
          expect(decision.delayMs).toBeLessThanOrEqual(hasRetryAfter ? policy.maxRetryAfterMs : policy.maxDelayMs);
        },
      ),
    );
  });
});

describe('Retry-After parsing', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');
  it.each<[string | null, number | undefined]>([
    ['3', 3000],
    [' 0 ', 0],
    ['120', 120_000],
    ['99999999999', 99_999_999_999_000],
    ['Sun, 01 Jun 2025 12:00:05 GMT', 5000],
    ['Sun, 01 Jun 2025 11:00:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
