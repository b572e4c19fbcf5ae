import { Hono } from 'hono';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import type { SandboxEnv } from '../app-env';
import { readFormBody } from '../http-errors';
import type { PendingAuthorization, SandboxWorld } from '../state';
import { opaqueToken } from '../tokens';
import { errorPage, loginPage, PAGE_SECURITY_HEADERS } from './pages';
import { isAllowedRedirectUri, redirectWith } from './redirect-uris';
import { sessionUserId, startSession } from './sessions';

/**
 * `GET /ims/authorize/v2` (authorization code + PKCE S256) and the login form it shows.
 * Once client and redirect URI are known to be good, every other problem goes back to the
 * redirect URI as `error=…`; before that, only an error page (never a redirect).
 */

const CODE_TTL_MS = 60_000;
const LOGIN_PAGE_TTL_MS = 10 * 60_000;
const CODE_CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function authorizeRoutes(world: () => SandboxWorld) {
  const app = new Hono<SandboxEnv>();

  app.get('/ims/authorize/v2', (c) => {
    const query = c.req.query();
    const showError = (title: string, message: string) => c.html(errorPage(title, message), 400, PAGE_SECURITY_HEADERS);
    if (query.client_id !== SANDBOX_CLIENT_ID) {
      return showError('Unknown application', 'The application asking you to sign in is not registered.');
    }
    if (!isAllowedRedirectUri(query.redirect_uri)) {
      return showError('Invalid redirect', 'The address to return to after sign-in is not allowed for this client.');
    }
    const redirectUri = query.redirect_uri;
    const state = query.state;
    const fail = (error: string, description: string) =>
      c.redirect(redirectWith(redirectUri, { error, error_description: description, state }), 302);

    if (query.response_type !== 'code')
      return fail('unsupported_response_type', 'Only response_type=code is supported');
    if (query.code_challenge_method !== 'S256') {
      return fail('invalid_request', 'PKCE is required: code_challenge_method must be S256');
    }
    if (!CODE_CHALLENGE_PATTERN.test(query.code_challenge ?? '')) {
      return fail('invalid_request', 'PKCE is required: code_challenge must be a base64url SHA-256 digest');
    }
    const request: PendingAuthorization = {
      clientId: query.client_id,
      redirectUri,
      state,
      codeChallenge: query.code_challenge ?? '',
      scope: query.scope ?? '',
      locale: query.locale,
      expiresAt: world().now() + LOGIN_PAGE_TTL_MS,
    };

    const signedInAs = sessionUserId(c, world());
    if (query.prompt !== 'login' && signedInAs) return c.redirect(codeRedirect(world(), request, signedInAs), 302);
    if (query.prompt === 'none') return fail('login_required', 'The user is not signed in');

    const requestId = opaqueToken('req_', 18);
    world().pendingAuthorizations.set(requestId, request);
    return c.html(loginPage(requestId, world().scenario.users), 200, PAGE_SECURITY_HEADERS);
  });

  app.post('/ims/authorize/v2/login', async (c) => {
    const showError = (message: string) => c.html(errorPage('Sign-in failed', message), 400, PAGE_SECURITY_HEADERS);
    const form = await readFormBody(c);
    if (!form.ok) return showError(form.message);
    const requestId = form.data.get('request_id') ?? '';
    const request = world().pendingAuthorizations.get(requestId);
    // Single use: a second submit of the same page (double click, back button) is refused.
    world().pendingAuthorizations.delete(requestId);
    if (!request || request.expiresAt <= world().now()) {
      return showError('This sign-in page has expired or was already used. Start the sign-in again.');
    }
    if (form.data.has('cancel')) {
      const denied = { error: 'access_denied', error_description: 'The user cancelled sign-in', state: request.state };
      return c.redirect(redirectWith(request.redirectUri, denied), 302);
    }
    const userId = form.data.get('user_id') ?? '';
    if (!world().user(userId)) return showError('That account is not known here.');
    startSession(c, world(), userId);
    return c.redirect(codeRedirect(world(), request, userId), 302);
  });

  return app;
}

function codeRedirect(world: SandboxWorld, request: PendingAuthorization, userId: string): string {
  const code = opaqueToken('sbx_code_', 24);
  world.authorizationCodes.set(code, {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    userId,
    codeChallenge: request.codeChallenge,
    expiresAt: world.now() + CODE_TTL_MS,
    used: false,
    grantId: undefined,
    scope: request.scope,
  });
  return redirectWith(request.redirectUri, { code, state: request.state });
}
