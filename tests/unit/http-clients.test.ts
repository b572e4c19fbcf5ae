import { describe, expect, it } from 'vitest';
import { createAssetsClient } from '../../lib/assets/client';
import type { Fetch } from '../../lib/http/request';
import { createImsClient } from '../../lib/ims/client';
import { failureOf } from '../support/http-failure';

// What the clients put on the wire and how they read refusals. Behaviour against a real
// server (retries, faults, idempotency) is in tests/sandbox/clients.test.ts.

const AEM_ORG = '0123456789ABCDEF01234567@AdobeOrg';
const connection = { connectedOrg: null, updatedAt: '2025-06-01T12:00:00.000Z', updatedBy: 'X@AdobeID' };

interface Sent {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

function answering(...answers: Response[]) {
  const sent: Sent[] = [];
  const fetch: Fetch = async (input, init = {}) => {
    sent.push({
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: init.body === undefined ? undefined : String(init.body),
    });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    if (!answer) throw new Error('no answer scripted');
    return answer.clone();
  };
  return { fetch, sent };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('IMS client on the wire', () => {
  const tokens = { access_token: 'at', refresh_token: 'rt', token_type: 'bearer', expires_in: 3600 };

  it('exchanges a code with a form-encoded POST carrying the client id in the query', async () => {
    const { fetch, sent } = answering(json(tokens));
    const ims = createImsClient({ imsBaseUrl: 'https://ims.example', clientId: 'client-1', fetch });
    expect(await ims.exchangeCode('the-code', 'the-verifier')).toMatchObject({ access_token: 'at' });
    const [request] = sent;
    expect(request?.method).toBe('POST');
    expect(request?.url.pathname).toBe('/ims/token/v3');
    expect(request?.url.searchParams.get('client_id')).toBe('client-1');
    expect(request?.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      code_verifier: 'the-verifier',
    });
  });

  it.each([
    ['exchangeCode', 'invalid_grant', 'SIGN_IN_FAILED'],
    ['exchangeCode', 'invalid_request', 'SIGN_IN_FAILED'],
    ['refresh', 'invalid_grant', 'SESSION_EXPIRED'],
    ['refresh', 'invalid_client', 'API_ERROR'],
  ] as const)('%s refused with %s → %s', async (method, imsError, code) => {
    const { fetch } = answering(json({ error: imsError, error_description: 'no' }, 400));
    const ims = createImsClient({ imsBaseUrl: 'https://ims.example', clientId: 'c', fetch });
    const call = method === 'refresh' ? ims.refresh('rt') : ims.exchangeCode('code', 'verifier');
    expect(await failureOf(call)).toMatchObject({ code, apiCode: imsError, status: 400 });
  });

  it('keeps the transport code when IMS itself fails', async () => {
    const { fetch } = answering(json({}, 502));
    const ims = createImsClient({ imsBaseUrl: 'https://ims.example', clientId: 'c', fetch });
    expect((await failureOf(ims.refresh('rt'))).code).toBe('SERVER_ERROR');
  });

  it('revokes the token on logout and reports a failure without throwing', async () => {
    const { fetch, sent } = answering(new Response(null, { status: 200 }), json({}, 500));
    const ims = createImsClient({ imsBaseUrl: 'https://ims.example', clientId: 'c', fetch });
    expect(await ims.logout('at')).toEqual({ ok: true });
    expect(sent[0]?.url.pathname).toBe('/ims/revoke');
    expect(sent[0]?.body).toBe('token=at');
    const failed = await ims.logout('at');
    expect(failed.ok || failed.error.code).toBe('SERVER_ERROR');
  });
});

describe('Assets client on the wire', () => {
  function client(fetch: Fetch, onUnauthorized = async () => {}) {
    let token = 'token-1';
    return createAssetsClient({
      assetsBaseUrl: 'https://assets.example',
      clientId: 'client-1',
      aemOrgId: AEM_ORG,
      getAccessToken: async () => token,
      onUnauthorized: async () => {
        await onUnauthorized();
        token = 'token-2';
      },
      fetch,
      retry: false,
    });
  }

  it('sends the bearer token, API key and AEM org on every call', async () => {
    const { fetch, sent } = answering(json({ userId: 'U@AdobeID', isAssetsAdmin: true }));
    await client(fetch).getMe();
    expect(sent[0]?.headers.get('Authorization')).toBe('Bearer token-1');
    expect(sent[0]?.headers.get('x-api-key')).toBe('client-1');
    expect(sent[0]?.headers.get('x-gw-ims-org-id')).toBe(AEM_ORG);
  });

  it('sends If-Match, Idempotency-Key and only the org id on a switch', async () => {
    const { fetch, sent } = answering(json(connection, 200, { ETag: '"2"' }));
    const orgId = 'FEDCBA9876543210FEDCBA98@AdobeOrg';
    const result = await client(fetch).putConnection({ orgId, etag: '"1"', idempotencyKey: 'op-1' });
    expect(result.etag).toBe('"2"');
    expect(sent[0]?.method).toBe('PUT');
    expect(sent[0]?.headers.get('If-Match')).toBe('"1"');
    expect(sent[0]?.headers.get('Idempotency-Key')).toBe('op-1');
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ orgId });
  });

  it('refuses a connection answer without an ETag', async () => {
    const { fetch } = answering(json(connection));
    expect((await failureOf(client(fetch).getConnection())).code).toBe('INVALID_RESPONSE');
  });

  it('refreshes once after a 401 and retries with the new token', async () => {
    let refreshes = 0;
    const unauthorized = json({ error: { code: 'UNAUTHORIZED', message: 'expired' } }, 401);
    const { fetch, sent } = answering(unauthorized, json(connection, 200, { ETag: '"1"' }));
    await client(fetch, async () => void refreshes++).getConnection();
    expect(refreshes).toBe(1);
    expect(sent.map((s) => s.headers.get('Authorization'))).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('ends with SESSION_EXPIRED after a second 401', async () => {
    let refreshes = 0;
    const { fetch, sent } = answering(json({ error: { code: 'UNAUTHORIZED', message: 'expired' } }, 401));
    const error = await failureOf(client(fetch, async () => void refreshes++).getMe());
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
    expect(refreshes).toBe(1);
    expect(sent).toHaveLength(2);
  });
});
