import { describe, expect, it } from 'vitest';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import { organizationsSchema, profileSchema } from '../../lib/ims/schemas';
import { ORG_ID_PATTERN, orgIdFromRef } from '../../lib/org-id';
import { SERVICE_CODES } from '../../lib/service-codes';
import { SCENARIO_NAMES, SCENARIOS, type Scenario } from '../../sandbox/scenarios';
import { shownState } from '../e2e/support/entitlement-truth';
import { bearer, sandboxForSuite } from './support';

const sandbox = sandboxForSuite();

const ccActiveOrgs = (scenario: Scenario, userId: string) =>
  new Set(scenario.users.find((u) => u.userId === userId)?.ccOrgIds);

describe('scenario data', () => {
  for (const name of SCENARIO_NAMES) {
    it(`${name}: ids are well-formed and unique, and every reference resolves`, () => {
      const scenario = SCENARIOS[name];
      expect(scenario.name).toBe(name);
      const orgIds = scenario.orgs.map((o) => o.id);
      expect(new Set(orgIds).size).toBe(orgIds.length);
      for (const id of orgIds) expect(id).toMatch(ORG_ID_PATTERN);
      const userIds = scenario.users.map((u) => u.userId);
      expect(new Set(userIds).size).toBe(userIds.length);
      for (const id of userIds) expect(id).toMatch(/^[0-9A-F]{24}@AdobeID$/);

      expect(orgIds).toContain(scenario.aemOrg.id);
      expect(userIds).toContain(scenario.consoleUserId);
      expect(userIds).toContain(scenario.otherAdminUserId);
      const { orgId } = scenario.initialConnection;
      if (orgId !== null) expect(orgIds).toContain(orgId);
      for (const user of scenario.users) {
        for (const id of user.orgIds) expect(orgIds).toContain(id);
        for (const product of user.products) expect(user.orgIds).toContain(product.orgId);
        // One source says one thing about one capability of one org (an item has one entry per code).
        const keys = user.products.map((p) => `${p.source}/${p.orgId}/${p.capability}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    });
  }

  it('default: every capability in all three states, an odd org name, one connected org, an admin console user', () => {
    const scenario = SCENARIOS.default;
    const admin = scenario.users.find((u) => u.userId === scenario.consoleUserId);
    if (!admin) throw new Error('no console user');
    expect(admin.isAssetsAdmin).toBe(true);
    for (const capability of ['creativeCloud', 'express', 'libraries'] as const) {
      const states = new Set(admin.orgIds.map((orgId) => shownState(admin, orgId, capability)));
      expect([capability, [...states].sort()]).toEqual([capability, ['active', 'none', 'unknown']]);
    }
    // Enterprise orgs whose CC no source shows: the console lets one switch through and refuses the other.
    const unknownCc = admin.orgIds.filter((orgId) => shownState(admin, orgId, 'creativeCloud') === 'unknown');
    expect(unknownCc.some((orgId) => admin.ccOrgIds.includes(orgId))).toBe(true);
    expect(unknownCc.some((orgId) => !admin.ccOrgIds.includes(orgId))).toBe(true);
    expect(
      scenario.orgs.some((o) => o.name.includes('<img src=x onerror=alert(1)>') && o.name.includes('Åsa & Söner AB')),
    ).toBe(true);
    expect(scenario.initialConnection.orgId).toBe(scenario.aemOrg.id);
  });

  for (const name of SCENARIO_NAMES) {
    it(`${name}: what IMS shows about CC agrees with the truth the console decides by`, () => {
      for (const user of SCENARIOS[name].users) {
        for (const orgId of user.orgIds) {
          const shown = shownState(user, orgId, 'creativeCloud');
          if (shown !== 'unknown') expect(user.ccOrgIds.includes(orgId)).toBe(shown === 'active');
        }
      }
    });
  }

  it('many-orgs: 1,000 orgs, a few hundred with active CC', () => {
    const scenario = SCENARIOS['many-orgs'];
    expect(scenario.orgs).toHaveLength(1000);
    const entitled = ccActiveOrgs(scenario, scenario.consoleUserId).size;
    expect(entitled).toBeGreaterThanOrEqual(200);
    expect(entitled).toBeLessThan(500);
  });

  it('same-email-different-ids: a personal and an enterprise account share an e-mail; only the personal one has CC there', () => {
    const scenario = SCENARIOS['same-email-different-ids'];
    const personal = scenario.users.find((u) => u.accountType === 'type1');
    const enterprise = scenario.users.find((u) => u.accountType === 'type2' && u.email === personal?.email);
    expect(personal && enterprise && personal.userId !== enterprise.userId).toBe(true);
    expect(scenario.consoleUserId).toBe(enterprise?.userId);
    expect(ccActiveOrgs(scenario, personal?.userId ?? '').size).toBeGreaterThan(0);
    expect(ccActiveOrgs(scenario, enterprise?.userId ?? '').size).toBe(0);
  });

  it('not-admin and no-entitled-orgs say what their names promise', () => {
    const notAdmin = SCENARIOS['not-admin'];
    expect(notAdmin.users.find((u) => u.userId === notAdmin.consoleUserId)?.isAssetsAdmin).toBe(false);
    const none = SCENARIOS['no-entitled-orgs'];
    for (const user of none.users.filter((u) => u.userId === none.consoleUserId)) {
      expect(ccActiveOrgs(none, user.userId).size).toBe(0);
    }
    expect(SCENARIOS['concurrent-admin'].concurrentChangeArmed).toBe(true);
  });
});

describe('every scenario loads', () => {
  for (const name of SCENARIO_NAMES) {
    it(`${name}: health, console session and IMS answers match the data`, async () => {
      await sandbox.useScenario(name);
      const scenario = SCENARIOS[name];
      expect(await sandbox.control('GET', 'health')).toMatchObject({ ok: true, scenario: name });

      const session = await (await fetch(sandbox.url('/console/session'))).json();
      const consoleUser = scenario.users.find((u) => u.userId === scenario.consoleUserId);
      expect(session).toMatchObject({
        accessToken: expect.any(String),
        user: { userId: consoleUser?.userId, name: consoleUser?.name, email: consoleUser?.email },
        aemOrg: scenario.aemOrg,
      });

      const headers = bearer(session.accessToken);
      const profile = profileSchema.parse(await (await fetch(sandbox.url('/ims/profile/v1'), { headers })).json());
      const orgs = organizationsSchema.parse(
        await (await fetch(sandbox.url('/ims/organizations/v6'), { headers })).json(),
      );
      expect(orgs.map((o) => orgIdFromRef(o.orgRef))).toEqual(consoleUser?.orgIds);
      const knownCodes = SERVICE_CODES.filter((entry) => entry.source === 'productContext').map((entry) => entry.code);
      for (const { prodCtx } of profile.projectedProductContext ?? []) {
        expect(knownCodes).toContain(prodCtx.serviceCode);
      }
      const read = await fetch(sandbox.url(ASSETS_PATHS.ccConnection), {
        headers: { ...sandbox.assetsHeaders(session.accessToken), 'x-api-key': session.clientId },
      });
      const etag = read.headers.get('ETag');
      const body = (await read.json()) as { connectedOrg: { id: string } | null };
      expect(etag).toBeTruthy();
      expect(body.connectedOrg?.id ?? null).toBe(scenario.initialConnection.orgId);
    });
  }

  it('refuses an unknown scenario name with 400', async () => {
    const response = await fetch(sandbox.url('/__sandbox/scenario'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'nope' }),
    });
    expect(response.status).toBe(400);
  });
});
