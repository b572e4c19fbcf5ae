import { describe, expect, it } from 'vitest';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { SCENARIOS } from '../../sandbox/scenarios';
import { bearer, CHROME_REDIRECT_URI, exchangeCode, open, sandboxForSuite, signInThroughPage } from './support';

const sandbox = sandboxForSuite();

interface IssuedToken {
  token: string;
  kind: 'access' | 'refresh';
  userId: string;
  origin: 'ims' | 'console' | 'control';
}
interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
}

describe('control API', () => {
  it('reports health and state', async () => {
    expect(await sandbox.control('GET', 'health')).toEqual({ ok: true, scenario: 'default' });
    expect(await sandbox.control('GET', 'state')).toMatchObject({
      scenario: 'default',
      connectedOrg: { id: SCENARIOS.default.initialConnection.orgId, name: 'Acme' },
      etag: expect.stringMatching(/^".+"$/),
      updatedAt: SCENARIOS.default.initialConnection.updatedAt,
      updatedBy: SCENARIOS.default.initialConnection.updatedBy,
      appliedChanges: 0,
      putsByIdempotencyKey: {},
    });
  });

  it('sets how the console renders its native picker, tells the page through its session, and resets it', async () => {
    const sessionPicker = async () => (await (await fetch(sandbox.url('/console/session'))).json()).picker;
    expect(await sessionPicker()).toBe('classic');
    expect(await sandbox.control('POST', 'console', { picker: 'portalled' })).toEqual({
      ok: true,
      picker: 'portalled',
      recreate: false,
      errors: 'status',
    });
    expect(await sessionPicker()).toBe('portalled');
    expect(await sandbox.control('GET', 'state')).toMatchObject({ picker: 'portalled' });
    const unknown = await fetch(sandbox.url('/__sandbox/console'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ picker: 'select' }),
    });
    expect(unknown.status).toBe(400);
    await sandbox.control('POST', 'reset');
    expect(await sessionPicker()).toBe('classic');
  });

  it('sets the console behaviour apart from the picker form, tells the page, and resets it', async () => {
    const session = async () =>
      (await (await fetch(sandbox.url('/console/session'))).json()) as Record<string, unknown>;
    expect(await session()).toMatchObject({ picker: 'classic', recreate: false, errors: 'status' });
    await sandbox.control('POST', 'console', { picker: 'virtualized' });
    expect(await sandbox.control('POST', 'console', { recreate: true, errors: 'toast' })).toEqual({
      ok: true,
      picker: 'virtualized',
      recreate: true,
      errors: 'toast',
    });
    expect(await session()).toMatchObject({ picker: 'virtualized', recreate: true, errors: 'toast' });
    expect(await sandbox.control('GET', 'state')).toMatchObject({
      consoleBehaviour: { recreate: true, errors: 'toast' },
    });
    const unknown = await fetch(sandbox.url('/__sandbox/console'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ errors: 'popup' }),
    });
    expect(unknown.status).toBe(400);
    await sandbox.control('POST', 'reset');
    expect(await session()).toMatchObject({ picker: 'classic', recreate: false, errors: 'status' });
  });

  it('mints tokens for the console user or a named one, and refuses an unknown user', async () => {
    const grace = SCENARIOS.default.users.find((u) => u.name === 'Grace Hopper');
    const forGrace = await sandbox.control<{ access_token: string; expires_in: number }>('POST', 'token', {
      userId: grace?.userId,
    });
    expect(forGrace.expires_in).toBe(3600);
    const profile = await (
      await fetch(sandbox.url('/ims/profile/v1'), { headers: bearer(forGrace.access_token) })
    ).json();
    expect(profile.userId).toBe(grace?.userId);
    const unknown = await fetch(sandbox.url('/__sandbox/token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'nobody@AdobeID' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('reset restores the connection and clears tokens, counters and the log', async () => {
    const token = await sandbox.mintToken();
    await sandbox.control('POST', 'connection', { orgId: null });
    await sandbox.control('POST', 'config', { tokenTtlSeconds: 5 });
    await sandbox.readConnection(token);
    await sandbox.control('POST', 'reset');
    const state = await sandbox.control<{ connectedOrg: unknown; externalChanges: number; config: unknown }>(
      'GET',
      'state',
    );
    expect(state).toMatchObject({ externalChanges: 0, config: { tokenTtlSeconds: 3600, issueRefreshTokens: true } });
    expect(state.connectedOrg).not.toBeNull();
    expect(await sandbox.control('GET', 'requests')).toEqual([]);
    const afterReset = await fetch(sandbox.url(ASSETS_PATHS.me), { headers: sandbox.assetsHeaders(token) });
    expect(afterReset.status).toBe(401);
  });

  it('lets another admin change the connection', async () => {
    const other = SCENARIOS.default.otherAdminUserId;
    const target = SCENARIOS.default.orgs[1];
    const answer = await sandbox.control('POST', 'connection', { orgId: target?.id });
    expect(answer).toMatchObject({ connectedOrg: { id: target?.id } });
    const { body } = await sandbox.readConnection(await sandbox.mintToken());
    expect(body).toMatchObject({ connectedOrg: { id: target?.id }, updatedBy: other });
    expect(await sandbox.control('GET', 'state')).toMatchObject({ appliedChanges: 0, externalChanges: 1 });
  });

  it('lists every token issued, by origin, for leak scans', async () => {
    await sandbox.mintToken();
    await fetch(sandbox.url('/console/session'));
    const signedIn = await signInThroughPage(sandbox, SCENARIOS.default.consoleUserId);
    await exchangeCode(sandbox, signedIn.code, signedIn.verifier);
    const issued = await sandbox.control<IssuedToken[]>('GET', 'issued-tokens');
    const kinds = new Set(issued.map((t) => `${t.origin}/${t.kind}`));
    for (const kind of ['control/access', 'console/access', 'ims/access', 'ims/refresh']) expect(kinds).toContain(kind);
  });

  it('masks tokens and codes in the request log', async () => {
    const token = await sandbox.mintToken();
    await fetch(sandbox.url(ASSETS_PATHS.me), { headers: sandbox.assetsHeaders(token) });
    const signedIn = await signInThroughPage(sandbox, SCENARIOS.default.consoleUserId);
    const tokens = await (await exchangeCode(sandbox, signedIn.code, signedIn.verifier)).json();
    const logout = new URL(sandbox.url('/ims/logout/v1'));
    logout.search = new URLSearchParams({
      client_id: SANDBOX_CLIENT_ID,
      access_token: tokens.access_token,
      redirect_uri: CHROME_REDIRECT_URI,
    }).toString();
    await open(logout.toString());

    const log = await sandbox.control<LoggedRequest[]>('GET', 'requests');
    const me = log.find((entry) => entry.path === ASSETS_PATHS.me);
    expect(me).toMatchObject({ method: 'GET', status: 200, headers: { authorization: 'Bearer ***' } });
    expect(log.find((entry) => entry.path.startsWith('/ims/logout/v1'))?.path).toContain('access_token=***');

    const serialized = JSON.stringify(log);
    const issued = await sandbox.control<IssuedToken[]>('GET', 'issued-tokens');
    for (const { token: secret } of issued) expect(serialized).not.toContain(secret);
    expect(serialized).not.toContain(signedIn.code);
    await sandbox.control('DELETE', 'requests');
    expect(await sandbox.control('GET', 'requests')).toEqual([]);
  });
});
