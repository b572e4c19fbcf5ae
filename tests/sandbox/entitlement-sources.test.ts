import { describe, expect, it } from 'vitest';
import { createAccessProfileClient } from '../../lib/ims/access-profile';
import { IMS_SCOPES, PROFILE_LIST_SCOPES, profileSchema } from '../../lib/ims/schemas';
import { SCENARIOS } from '../../sandbox/scenarios';
import { bearer, exchangeCode, sandboxForSuite, signInThroughPage } from './support';

const sandbox = sandboxForSuite();
const scenario = SCENARIOS.default;
const ada = scenario.users.find((user) => user.userId === scenario.consoleUserId);
const grace = scenario.users.find((user) => user.individualCc === 'CS_LVL_2');

async function tokenFor(userId: string, scopes: readonly string[]): Promise<string> {
  const signedIn = await signInThroughPage(sandbox, userId, scopes);
  const answer = await (await exchangeCode(sandbox, signedIn.code, signedIn.verifier)).json();
  return answer.access_token as string;
}

async function profileWith(token: string) {
  return profileSchema.parse(await (await fetch(sandbox.url('/ims/profile/v1'), { headers: bearer(token) })).json());
}

describe('the profile lists come with their scopes', () => {
  it('answers product contexts and service accounts for the scopes the extension asks for', async () => {
    if (!grace) throw new Error('the default scenario has a user with a paid individual plan');
    const profile = await profileWith(await tokenFor(grace.userId, IMS_SCOPES));
    expect(profile.projectedProductContext).toBeDefined();
    expect(profile.serviceAccounts).toEqual([
      expect.objectContaining({ serviceStatus: 'ACTIVE', serviceLevel: 'CS_LVL_2' }),
    ]);
  });

  it('leaves both lists out when the token lacks their scopes', async () => {
    if (!ada) throw new Error('the default scenario has a console user');
    const listScopes: readonly string[] = Object.values(PROFILE_LIST_SCOPES);
    const bare = IMS_SCOPES.filter((scope) => !listScopes.includes(scope));
    const profile = await profileWith(await tokenFor(ada.userId, bare));
    expect(profile.projectedProductContext).toBeUndefined();
    expect(profile.serviceAccounts).toBeUndefined();
  });

  it('answers an empty service-account list, not none at all, for a user without an individual plan', async () => {
    if (!ada) throw new Error('the default scenario has a console user');
    expect((await profileWith(await tokenFor(ada.userId, IMS_SCOPES))).serviceAccounts).toEqual([]);
  });
});

describe('the Access Profile API', () => {
  const client = () => createAccessProfileClient({ accessProfileBaseUrl: sandbox.server.apiBaseUrl });

  it('answers one item per org with Access Profile grants, decoded from base64 JSON', async () => {
    if (!ada) throw new Error('the default scenario has a console user');
    const items = await client().getAccessibleItems(await sandbox.mintToken(ada.userId));
    const grantedOrgs = new Set(ada.products.filter((p) => p.source === 'accessProfile').map((p) => p.orgId));
    expect(new Set(items.map((item) => item.source.owner_id))).toEqual(grantedOrgs);
    for (const item of items) {
      const grants = ada.products.filter((p) => p.source === 'accessProfile' && p.orgId === item.source.owner_id);
      expect(
        Object.values(item.fulfillable_items)
          .map((entry) => entry.enabled)
          .sort(),
      ).toEqual(grants.map((grant) => grant.statusCode === 'ACTIVE').sort());
    }
  });

  it('refuses a request without a valid bearer token', async () => {
    const response = await fetch(sandbox.url('/webapps/access_profile/v3'), { method: 'POST' });
    expect(response.status).toBe(401);
    await expect(client().getAccessibleItems('sbx_at_not-a-token')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('takes injected faults like every route', async () => {
    await sandbox.control('POST', 'faults', { method: 'POST', path: '/webapps/access_profile/v3', status: 503 });
    const token = await sandbox.mintToken(ada?.userId);
    await expect(client().getAccessibleItems(token)).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    await sandbox.control('POST', 'faults', {
      method: 'POST',
      path: '/webapps/access_profile/v3',
      status: 200,
      body: '{"asnp":{"payload":"bm90IGpzb24="}}',
    });
    await expect(client().getAccessibleItems(token)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});
