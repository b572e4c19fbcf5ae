import { Hono } from 'hono';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import type { SandboxEnv } from '../app-env';
import { authenticate } from '../bearer';
import { imsError, readFormBody } from '../http-errors';
import type { SandboxWorld } from '../state';
import { organizationsOf, profileOf } from './profile';

/** Bearer-token reads (profile, organizations), token validation and OpenID discovery. */

export function identityRoutes(world: () => SandboxWorld) {
  const app = new Hono<SandboxEnv>();

  app.get('/ims/profile/v1', (c) => {
    const check = authenticate(c, world());
    if (!check.ok) return imsError(c, 401, 'invalid_token', check.description);
    const user = world().user(check.record.userId);
    if (!user) return imsError(c, 401, 'invalid_token', 'Unknown user');
    return c.json(profileOf(world().scenario, user, check.record));
  });

  app.get('/ims/organizations/v6', (c) => {
    const check = authenticate(c, world());
    if (!check.ok) return imsError(c, 401, 'invalid_token', check.description);
    const user = world().user(check.record.userId);
    if (!user) return imsError(c, 401, 'invalid_token', 'Unknown user');
    return c.json(organizationsOf(world().scenario, user));
  });

  app.post('/ims/validate_token/v1', async (c) => {
    const form = await readFormBody(c);
    if (!form.ok) return imsError(c, 400, 'invalid_request', form.message);
    const token = form.data.get('token');
    const clientId = c.req.query('client_id') ?? form.data.get('client_id');
    if (clientId !== SANDBOX_CLIENT_ID) return imsError(c, 400, 'invalid_client', 'Unknown client_id');
    if (!token) return imsError(c, 400, 'invalid_request', 'token is required');
    const type = form.data.get('type') ?? 'access_token';
    if (type !== 'access_token' && type !== 'refresh_token') {
      return imsError(c, 400, 'invalid_request', 'type must be access_token or refresh_token');
    }
    const check = world().tokens.check(token, type === 'access_token' ? 'access' : 'refresh');
    if (!check.ok) return c.json({ valid: false, reason: check.reason });
    const { expiresAt, userId } = check.record;
    const expiresIn = expiresAt === null ? undefined : Math.max(0, Math.floor((expiresAt - world().now()) / 1000));
    return c.json({ valid: true, token: { user_id: userId, client_id: clientId, expires_in: expiresIn } });
  });

  app.get('/ims/.well-known/openid-configuration', (c) => {
    const base = new URL(c.req.url).origin;
    return c.json({
      issuer: `${base}/ims`,
      authorization_endpoint: `${base}/ims/authorize/v2`,
      token_endpoint: `${base}/ims/token/v3`,
      userinfo_endpoint: `${base}/ims/profile/v1`,
      revocation_endpoint: `${base}/ims/revoke`,
      end_session_endpoint: `${base}/ims/logout/v1`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: [
        'openid',
        'AdobeID',
        'read_organizations',
        'additional_info.projectedProductContext',
        'additional_info.roles',
        'creative_cloud',
      ],
    });
  });

  return app;
}
