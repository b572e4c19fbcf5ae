import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { ASSETS_PATHS } from '../lib/assets/schemas';
import { SANDBOX_CLIENT_ID } from '../lib/environment';
import { ORG_ID_PATTERN } from '../lib/org-id';
import type { SandboxEnv } from './app-env';
import { authenticate } from './bearer';
import { apiError, readJsonBody } from './http-errors';
import { hasActiveCreativeCloud } from './ims/profile';
import type { SandboxWorld } from './state';

/**
 * The modeled AEM Assets API for the Creative Cloud connection (docs/ARCHITECTURE.md#ims-and-the-assets-api): who the
 * console user is, and the connection with real ETag / If-Match and Idempotency-Key rules.
 */

const switchBodySchema = z.strictObject({ orgId: z.string().regex(ORG_ID_PATTERN, 'orgId must be …@AdobeOrg') });
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

type Verdict = { status: ContentfulStatusCode; body: unknown; etag?: string };

export function assetsRoutes(world: () => SandboxWorld) {
  const app = new Hono<SandboxEnv>();

  app.get(ASSETS_PATHS.me, (c) => {
    const refusal = checkCaller(c, world());
    if (refusal) return refusal;
    const { userId, isAssetsAdmin } = world().consoleUser;
    return c.json({ userId, isAssetsAdmin });
  });

  app.get(ASSETS_PATHS.ccConnection, (c) => {
    const refusal = checkCaller(c, world());
    if (refusal) return refusal;
    const answer = c.json(connectionBody(world()), 200, { ETag: world().connection.etag, 'Cache-Control': 'no-store' });
    // concurrent-admin: another admin acts right after this read, so the reader's ETag goes stale.
    world().runConcurrentChange();
    return answer;
  });

  app.put(ASSETS_PATHS.ccConnection, async (c) => {
    const refusal = checkCaller(c, world());
    if (refusal) return refusal;
    const ifMatch = c.req.header('If-Match');
    if (!ifMatch) return apiError(c, 428, 'PRECONDITION_REQUIRED', 'Send If-Match with the ETag you last read');
    const key = c.req.header('Idempotency-Key');
    if (!key) return apiError(c, 400, 'BAD_REQUEST', 'Send an Idempotency-Key header (a UUID) with every PUT');
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) return apiError(c, 400, 'BAD_REQUEST', 'Idempotency-Key is malformed');
    const puts = world().putsByIdempotencyKey;
    puts.set(key, (puts.get(key) ?? 0) + 1);

    const body = await readJsonBody(c, switchBodySchema);
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);

    const earlier = world().idempotentReplies.get(key);
    if (earlier && earlier.fingerprint !== body.data.orgId) {
      return apiError(c, 422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request body');
    }
    const verdict: Verdict = earlier
      ? { status: earlier.status as ContentfulStatusCode, body: earlier.body, etag: earlier.etag }
      : decideSwitch(c, world(), ifMatch, body.data.orgId);
    if (!earlier) world().idempotentReplies.set(key, { fingerprint: body.data.orgId, ...verdict, etag: verdict.etag });
    return c.json(verdict.body, verdict.status, verdict.etag ? { ETag: verdict.etag } : {});
  });

  return app;
}

/** Bearer token, API key and AEM org header, as the API gateway checks them. */
function checkCaller(c: Context, world: SandboxWorld): Response | undefined {
  const check = authenticate(c, world);
  if (!check.ok) return apiError(c, 401, 'UNAUTHORIZED', check.description);
  if (c.req.header('x-api-key') !== check.record.clientId) {
    return apiError(c, 400, 'BAD_REQUEST', "Send x-api-key with the token's client id");
  }
  const refusal = refusalOfExtensionClient(c, world, check.record.clientId);
  if (refusal) return refusal;
  if (c.req.header('x-gw-ims-org-id') !== world.scenario.aemOrg.id) {
    return apiError(c, 400, 'BAD_REQUEST', "Send x-gw-ims-org-id with this console's AEM org id");
  }
  return undefined;
}

/**
 * The console's API is private: a gateway that knows only the console's own client refuses
 * any other one, either plainly (403) or by hiding the route (404). Which one is a setting.
 */
function refusalOfExtensionClient(c: Context, world: SandboxWorld, clientId: string): Response | undefined {
  if (clientId !== SANDBOX_CLIENT_ID) return undefined;
  if (world.extensionAccess === 'forbidden') {
    return apiError(c, 403, 'CLIENT_NOT_ALLOWED', 'This API does not accept tokens of this client');
  }
  if (world.extensionAccess === 'not-found') return apiError(c, 404, 'NOT_FOUND', 'No such resource');
  return undefined;
}

function decideSwitch(c: Context, world: SandboxWorld, ifMatch: string, orgId: string): Verdict {
  const refuse = (status: ContentfulStatusCode, code: string, message: string): Verdict => ({
    status,
    body: { error: { code, message } },
  });
  const check = authenticate(c, world);
  const tokenUser = check.ok ? world.user(check.record.userId) : undefined;
  if (!tokenUser) return refuse(401, 'UNAUTHORIZED', 'Unknown user');
  if (!tokenUser.isAssetsAdmin) return refuse(403, 'NOT_ASSETS_ADMIN', 'Only Assets administrators can change this');
  if (!etagMatches(ifMatch, world.connection.etag)) {
    return refuse(412, 'STALE_STATE', 'The connection changed since you read it; read it again');
  }
  if (!tokenUser.orgIds.includes(orgId)) return refuse(422, 'UNKNOWN_ORG', 'You are not a member of that org');
  if (tokenUser.userId !== world.consoleUser.userId) {
    return refuse(422, 'DIFFERENT_USER_ID', 'The signed-in user is not the user of this console');
  }
  if (!hasActiveCreativeCloud(tokenUser, orgId)) {
    return refuse(422, 'NO_CC_ENTITLEMENT', 'This user ID has no active Creative Cloud entitlement in that org');
  }
  const connection = world.changeConnection(orgId, tokenUser.userId, 'put');
  return { status: 200, body: connectionBody(world), etag: connection.etag };
}

function connectionBody(world: SandboxWorld) {
  const { updatedAt, updatedBy } = world.connection;
  return { connectedOrg: world.connectedOrg(), updatedAt, updatedBy };
}

/** If-Match: `*`, or one of a comma-separated list; weak and strong forms compare equal. */
function etagMatches(ifMatch: string, current: string): boolean {
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(current));
}
