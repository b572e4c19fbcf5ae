import { describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { parseRedirect } from '../../lib/ims/authorize-url';
import { organizationsSchema, profileSchema, tokenResponseSchema } from '../../lib/ims/schemas';
import { ACCOUNT_TYPE_LABELS } from '../../sandbox/scenario-builders';
import { SCENARIOS } from '../../sandbox/scenarios';
import {
  authorizeRequest,
  bearer,
  CHROME_REDIRECT_URI,
  exchangeCode,
  open,
  postForm,
  requestIdOf,
  sandboxForSuite,
  signInThroughPage,
  submitLogin,
} from './support';

const sandbox = sandboxForSuite();
const [ada] = SCENARIOS.default.users;
if (!ada) throw new Error('the default scenario has users');
const adaId = ada.userId;

const profileOf = (token: string) => fetch(sandbox.url('/ims/profile/v1'), { headers: bearer(token) });
const refresh = (refreshToken: string) =>
  postForm(sandbox, `/ims/token/v3?client_id=${SANDBOX_CLIENT_ID}`, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });

async function signInTokens(userId = adaId) {
  const signedIn = await signInThroughPage(sandbox, userId);
  const response = await exchangeCode(sandbox, signedIn.code, signedIn.verifier);
  expect(response.status).toBe(200);
  return { ...signedIn, tokens: tokenResponseSchema.parse(await response.json()) };
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('IMS authorize page', () => {
  it('lists every account of the scenario as a button named with the name and account type', async () => {
    const page = await open((await authorizeRequest(sandbox)).url);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toMatch(/text\/html/);
    const html = await page.text();
    const buttons = [...html.matchAll(/<button[^>]*name="user_id"[^>]*>([\s\S]*?)<\/button>/g)].map((m) =>
      textOf(m[1] ?? ''),
    );
    expect(buttons).toEqual(
      SCENARIOS.default.users.map((u) => `${u.name} ${u.email} ${ACCOUNT_TYPE_LABELS[u.accountType]}`),
    );
    expect(html).toMatch(/<button[^>]*name="cancel"[^>]*>Cancel<\/button>/);
  });

  it('signs in: page → chosen account → code and the state echoed → tokens that work', async () => {
    const { redirect, state, tokens } = await signInTokens();
    expect(`${redirect.origin}${redirect.pathname}`).toBe(CHROME_REDIRECT_URI);
    expect(redirect.searchParams.get('state')).toBe(state);
    expect(tokens).toMatchObject({ sub: ada.userId, token_type: 'bearer', expires_in: 3600 });
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const profile = profileSchema.parse(await (await profileOf(tokens.access_token)).json());
    expect(profile).toMatchObject({ userId: ada.userId, email: ada.email, account_type: 'type2' });
    const orgsResponse = await fetch(sandbox.url('/ims/organizations/v6'), { headers: bearer(tokens.access_token) });
    const orgs = organizationsSchema.parse(await orgsResponse.json());
    expect(orgs.map((o) => `${o.orgRef.ident}@${o.orgRef.authSrc}`)).toEqual(ada.orgIds);
  });

  it('echoes the state unchanged, so a client expecting another state refuses the redirect', async () => {
    const { redirect, state } = await signInThroughPage(sandbox, ada.userId);
    expect(parseRedirect(redirect.toString(), state).ok).toBe(true);
    expect(parseRedirect(redirect.toString(), `${state}x`).ok).toBe(false);
  });

  it('shows an error page, never a redirect, for an unknown client or redirect URI', async () => {
    for (const options of [
      { clientId: 'someone-else' },
      { redirectUri: 'https://evil.example/callback' },
      { redirectUri: 'https://abc.chromiumapp.org.evil.example/' },
      { redirectUri: 'javascript:alert(1)' },
    ]) {
      const page = await open((await authorizeRequest(sandbox, options)).url);
      expect(page.status, JSON.stringify(options)).toBe(400);
      expect(page.headers.get('Location')).toBeNull();
      expect(await page.text()).toContain('role="alert"');
    }
  });

  it('accepts the Firefox and loopback redirect URIs', async () => {
    for (const redirectUri of ['https://0a1b2c3d4e.extensions.allizom.org/', 'http://127.0.0.1:9999/cb']) {
      const page = await open((await authorizeRequest(sandbox, { redirectUri })).url);
      expect(page.status, redirectUri).toBe(200);
    }
  });

  it('sends a request without PKCE S256 back with invalid_request and the state', async () => {
    const { url, state } = await authorizeRequest(sandbox);
    for (const change of [
      (u: URL) => u.searchParams.delete('code_challenge'),
      (u: URL) => u.searchParams.set('code_challenge_method', 'plain'),
    ]) {
      const withoutPkce = new URL(url);
      change(withoutPkce);
      const answer = await open(withoutPkce.toString());
      expect(answer.status).toBe(302);
      const location = new URL(answer.headers.get('Location') ?? '');
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('state')).toBe(state);
      expect(location.searchParams.has('code')).toBe(false);
    }
  });

  it('redirects with access_denied when the user cancels', async () => {
    const start = await authorizeRequest(sandbox);
    const page = await open(start.url);
    const answer = await submitLogin(sandbox, { request_id: requestIdOf(await page.text()), cancel: '1' });
    const location = new URL(answer.headers.get('Location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe(start.state);
  });

  it('refuses a login form that was already submitted once', async () => {
    const page = await open((await authorizeRequest(sandbox)).url);
    const requestId = requestIdOf(await page.text());
    expect((await submitLogin(sandbox, { request_id: requestId, user_id: ada.userId })).status).toBe(302);
    expect((await submitLogin(sandbox, { request_id: requestId, user_id: ada.userId })).status).toBe(400);
  });

  it('answers prompt=none with login_required when there is no IMS session', async () => {
    const start = await authorizeRequest(sandbox, { prompt: 'none' });
    const answer = await open(start.url);
    const location = new URL(answer.headers.get('Location') ?? '');
    expect(location.searchParams.get('error')).toBe('login_required');
    expect(location.searchParams.get('state')).toBe(start.state);
  });

  it('answers prompt=none with a code when the IMS session cookie is there, and skips the page without prompt', async () => {
    const { cookie } = await signInThroughPage(sandbox, ada.userId);
    for (const prompt of ['none', undefined] as const) {
      const start = await authorizeRequest(sandbox, { prompt });
      const answer = await open(start.url, cookie);
      expect(answer.status).toBe(302);
      const code = new URL(answer.headers.get('Location') ?? '').searchParams.get('code') ?? '';
      const tokens = tokenResponseSchema.parse(await (await exchangeCode(sandbox, code, start.verifier)).json());
      expect(tokens.sub).toBe(ada.userId);
    }
  });

  it('shows the page again for prompt=login even with a session, so another account can be picked', async () => {
    const { cookie } = await signInThroughPage(sandbox, ada.userId);
    const page = await open((await authorizeRequest(sandbox, { prompt: 'login' })).url, cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="user_id"');
  });
});

describe('IMS token endpoint', () => {
  it('refuses a wrong code_verifier with invalid_grant', async () => {
    const { code } = await signInThroughPage(sandbox, ada.userId);
    const answer = await exchangeCode(sandbox, code, 'x'.repeat(43));
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a reused code and revokes the tokens the first exchange gave', async () => {
    const { code, verifier, tokens } = await signInTokens();
    const again = await exchangeCode(sandbox, code, verifier);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await profileOf(tokens.access_token)).status).toBe(401);
  });

  it('refuses malformed verifiers, unknown clients and grant types with the IMS error codes', async () => {
    const { code } = await signInThroughPage(sandbox, ada.userId);
    const cases: [string, Record<string, string>, string][] = [
      [
        `client_id=${SANDBOX_CLIENT_ID}`,
        { grant_type: 'authorization_code', code, code_verifier: 'short' },
        'invalid_request',
      ],
      [`client_id=${SANDBOX_CLIENT_ID}`, { grant_type: 'authorization_code', code }, 'invalid_request'],
      [`client_id=${SANDBOX_CLIENT_ID}`, { grant_type: 'password', username: 'a' }, 'unsupported_grant_type'],
      [`client_id=${SANDBOX_CLIENT_ID}`, {}, 'invalid_request'],
      ['client_id=nobody', { grant_type: 'refresh_token', refresh_token: 'r' }, 'invalid_client'],
    ];
    for (const [query, form, error] of cases) {
      const answer = await postForm(sandbox, `/ims/token/v3?${query}`, form);
      expect(answer.status, JSON.stringify(form)).toBe(400);
      expect(await answer.json()).toMatchObject({ error, error_description: expect.any(String) });
    }
  });

  it('rejects an expired access token with 401 invalid_token, and a refresh brings a working one', async () => {
    const { tokens } = await signInTokens();
    await sandbox.control('POST', 'expire-tokens');
    const expired = await profileOf(tokens.access_token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error: 'invalid_token' });

    const refreshed = tokenResponseSchema.parse(await (await refresh(tokens.refresh_token ?? '')).json());
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect((await profileOf(refreshed.access_token)).status).toBe(200);
  });

  it('gives access tokens the configured lifetime and withholds refresh tokens when told to', async () => {
    await sandbox.control('POST', 'config', { tokenTtlSeconds: 120, issueRefreshTokens: false });
    const { tokens } = await signInTokens();
    expect(tokens.expires_in).toBe(120);
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('refuses an unknown refresh token with invalid_grant', async () => {
    const answer = await refresh('sbx_rt_unknown');
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('IMS sign-out', () => {
  it('logout ends the access token, its refresh token and the IMS session', async () => {
    const { tokens, cookie } = await signInTokens();
    const logoutUrl = new URL(sandbox.url('/ims/logout/v1'));
    logoutUrl.searchParams.set('client_id', SANDBOX_CLIENT_ID);
    logoutUrl.searchParams.set('access_token', tokens.access_token);
    logoutUrl.searchParams.set('redirect_uri', CHROME_REDIRECT_URI);
    const answer = await open(logoutUrl.toString(), cookie);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('Location')).toBe(CHROME_REDIRECT_URI);
    expect(answer.headers.getSetCookie().join()).toMatch(/ims_sid=;/);

    expect((await profileOf(tokens.access_token)).status).toBe(401);
    expect((await refresh(tokens.refresh_token ?? '')).status).toBe(400);
    const silent = await open((await authorizeRequest(sandbox, { prompt: 'none' })).url, cookie);
    expect(new URL(silent.headers.get('Location') ?? '').searchParams.get('error')).toBe('login_required');
  });

  it('revoke ends the token; an unknown token is not an error', async () => {
    const { tokens } = await signInTokens();
    const revokePath = `/ims/revoke?client_id=${SANDBOX_CLIENT_ID}`;
    expect((await postForm(sandbox, revokePath, { token: tokens.access_token })).status).toBe(200);
    expect((await profileOf(tokens.access_token)).status).toBe(401);
    expect((await postForm(sandbox, revokePath, { token: 'never-issued' })).status).toBe(200);
  });

  it('validate_token tells a live token from a revoked one', async () => {
    const token = await sandbox.mintToken();
    const validate = async () =>
      (
        await postForm(sandbox, '/ims/validate_token/v1', { token, client_id: SANDBOX_CLIENT_ID, type: 'access_token' })
      ).json();
    expect(await validate()).toMatchObject({ valid: true });
    await postForm(sandbox, `/ims/revoke?client_id=${SANDBOX_CLIENT_ID}`, { token });
    expect(await validate()).toEqual({ valid: false, reason: 'revoked' });
  });

  it('publishes OpenID discovery with S256 only', async () => {
    const discovery = await (await fetch(sandbox.url('/ims/.well-known/openid-configuration'))).json();
    expect(discovery).toMatchObject({
      authorization_endpoint: sandbox.url('/ims/authorize/v2'),
      token_endpoint: sandbox.url('/ims/token/v3'),
      code_challenge_methods_supported: ['S256'],
    });
  });
});
