import { Hono } from 'hono';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import type { SandboxEnv } from '../app-env';
import { imsError, readFormBody } from '../http-errors';
import type { SandboxWorld } from '../state';
import { errorPage, PAGE_SECURITY_HEADERS, signedOutPage } from './pages';
import { isAllowedRedirectUri } from './redirect-uris';
import { endSessions } from './sessions';

/**
 * Sign-out: front-channel `GET /ims/logout/v1` and `POST /ims/revoke`. Both end the token's
 * grant (access and refresh token) and the user's IMS browser sessions, so a later
 * `prompt=none` has to ask again.
 */

export function logoutRoutes(world: () => SandboxWorld) {
  const app = new Hono<SandboxEnv>();

  app.get('/ims/logout/v1', (c) => {
    const { client_id: clientId, access_token: accessToken, redirect_uri: redirectUri } = c.req.query();
    if (clientId !== SANDBOX_CLIENT_ID) {
      return c.html(errorPage('Unknown application', 'The application is not registered.'), 400, PAGE_SECURITY_HEADERS);
    }
    if (redirectUri !== undefined && !isAllowedRedirectUri(redirectUri)) {
      return c.html(
        errorPage('Invalid redirect', 'The address to return to is not allowed.'),
        400,
        PAGE_SECURITY_HEADERS,
      );
    }
    const revoked = accessToken ? world().tokens.revokeGrantOf(accessToken) : undefined;
    endSessions(c, world(), revoked?.userId);
    if (redirectUri) return c.redirect(redirectUri, 302);
    return c.html(signedOutPage(), 200, PAGE_SECURITY_HEADERS);
  });

  app.post('/ims/revoke', async (c) => {
    const form = await readFormBody(c);
    if (!form.ok) return imsError(c, 400, 'invalid_request', form.message);
    const clientId = c.req.query('client_id') ?? form.data.get('client_id');
    if (clientId !== SANDBOX_CLIENT_ID) return imsError(c, 400, 'invalid_client', 'Unknown client_id');
    const token = form.data.get('token');
    if (!token) return imsError(c, 400, 'invalid_request', 'token is required');
    // RFC 7009: an unknown token is not an error; the caller is signed out either way.
    const revoked = world().tokens.revokeGrantOf(token);
    endSessions(c, world(), revoked?.userId);
    return c.body(null, 200);
  });

  return app;
}
