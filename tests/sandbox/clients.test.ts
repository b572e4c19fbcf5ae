import { describe, expect, it } from 'vitest';
import { type AssetsClientOptions, createAssetsClient } from '../../lib/assets/client';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { HttpError } from '../../lib/http/errors';
import type { Fetch } from '../../lib/http/request';
import { createAccessProfileClient } from '../../lib/ims/access-profile';
import { createImsClient, IMS_PATHS } from '../../lib/ims/client';
import { ORG_ID_PATTERN, orgIdFromRef } from '../../lib/org-id';
import { serviceCodesOf } from '../../lib/service-codes';
import { SCENARIOS } from '../../sandbox/scenarios';
import type { SandboxFault } from '../behaviours/fault-cases';
import { failureOf } from '../support/http-failure';
import { sandboxForSuite, signInThroughPage } from './support';

// The IMS and Assets clients against the real sandbox over HTTP: the same server the e2e
// tests use, with faults injected through its control API.

const sandbox = sandboxForSuite();
const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };
const consoleUser = SCENARIOS.default.users.find((user) => user.userId === SCENARIOS.default.consoleUserId);

const injectFault = (fault: SandboxFault) => sandbox.control('POST', 'faults', fault);

interface SandboxState {
  appliedChanges: number;
  putsByIdempotencyKey: Record<string, number>;
  connectedOrg: { id: string } | null;
}
const sandboxState = () => sandbox.control<SandboxState>('GET', 'state');
const mintToken = (userId?: string) => sandbox.mintToken(userId);

/** A fetch that counts the requests it sends, per `METHOD /path`. */
function countingFetch() {
  const counts = new Map<string, number>();
  const counted: Fetch = (input, init) => {
    const key = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return fetch(input, init);
  };
  return { fetch: counted, count: (key: string) => counts.get(key) ?? 0 };
}

function imsClient(overrides: Partial<Parameters<typeof createImsClient>[0]> = {}) {
  return createImsClient({
    imsBaseUrl: sandbox.server.apiBaseUrl,
    clientId: SANDBOX_CLIENT_ID,
    retry: fastRetry,
    ...overrides,
  });
}

function assetsClient(token: string, overrides: Partial<AssetsClientOptions> = {}) {
  return createAssetsClient({
    assetsBaseUrl: sandbox.server.apiBaseUrl,
    clientId: SANDBOX_CLIENT_ID,
    aemOrgId: SCENARIOS.default.aemOrg.id,
    getAccessToken: async () => token,
    onUnauthorized: async () => {
      throw new Error('unexpected 401');
    },
    retry: fastRetry,
    ...overrides,
  });
}

/** An org the console user may switch to: active CC entitlement, not the connected one. */
async function switchableOrgId(token: string): Promise<string> {
  const ims = imsClient();
  const [organizations, { connection }] = await Promise.all([
    ims.getOrganizations(token),
    assetsClient(token).getConnection(),
  ]);
  // CC shows in the Access Profile API only (no product-context code exists for it).
  const items = await createAccessProfileClient({ accessProfileBaseUrl: sandbox.server.apiBaseUrl }).getAccessibleItems(
    token,
  );
  const ccCodes = serviceCodesOf('accessProfile', 'creativeCloud').map((entry) => entry.code);
  const ccActive = new Set(
    items
      .filter((item) => ccCodes.some((code) => item.fulfillable_items[code]?.enabled))
      .map((item) => item.source.owner_id),
  );
  const target = organizations
    .map((org) => orgIdFromRef(org.orgRef))
    .find((id) => ccActive.has(id) && id !== connection.connectedOrg?.id);
  if (!target) throw new Error('the default scenario should have a switchable org');
  return target;
}

describe('IMS client', () => {
  it('parses the profile and organizations of a token user', async () => {
    const token = await mintToken();
    const ims = imsClient();
    const profile = await ims.getProfile(token);
    const organizations = await ims.getOrganizations(token);
    expect(profile.userId).toMatch(/@AdobeID$/);
    expect(organizations.length).toBeGreaterThan(1);
    for (const org of organizations) expect(orgIdFromRef(org.orgRef)).toMatch(ORG_ID_PATTERN);
  });

  it('exchanges a code from the login page for tokens, and refreshes them', async () => {
    if (!consoleUser) throw new Error('the default scenario has a console user');
    const signedIn = await signInThroughPage(sandbox, consoleUser.userId);
    const ims = imsClient();
    const tokens = await ims.exchangeCode(signedIn.code, signedIn.verifier);
    expect((await ims.getProfile(tokens.access_token)).userId).toBe(consoleUser.userId);
    if (!tokens.refresh_token) throw new Error('the default scenario issues refresh tokens');
    const renewed = await ims.refresh(tokens.refresh_token);
    expect(renewed.access_token).not.toBe(tokens.access_token);
    expect((await ims.getProfile(renewed.access_token)).userId).toBe(consoleUser.userId);
  });

  it('refuses a code with the wrong verifier, or used twice, as SIGN_IN_FAILED', async () => {
    if (!consoleUser) throw new Error('the default scenario has a console user');
    const ims = imsClient();
    const first = await signInThroughPage(sandbox, consoleUser.userId);
    const wrongVerifier = await failureOf(ims.exchangeCode(first.code, `${first.verifier.slice(1)}x`));
    expect(wrongVerifier).toMatchObject({ code: 'SIGN_IN_FAILED', status: 400 });
    const second = await signInThroughPage(sandbox, consoleUser.userId);
    await ims.exchangeCode(second.code, second.verifier);
    const reused = await failureOf(ims.exchangeCode(second.code, second.verifier));
    expect(reused).toMatchObject({ code: 'SIGN_IN_FAILED', apiCode: 'invalid_grant' });
  });

  it('answers UNAUTHORIZED for a token that is not valid', async () => {
    const error = await failureOf(imsClient().getProfile('not-a-token'));
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('reports a refused auth code as SIGN_IN_FAILED, with the IMS code', async () => {
    const error = await failureOf(imsClient().exchangeCode('no-such-code', 'a'.repeat(43)));
    expect(error).toMatchObject({ code: 'SIGN_IN_FAILED', status: 400, apiCode: 'invalid_grant' });
  });

  it('reports a refused refresh token as SESSION_EXPIRED', async () => {
    const error = await failureOf(imsClient().refresh('no-such-refresh-token'));
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', apiCode: 'invalid_grant' });
  });

  it('never retries the token POST, even after a 503', async () => {
    const { fetch, count } = countingFetch();
    await injectFault({ method: 'POST', path: IMS_PATHS.token, status: 503, times: 0 });
    const error = await failureOf(imsClient({ fetch }).refresh('whatever'));
    expect(error.code).toBe('SERVER_ERROR');
    expect(count(`POST ${IMS_PATHS.token}`)).toBe(1);
  });

  it('logs out: the token is revoked and stops working', async () => {
    const token = await mintToken();
    const ims = imsClient();
    expect(await ims.logout(token)).toEqual({ ok: true });
    expect((await failureOf(ims.getProfile(token))).code).toBe('UNAUTHORIZED');
  });

  it('reports, but does not throw, a logout that fails', async () => {
    await injectFault({ method: 'POST', path: IMS_PATHS.revoke, status: 500 });
    const result = await imsClient().logout(await mintToken());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('SERVER_ERROR');
  });
});

describe('Assets client', () => {
  it('reads the console user and the connection with its ETag', async () => {
    const assets = assetsClient(await mintToken());
    const me = await assets.getMe();
    expect(me.isAssetsAdmin).toBe(true);
    const { connection, etag } = await assets.getConnection();
    expect(etag).toMatch(/^(W\/)?".+"$/);
    expect(connection.connectedOrg?.id ?? null).toBe((await sandboxState()).connectedOrg?.id ?? null);
  });

  it('switches the connection and gets a new ETag', async () => {
    const token = await mintToken();
    const assets = assetsClient(token);
    const orgId = await switchableOrgId(token);
    const before = await assets.getConnection();
    const after = await assets.putConnection({ orgId, etag: before.etag, idempotencyKey: crypto.randomUUID() });
    expect(after.connection.connectedOrg?.id).toBe(orgId);
    expect(after.etag).not.toBe(before.etag);
    expect((await sandboxState()).appliedChanges).toBe(1);
  });

  it('refuses a PUT with a stale ETag as API_ERROR STALE_STATE (412)', async () => {
    const token = await mintToken();
    const assets = assetsClient(token);
    const orgId = await switchableOrgId(token);
    const error = await failureOf(
      assets.putConnection({ orgId, etag: '"stale"', idempotencyKey: crypto.randomUUID() }),
    );
    expect(error).toMatchObject({ code: 'API_ERROR', apiCode: 'STALE_STATE', status: 412 });
    expect((await sandboxState()).appliedChanges).toBe(0);
  });

  it('applies one change for the same Idempotency-Key sent twice', async () => {
    const token = await mintToken();
    const assets = assetsClient(token);
    const orgId = await switchableOrgId(token);
    const { etag } = await assets.getConnection();
    const idempotencyKey = crypto.randomUUID();
    const first = await assets.putConnection({ orgId, etag, idempotencyKey });
    const replay = await assets.putConnection({ orgId, etag, idempotencyKey });
    expect(replay).toEqual(first);
    const state = await sandboxState();
    expect(state.appliedChanges).toBe(1);
    expect(state.putsByIdempotencyKey[idempotencyKey]).toBe(2);
  });

  it('retries a PUT with its Idempotency-Key after a 503 and applies it once', async () => {
    const token = await mintToken();
    const { fetch, count } = countingFetch();
    const assets = assetsClient(token, { fetch });
    const orgId = await switchableOrgId(token);
    const { etag } = await assets.getConnection();
    await injectFault({ method: 'PUT', path: ASSETS_PATHS.ccConnection, status: 503 });
    const result = await assets.putConnection({ orgId, etag, idempotencyKey: crypto.randomUUID() });
    expect(result.connection.connectedOrg?.id).toBe(orgId);
    expect(count(`PUT ${ASSETS_PATHS.ccConnection}`)).toBe(2);
    expect((await sandboxState()).appliedChanges).toBe(1);
  });

  it('passes the API’s refusal through with its code (422 NO_CC_ENTITLEMENT)', async () => {
    const token = await mintToken();
    const organizations = await imsClient().getOrganizations(token);
    // The console decides by the user's true entitlement, whatever IMS shows the extension.
    const consoleUser = SCENARIOS.default.users.find((user) => user.userId === SCENARIOS.default.consoleUserId);
    const orgId = organizations
      .map((org) => orgIdFromRef(org.orgRef))
      .find((id) => !consoleUser?.ccOrgIds.includes(id));
    if (!orgId) throw new Error('the default scenario should have an org without Creative Cloud');
    const assets = assetsClient(token);
    const { etag } = await assets.getConnection();
    const error = await failureOf(assets.putConnection({ orgId, etag, idempotencyKey: crypto.randomUUID() }));
    expect(error).toMatchObject({ code: 'API_ERROR', apiCode: 'NO_CC_ENTITLEMENT', status: 422 });
  });
});

describe('Assets client under faults', () => {
  const path = ASSETS_PATHS.ccConnection;

  it('retries a 503 and succeeds', async () => {
    const { fetch, count } = countingFetch();
    await injectFault({ method: 'GET', path, status: 503, times: 1 });
    const { etag } = await assetsClient(await mintToken(), { fetch }).getConnection();
    expect(etag).toBeTruthy();
    expect(count(`GET ${path}`)).toBe(2);
  });

  it('fails with SERVER_ERROR after the capped retries when the server keeps failing', async () => {
    const { fetch, count } = countingFetch();
    await injectFault({ method: 'GET', path, status: 500, times: 0 });
    const error = await failureOf(assetsClient(await mintToken(), { fetch }).getConnection());
    expect(error).toMatchObject({ code: 'SERVER_ERROR', status: 500 });
    expect(count(`GET ${path}`)).toBe(4);
  });

  it('waits as long as a 429’s Retry-After asks before retrying', async () => {
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    await injectFault({ method: 'GET', path, status: 429, headers: { 'Retry-After': '1' } });
    const assets = assetsClient(await mintToken(), { retry: { ...fastRetry, sleep } });
    await assets.getConnection();
    expect(delays).toEqual([1000]);
  });

  it('gives up with TIMEOUT when the answer comes too late', async () => {
    await injectFault({ method: 'GET', path, delayMs: 500, times: 0 });
    const assets = assetsClient(await mintToken(), { timeoutMs: 100, retry: { ...fastRetry, maxRetries: 1 } });
    const error = await failureOf(assets.getConnection());
    expect(error.code).toBe('TIMEOUT');
  });

  it('reports a dropped connection as NETWORK', async () => {
    await injectFault({ method: 'GET', path, drop: true, times: 0 });
    const error = await failureOf(assetsClient(await mintToken()).getConnection());
    expect(error.code).toBe('NETWORK');
  });

  it('reports malformed JSON as INVALID_RESPONSE', async () => {
    await injectFault({ method: 'GET', path, status: 200, body: '{"connectedOrg": ' });
    const error = await failureOf(assetsClient(await mintToken()).getConnection());
    expect(error.code).toBe('INVALID_RESPONSE');
  });

  it('reports a wrong shape as INVALID_RESPONSE naming the field', async () => {
    const body = JSON.stringify({ connectedOrg: null, updatedAt: 'yesterday', updatedBy: 'someone' });
    await injectFault({ method: 'GET', path, status: 200, body, headers: { ETag: '"1"' } });
    const error = await failureOf(assetsClient(await mintToken()).getConnection());
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('updatedAt');
  });
});

describe('Assets client and an expired session', () => {
  it('refreshes once on a 401 and retries with the new token', async () => {
    let token = await mintToken();
    let refreshes = 0;
    const assets = assetsClient(token, {
      getAccessToken: async () => token,
      onUnauthorized: async () => {
        refreshes++;
        token = await mintToken();
      },
    });
    await sandbox.control('POST', 'expire-tokens');
    expect((await assets.getMe()).isAssetsAdmin).toBe(true);
    expect(refreshes).toBe(1);
  });

  it('ends with SESSION_EXPIRED when the refreshed token is refused too', async () => {
    const revoked = await mintToken();
    await imsClient().logout(revoked);
    let refreshes = 0;
    const assets = assetsClient(revoked, {
      onUnauthorized: async () => {
        refreshes++;
      },
    });
    const error = await failureOf(assets.getConnection());
    expect(error).toMatchObject({ code: 'SESSION_EXPIRED', status: 401 });
    expect(refreshes).toBe(1);
  });

  it('passes on the refresh’s own failure', async () => {
    const assets = assetsClient('revoked', {
      onUnauthorized: async () => {
        throw new HttpError('SESSION_EXPIRED', 'refresh refused', { endpoint: `POST ${IMS_PATHS.token}` });
      },
    });
    expect((await failureOf(assets.getMe())).message).toBe('refresh refused');
  });
});
