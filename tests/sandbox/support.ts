import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { buildAuthorizeUrl } from '../../lib/ims/authorize-url';
import { createPkcePair, createState } from '../../lib/ims/pkce';
import { IMS_SCOPES } from '../../lib/ims/schemas';
import { SCENARIOS, type ScenarioName } from '../../sandbox/scenarios';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';

/**
 * One sandbox per test file on a free port, reset before every test, and small helpers
 * that speak to it over real HTTP the way a browser or the extension would.
 */

export const CHROME_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

export interface TestSandbox {
  readonly server: RunningSandbox;
  url(path: string): string;
  /** A control API call that must succeed; answers the parsed JSON. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  useScenario(name: ScenarioName): Promise<void>;
  mintToken(userId?: string): Promise<string>;
  /** Headers the Assets API requires, for the current scenario's AEM org. */
  assetsHeaders(token: string, extra?: Record<string, string>): Record<string, string>;
  readConnection(token: string): Promise<{ etag: string; body: { connectedOrg: { id: string } | null } }>;
  putConnection(token: string, orgId: string, headers: Record<string, string>): Promise<Response>;
}

export function sandboxForSuite(): TestSandbox {
  let server: RunningSandbox | undefined;
  let scenario: ScenarioName = 'default';
  beforeAll(async () => {
    server = await startSandbox({ port: 0 });
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    scenario = 'default';
    await suite.control('POST', 'reset');
  });

  const suite: TestSandbox = {
    get server() {
      if (!server) throw new Error('the sandbox has not started');
      return server;
    },
    url: (path) => `${suite.server.apiBaseUrl}${path}`,
    async control<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(suite.url(`/__sandbox/${path}`), {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} /__sandbox/${path} answered ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async useScenario(name) {
      await suite.control('POST', 'scenario', { name });
      scenario = name;
    },
    async mintToken(userId) {
      const answer = await suite.control<{ access_token: string }>('POST', 'token', userId ? { userId } : {});
      return answer.access_token;
    },
    assetsHeaders: (token, extra = {}) => ({
      Authorization: `Bearer ${token}`,
      'x-api-key': SANDBOX_CLIENT_ID,
      'x-gw-ims-org-id': SCENARIOS[scenario].aemOrg.id,
      ...extra,
    }),
    async readConnection(token) {
      const response = await fetch(suite.url(ASSETS_PATHS.ccConnection), { headers: suite.assetsHeaders(token) });
      if (!response.ok) throw new Error(`GET connection answered ${response.status}`);
      return { etag: response.headers.get('ETag') ?? '', body: await response.json() };
    },
    putConnection: (token, orgId, headers) =>
      fetch(suite.url(ASSETS_PATHS.ccConnection), {
        method: 'PUT',
        headers: { ...suite.assetsHeaders(token, headers), 'Content-Type': 'application/json' },
        body: JSON.stringify({ orgId }),
      }),
  };
  return suite;
}

/** A PUT's headers with a fresh Idempotency-Key. */
export const switchHeaders = (etag: string, idempotencyKey: string = crypto.randomUUID()) => ({
  'If-Match': etag,
  'Idempotency-Key': idempotencyKey,
});

export interface AuthorizeStart {
  url: string;
  verifier: string;
  state: string;
}

export async function authorizeRequest(
  sandbox: TestSandbox,
  options: { prompt?: 'login' | 'none'; redirectUri?: string; clientId?: string; scopes?: readonly string[] } = {},
): Promise<AuthorizeStart> {
  const pkce = await createPkcePair();
  const state = createState();
  const url = buildAuthorizeUrl({
    imsBaseUrl: sandbox.server.apiBaseUrl,
    clientId: options.clientId ?? SANDBOX_CLIENT_ID,
    redirectUri: options.redirectUri ?? CHROME_REDIRECT_URI,
    scopes: options.scopes ?? IMS_SCOPES,
    codeChallenge: pkce.challenge,
    state,
    prompt: options.prompt,
  });
  return { url, verifier: pkce.verifier, state };
}

/** Opens a URL like a browser tab would, without following redirects. */
export const open = (url: string, cookie?: string) =>
  fetch(url, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });

export function requestIdOf(loginPageHtml: string): string {
  const requestId = /name="request_id" value="([^"]+)"/.exec(loginPageHtml)?.[1];
  if (!requestId) throw new Error('the login page has no request id');
  return requestId;
}

export const submitLogin = (sandbox: TestSandbox, fields: Record<string, string>) =>
  fetch(sandbox.url('/ims/authorize/v2/login'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

export interface SignedIn {
  code: string;
  verifier: string;
  state: string;
  redirect: URL;
  /** `ims_sid=…`, to send as the browser would on the next authorize. */
  cookie: string;
}

/** The browser leg of sign-in: authorize page → pick the account → redirect with a code. */
export async function signInThroughPage(
  sandbox: TestSandbox,
  userId: string,
  scopes?: readonly string[],
): Promise<SignedIn> {
  const start = await authorizeRequest(sandbox, { prompt: 'login', scopes });
  const page = await open(start.url);
  const login = await submitLogin(sandbox, { request_id: requestIdOf(await page.text()), user_id: userId });
  if (login.status !== 302) throw new Error(`login answered ${login.status}`);
  const redirect = new URL(login.headers.get('Location') ?? '');
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .join('; ');
  return {
    code: redirect.searchParams.get('code') ?? '',
    verifier: start.verifier,
    state: start.state,
    redirect,
    cookie,
  };
}

export const postForm = (sandbox: TestSandbox, path: string, fields: Record<string, string>) =>
  fetch(sandbox.url(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

export const exchangeCode = (sandbox: TestSandbox, code: string, verifier: string) =>
  postForm(sandbox, `/ims/token/v3?client_id=${SANDBOX_CLIENT_ID}`, {
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
  });

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
