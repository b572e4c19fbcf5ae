import { Hono } from 'hono';
import { z } from 'zod';
import { SANDBOX_CLIENT_ID } from '../lib/environment';
import { ORG_ID_PATTERN } from '../lib/org-id';
import type { SandboxEnv } from './app-env';
import { CONSOLE_ERROR_FORMS, PICKER_FORMS } from './console/picker-forms';
import { faultRequestSchema } from './faults';
import { apiError, readJsonBody } from './http-errors';
import { extensionAccessSchema, orgOf, scenarioNameSchema } from './scenarios';
import type { SandboxWorld } from './state';

/**
 * The control API under `/__sandbox/` that tests drive the sandbox with: reset and pick
 * a scenario, tune tokens, inject faults, read state, the request log and issued tokens,
 * mint tokens, and act as another admin.
 */

const emptySchema = z.strictObject({});
const scenarioSchema = z.strictObject({ name: scenarioNameSchema });
const configSchema = z.strictObject({
  tokenTtlSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600)
    .optional(),
  issueRefreshTokens: z.boolean().optional(),
});
const assetsApiSchema = z.strictObject({ extensionAccess: extensionAccessSchema });
const tokenSchema = z.strictObject({ userId: z.string().min(1).max(200).optional() });
const consoleSchema = z.strictObject({
  picker: z.enum(PICKER_FORMS).optional(),
  recreate: z.boolean().optional(),
  errors: z.enum(CONSOLE_ERROR_FORMS).optional(),
});
const connectionSchema = z.strictObject({
  orgId: z.string().regex(ORG_ID_PATTERN).nullable(),
  updatedBy: z.string().min(1).max(200).optional(),
});

export function controlRoutes(world: () => SandboxWorld) {
  const app = new Hono<SandboxEnv>().basePath('/__sandbox');

  app.get('/health', (c) => c.json({ ok: true, scenario: world().scenario.name }));

  app.post('/reset', async (c) => {
    const body = await readJsonBody(c, emptySchema, { emptyAsObject: true });
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    world().load();
    return c.json({ ok: true, scenario: world().scenario.name });
  });

  app.post('/scenario', async (c) => {
    const body = await readJsonBody(c, scenarioSchema);
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    world().load(body.data.name);
    return c.json({ ok: true, scenario: world().scenario.name });
  });

  app.post('/config', async (c) => {
    const body = await readJsonBody(c, configSchema);
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    const { tokenTtlSeconds, issueRefreshTokens } = body.data;
    if (tokenTtlSeconds !== undefined) world().config.tokenTtlSeconds = tokenTtlSeconds;
    if (issueRefreshTokens !== undefined) world().config.issueRefreshTokens = issueRefreshTokens;
    return c.json({ ok: true, config: world().config });
  });

  // How the Assets API answers the extension's client; reset brings back the scenario's default.
  app.post('/assets-api', async (c) => {
    const body = await readJsonBody(c, assetsApiSchema);
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    world().extensionAccess = body.data.extensionAccess;
    return c.json({ ok: true, extensionAccess: world().extensionAccess });
  });

  app.post('/faults', async (c) => {
    const body = await readJsonBody(c, faultRequestSchema);
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    return c.json({ id: world().faults.add(body.data).id });
  });
  app.get('/faults', (c) => c.json(world().faults.list()));
  app.delete('/faults', (c) => {
    world().faults.clear();
    return c.json({ ok: true });
  });

  app.post('/console', async (c) => {
    const body = await readJsonBody(c, consoleSchema);
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    const { picker, recreate, errors } = body.data;
    const w = world();
    if (picker) w.pickerForm = picker;
    w.consoleBehaviour = {
      recreate: recreate ?? w.consoleBehaviour.recreate,
      errors: errors ?? w.consoleBehaviour.errors,
    };
    return c.json({ ok: true, picker: w.pickerForm, ...w.consoleBehaviour });
  });

  app.get('/state', (c) => {
    const w = world();
    return c.json({
      scenario: w.scenario.name,
      connectedOrg: w.connectedOrg(),
      etag: w.connection.etag,
      updatedAt: w.connection.updatedAt,
      updatedBy: w.connection.updatedBy,
      appliedChanges: w.appliedChanges,
      externalChanges: w.externalChanges,
      putsByIdempotencyKey: Object.fromEntries(w.putsByIdempotencyKey),
      concurrentChangeArmed: w.concurrentChangeArmed,
      extensionAccess: w.extensionAccess,
      config: w.config,
      picker: w.pickerForm,
      consoleBehaviour: w.consoleBehaviour,
    });
  });

  app.get('/requests', (c) => c.json(world().requests.list()));
  app.delete('/requests', (c) => {
    world().requests.clear();
    return c.json({ ok: true });
  });

  app.post('/token', async (c) => {
    const body = await readJsonBody(c, tokenSchema, { emptyAsObject: true });
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    const userId = body.data.userId ?? world().consoleUser.userId;
    if (!world().user(userId)) return apiError(c, 404, 'NOT_FOUND', `No user ${userId} in this scenario`);
    const ttlSeconds = world().config.tokenTtlSeconds;
    const access = world().tokens.issue({
      kind: 'access',
      userId,
      clientId: SANDBOX_CLIENT_ID,
      origin: 'control',
      ttlSeconds,
    });
    return c.json({ access_token: access.token, expires_in: ttlSeconds, sub: userId });
  });

  app.post('/expire-tokens', async (c) => {
    const body = await readJsonBody(c, emptySchema, { emptyAsObject: true });
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    return c.json({ ok: true, expired: world().tokens.expireAccessTokens() });
  });

  app.get('/issued-tokens', (c) =>
    c.json(
      world().tokens.everIssued.map(({ token, kind, userId, origin, issuedAt }) => ({
        token,
        kind,
        userId,
        origin,
        issuedAt: new Date(issuedAt).toISOString(),
      })),
    ),
  );

  app.post('/connection', async (c) => {
    const body = await readJsonBody(c, connectionSchema);
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    const { orgId, updatedBy = world().scenario.otherAdminUserId } = body.data;
    if (orgId !== null && !orgOf(world().scenario, orgId)) {
      return apiError(c, 422, 'UNKNOWN_ORG', `No org ${orgId} in this scenario`);
    }
    world().changeConnection(orgId, updatedBy, 'external');
    return c.json({ ok: true, connectedOrg: world().connectedOrg(), etag: world().connection.etag });
  });

  app.post('/concurrent-change', async (c) => {
    const body = await readJsonBody(c, emptySchema, { emptyAsObject: true });
    if (!body.ok) return apiError(c, 400, 'BAD_REQUEST', body.message);
    world().concurrentChangeArmed = true;
    return c.json({ ok: true, armed: true });
  });

  return app;
}
