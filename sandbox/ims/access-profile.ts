import { Hono } from 'hono';
import { ACCESS_PROFILE_PATH } from '../../lib/ims/access-profile';
import { ACTIVE_STATUS_CODE } from '../../lib/service-codes';
import type { SandboxEnv } from '../app-env';
import { authenticate } from '../bearer';
import { apiError } from '../http-errors';
import type { ScenarioUser } from '../scenarios';
import type { SandboxWorld } from '../state';
import { serviceCodeFor } from './profile';

/**
 * The Access Profile API as modeled in the docs/ARCHITECTURE.md#ims-and-the-assets-api: `POST /webapps/access_profile/v3`
 * with the bearer token answers `{ asnp: { payload } }`, the payload base64 JSON with one
 * accessible item per org the user has Access Profile grants in. Fault injection applies here
 * like everywhere (status, malformed body, drop), so tests can take the source away.
 */

export function accessibleItemsOf(user: ScenarioUser) {
  const byOrg = new Map<string, Record<string, { enabled: boolean }>>();
  for (const grant of user.products) {
    if (grant.source !== 'accessProfile') continue;
    const items = byOrg.get(grant.orgId) ?? {};
    items[serviceCodeFor('accessProfile', grant.capability)] = { enabled: grant.statusCode === ACTIVE_STATUS_CODE };
    byOrg.set(grant.orgId, items);
  }
  return [...byOrg].map(([orgId, fulfillableItems]) => ({
    source: { owner_id: orgId, type: 'org' },
    fulfillable_items: fulfillableItems,
  }));
}

export function accessProfileRoutes(world: () => SandboxWorld) {
  const app = new Hono<SandboxEnv>();

  app.post(ACCESS_PROFILE_PATH, (c) => {
    const check = authenticate(c, world());
    if (!check.ok) return apiError(c, 401, 'UNAUTHORIZED', check.description);
    const user = world().user(check.record.userId);
    if (!user) return apiError(c, 401, 'UNAUTHORIZED', 'Unknown user');
    const payload = { appProfile: { accessibleItems: accessibleItemsOf(user) } };
    return c.json({ asnp: { payload: Buffer.from(JSON.stringify(payload), 'utf8').toString('base64') } });
  });

  return app;
}
