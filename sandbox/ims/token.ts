import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import type { SandboxEnv } from '../app-env';
import { imsError, readFormBody } from '../http-errors';
import type { SandboxWorld } from '../state';
import type { TokenRecord } from '../tokens';

/**
 * `POST /ims/token/v3?client_id=…` (form-encoded): `authorization_code` with the PKCE
 * verifier checked against the challenge, and `refresh_token`. Codes are single-use; a
 * replayed code also revokes what it was exchanged for (OAuth 2.0 §4.1.2).
 */

const VERIFIER_PATTERN = /^[A-Za-z0-9._~-]{43,128}$/;

export function tokenRoutes(world: () => SandboxWorld) {
  const app = new Hono<SandboxEnv>();

  app.post('/ims/token/v3', async (c) => {
    const form = await readFormBody(c);
    if (!form.ok) return imsError(c, 400, 'invalid_request', form.message);
    const params = form.data;
    const clientId = c.req.query('client_id') ?? params.get('client_id');
    if (clientId !== SANDBOX_CLIENT_ID) return imsError(c, 400, 'invalid_client', 'Unknown client_id');

    c.header('Cache-Control', 'no-store');
    const grantType = params.get('grant_type');
    if (grantType === 'authorization_code') return exchangeCode(c, world(), params, clientId);
    if (grantType === 'refresh_token') return refresh(c, world(), params, clientId);
    if (!grantType) return imsError(c, 400, 'invalid_request', 'grant_type is required');
    return imsError(c, 400, 'unsupported_grant_type', `grant_type ${grantType} is not supported`);
  });

  return app;
}

function exchangeCode(c: Context, world: SandboxWorld, params: URLSearchParams, clientId: string) {
  const code = params.get('code');
  const verifier = params.get('code_verifier');
  if (!code) return imsError(c, 400, 'invalid_request', 'code is required');
  if (!verifier || !VERIFIER_PATTERN.test(verifier)) {
    return imsError(c, 400, 'invalid_request', 'code_verifier must be 43–128 unreserved characters');
  }
  const grant = world.authorizationCodes.get(code);
  if (!grant || grant.clientId !== clientId) return imsError(c, 400, 'invalid_grant', 'Unknown authorization code');
  if (grant.used) {
    if (grant.grantId) world.tokens.revokeGrant(grant.grantId);
    return imsError(c, 400, 'invalid_grant', 'The authorization code was already used');
  }
  grant.used = true;
  if (grant.expiresAt <= world.now()) return imsError(c, 400, 'invalid_grant', 'The authorization code has expired');
  const redirectUri = params.get('redirect_uri');
  if (redirectUri !== null && redirectUri !== grant.redirectUri) {
    return imsError(c, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  }
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  if (challenge !== grant.codeChallenge) {
    return imsError(c, 400, 'invalid_grant', 'code_verifier does not match the code_challenge');
  }

  const access = world.tokens.issue({
    kind: 'access',
    userId: grant.userId,
    clientId,
    origin: 'ims',
    ttlSeconds: world.config.tokenTtlSeconds,
    scope: grant.scope,
  });
  grant.grantId = access.grantId;
  const refreshToken = world.config.issueRefreshTokens
    ? world.tokens.issue({
        kind: 'refresh',
        userId: grant.userId,
        clientId,
        origin: 'ims',
        grantId: access.grantId,
        scope: grant.scope,
      })
    : undefined;
  return c.json(tokenAnswer(world, access, refreshToken));
}

function refresh(c: Context, world: SandboxWorld, params: URLSearchParams, clientId: string) {
  const refreshToken = params.get('refresh_token');
  if (!refreshToken) return imsError(c, 400, 'invalid_request', 'refresh_token is required');
  const check = world.tokens.check(refreshToken, 'refresh');
  if (!check.ok) return imsError(c, 400, 'invalid_grant', check.description);
  if (check.record.clientId !== clientId) return imsError(c, 400, 'invalid_grant', 'Unknown refresh token');
  if (!world.user(check.record.userId)) return imsError(c, 400, 'invalid_grant', 'The account no longer exists');
  const access = world.tokens.issue({
    kind: 'access',
    userId: check.record.userId,
    clientId,
    origin: 'ims',
    grantId: check.record.grantId,
    ttlSeconds: world.config.tokenTtlSeconds,
    // A refreshed token keeps the scopes of the sign-in.
    scope: check.record.scope,
  });
  // The refresh token is not rotated: it stays valid until logout or revocation.
  return c.json(tokenAnswer(world, access, check.record));
}

function tokenAnswer(world: SandboxWorld, access: TokenRecord, refreshToken: TokenRecord | undefined) {
  return {
    access_token: access.token,
    ...(refreshToken ? { refresh_token: refreshToken.token } : {}),
    sub: access.userId,
    token_type: 'bearer',
    expires_in: world.config.tokenTtlSeconds,
  };
}
