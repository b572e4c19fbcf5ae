import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { type Fetch, type RequestOptions, requestJson, sendRequest } from '../../lib/http/request';
import { failureOf } from '../support/http-failure';

const url = 'http://127.0.0.1:1/adobe/assets/settings/creative-cloud?access_token=secret';
const schema = z.looseObject({ name: z.string(), count: z.number() });

type Step = Response | Error | ((init: RequestInit) => Promise<Response>);

/** A fetch that plays the given steps in order and records every call. */
function scriptedFetch(...steps: Step[]) {
  const calls: RequestInit[] = [];
  const fetch: Fetch = async (_input, init = {}) => {
    calls.push(init);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    if (step === undefined) throw new Error('no scripted answer');
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(init);
    return step.clone();
  };
  return { fetch, calls };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Never answers; rejects when the request's signal aborts, as real fetch does. */
function hangs(init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
  });
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function call(fetch: Fetch, extra: Partial<RequestOptions> = {}) {
  const { sleep } = recordingSleep();
  return requestJson({ url, fetch, schema, retry: { sleep, random: () => 0 }, ...extra });
}

describe('requestJson', () => {
  it('returns the parsed body, status and headers of a 2xx answer', async () => {
    const { fetch } = scriptedFetch(json({ name: 'a', count: 1, extra: true }, 200, { ETag: '"7"' }));
    const response = await call(fetch);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ name: 'a', count: 1, extra: true });
    expect(response.headers.get('ETag')).toBe('"7"');
  });

  it('sends JSON and form bodies with their content types', async () => {
    const { fetch, calls } = scriptedFetch(json({ name: 'a', count: 1 }));
    await call(fetch, { method: 'PUT', json: { orgId: 'x' }, headers: { 'Idempotency-Key': 'k' } });
    await call(fetch, { method: 'POST', form: { grant_type: 'refresh_token', refresh_token: 'r t' } });
    expect(new Headers(calls[0]?.headers).get('Content-Type')).toBe('application/json');
    expect(calls[0]?.body).toBe('{"orgId":"x"}');
    expect(new Headers(calls[1]?.headers).get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(calls[1]?.body).toBe('grant_type=refresh_token&refresh_token=r+t');
  });

  it('turns a body that is not JSON into INVALID_RESPONSE naming the endpoint', async () => {
    const { fetch } = scriptedFetch(new Response('{"name": "a",', { status: 200 }));
    const error = await failureOf(call(fetch));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('GET /adobe/assets/settings/creative-cloud');
    expect(error.message).not.toContain('secret');
  });

  it('turns a wrong shape into INVALID_RESPONSE naming the field', async () => {
    const { fetch } = scriptedFetch(json({ name: 'a', count: 'many' }));
    const error = await failureOf(call(fetch));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(/count should be number/);
  });

  it('names nested fields by their path', async () => {
    const nested = z.looseObject({ items: z.array(z.looseObject({ id: z.string() })) });
    const { fetch } = scriptedFetch(json({ items: [{ id: 'a' }, { id: null }] }));
    const error = await failureOf(requestJson({ url, fetch, schema: nested }));
    expect(error.message).toMatch(/items\.1\.id should be string/);
  });

  it.each([
    [401, { error: { code: 'UNAUTHORIZED', message: 'expired' } }, 'UNAUTHORIZED', 'UNAUTHORIZED'],
    [403, { error: { code: 'NOT_ASSETS_ADMIN', message: 'no' } }, 'API_ERROR', 'NOT_ASSETS_ADMIN'],
    [403, 'Forbidden', 'FORBIDDEN', undefined],
    [412, { error: { code: 'STALE_STATE', message: 'changed' } }, 'API_ERROR', 'STALE_STATE'],
    [422, { error: { code: 'NO_CC_ENTITLEMENT', message: 'none' } }, 'API_ERROR', 'NO_CC_ENTITLEMENT'],
    [400, { error: 'invalid_grant', error_description: 'used' }, 'API_ERROR', 'invalid_grant'],
    [404, 'not found', 'API_ERROR', undefined],
    [429, { error: { code: 'RATE_LIMITED', message: 'slow down' } }, 'RATE_LIMITED', 'RATE_LIMITED'],
    [500, 'oops', 'SERVER_ERROR', undefined],
  ])('maps %i %j to %s (API code %s)', async (status, body, code, apiCode) => {
    const answer = typeof body === 'string' ? new Response(body, { status }) : json(body, status);
    const { fetch } = scriptedFetch(answer);
    const error = await failureOf(call(fetch, { retry: false }));
    expect(error).toMatchObject({ code, status, apiCode });
  });
});

describe('retries', () => {
  it('retries a GET after 503 and succeeds', async () => {
    const { sleep, delays } = recordingSleep();
    const { fetch, calls } = scriptedFetch(json({}, 503), json({ name: 'a', count: 2 }));
    const response = await requestJson({ url, fetch, schema, retry: { sleep, random: () => 1 } });
    expect(response.data.count).toBe(2);
    expect(calls).toHaveLength(2);
    expect(delays).toEqual([250]);
  });

  it('gives up after three retries with SERVER_ERROR and capped, growing delays', async () => {
    const { sleep, delays } = recordingSleep();
    const { fetch, calls } = scriptedFetch(json({}, 500));
    const error = await failureOf(
      requestJson({ url, fetch, schema, retry: { sleep, random: () => 1, maxDelayMs: 600 } }),
    );
    expect(error.code).toBe('SERVER_ERROR');
    expect(calls).toHaveLength(4);
    expect(delays).toEqual([250, 500, 600]);
  });

  it('honours Retry-After in seconds', async () => {
    const { sleep, delays } = recordingSleep();
    const { fetch } = scriptedFetch(json({}, 429, { 'Retry-After': '2' }), json({ name: 'a', count: 1 }));
    await requestJson({ url, fetch, schema, retry: { sleep } });
    expect(delays).toEqual([2000]);
  });

  it('fails at once with RATE_LIMITED and the wait when Retry-After is absurd', async () => {
    const { sleep, delays } = recordingSleep();
    const { fetch, calls } = scriptedFetch(json({}, 429, { 'Retry-After': '86400' }));
    const error = await failureOf(requestJson({ url, fetch, schema, retry: { sleep } }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 86_400_000 });
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('never retries a PUT without an Idempotency-Key', async () => {
    const { fetch, calls } = scriptedFetch(json({}, 503), json({ name: 'a', count: 1 }));
    const error = await failureOf(call(fetch, { method: 'PUT', json: {} }));
    expect(error.code).toBe('SERVER_ERROR');
    expect(calls).toHaveLength(1);
  });

  it('never retries a POST after a network error', async () => {
    const { fetch, calls } = scriptedFetch(new TypeError('fetch failed'), json({ name: 'a', count: 1 }));
    const error = await failureOf(call(fetch, { method: 'POST', form: {} }));
    expect(error.code).toBe('NETWORK');
    expect(calls).toHaveLength(1);
  });

  it('retries a PUT that carries an Idempotency-Key, sending the same key', async () => {
    const { fetch, calls } = scriptedFetch(new TypeError('socket hang up'), json({ name: 'a', count: 1 }));
    await call(fetch, { method: 'PUT', json: {}, headers: { 'Idempotency-Key': 'op-1' } });
    expect(calls.map((c) => new Headers(c.headers).get('Idempotency-Key'))).toEqual(['op-1', 'op-1']);
  });

  it('reports NETWORK when every attempt fails before an answer', async () => {
    const { fetch, calls } = scriptedFetch(new TypeError('fetch failed'));
    const error = await failureOf(call(fetch));
    expect(error.code).toBe('NETWORK');
    expect(calls).toHaveLength(4);
  });
});

describe('timeouts and cancellation', () => {
  it('aborts a call that does not answer in time with TIMEOUT', async () => {
    const { fetch } = scriptedFetch(hangs);
    const error = await failureOf(call(fetch, { timeoutMs: 20, retry: false }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('20 ms');
  });

  it('retries a timed-out GET but not a timed-out POST', async () => {
    const get = scriptedFetch(hangs, json({ name: 'a', count: 1 }));
    await call(get.fetch, { timeoutMs: 20 });
    expect(get.calls).toHaveLength(2);
    const post = scriptedFetch(hangs, json({ name: 'a', count: 1 }));
    expect((await failureOf(call(post.fetch, { timeoutMs: 20, method: 'POST' }))).code).toBe('TIMEOUT');
    expect(post.calls).toHaveLength(1);
  });

  it('stops with ABORTED, and no retry, when the caller cancels', async () => {
    const controller = new AbortController();
    const { fetch, calls } = scriptedFetch((init) => {
      const pending = hangs(init);
      controller.abort();
      return pending;
    });
    const error = await failureOf(call(fetch, { signal: controller.signal }));
    expect(error.code).toBe('ABORTED');
    expect(calls).toHaveLength(1);
  });

  it('stops with ABORTED when the caller cancels during the backoff wait', async () => {
    const controller = new AbortController();
    const { fetch, calls } = scriptedFetch(json({}, 503));
    const pending = sendRequest({
      url,
      fetch,
      signal: controller.signal,
      retry: { baseDelayMs: 10_000, random: () => 1 },
    });
    setTimeout(() => controller.abort(), 10);
    const error = await failureOf(pending);
    expect(error.code).toBe('ABORTED');
    expect(calls).toHaveLength(1);
  });
});
