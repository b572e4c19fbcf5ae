import { describe, expect, it } from 'vitest';
import { buildEntitlementModel, prerequisitesOf, summarize, validateSwitchTarget } from '@/lib/entitlement/model';
import { entitlementModelSchema } from '@/lib/entitlement/schemas';
import {
  ACME,
  BETA,
  CORP,
  connection,
  consoleInput,
  consoleUser,
  org,
  orgId,
  profile,
  USER,
} from './entitlement-fixtures';

function entitlementOf(id: string, input = consoleInput()) {
  const entry = buildEntitlementModel(input).orgs.find((candidate) => candidate.orgId === id);
  if (!entry) throw new Error(`${id} is not in the model`);
  return entry;
}

describe('badges', () => {
  it('marks an org with active CC, Express and Libraries, in display order', () => {
    expect(entitlementOf(ACME).badges).toEqual(['ccActive', 'express', 'libraries']);
  });

  it('marks the connected org as connected', () => {
    expect(entitlementOf(BETA).badges).toEqual(['connected', 'ccActive']);
  });

  it('marks an org without any product as having no CC entitlement', () => {
    expect(entitlementOf(CORP).badges).toEqual(['noCcEntitlement']);
  });

  it('marks every org when the console user is not the signed-in user', () => {
    const model = buildEntitlementModel(consoleInput({ consoleUser: consoleUser('E9F8@AdobeID') }));
    expect(model.orgs.every((entry) => entry.badges.includes('differentUserId'))).toBe(true);
  });

  it('marks orgs missing from the policy allowlist as blocked by policy', () => {
    const input = consoleInput({ policy: { allowedOrgIds: [ACME], readOnly: false } });
    expect(entitlementOf(ACME, input).badges).not.toContain('blockedByPolicy');
    expect(entitlementOf(CORP, input).badges).toEqual(['noCcEntitlement', 'blockedByPolicy']);
  });

  it('shows Express without CC as Express plus no CC entitlement, and refuses the switch', () => {
    const input = consoleInput({ profile: profile(USER, [{ org: CORP, capability: 'express' }]) });
    const corp = entitlementOf(CORP, input);
    expect(corp).toMatchObject({ ccEntitlement: 'none', express: true, libraries: false, eligible: false });
    expect(corp.badges).toEqual(['noCcEntitlement', 'express']);
    expect(corp.reasons).toEqual(['NO_CC_ENTITLEMENT']);
  });
});

describe('eligibility', () => {
  it('finds an org with active CC for the same admin user eligible', () => {
    expect(entitlementOf(ACME)).toMatchObject({ eligible: true, reasons: [], connected: false, sameUserId: true });
  });

  it('refuses an org id that is not 24 upper-case hex digits @AdobeOrg', () => {
    expect(validateSwitchTarget('acme@AdobeOrg', consoleInput())).toContain('INVALID_ORG_ID');
    expect(validateSwitchTarget(ACME.toLowerCase(), consoleInput())).toContain('INVALID_ORG_ID');
  });

  it('refuses a malformed org id even when IMS lists it', () => {
    const odd = 'not-hex@AdobeOrg';
    const input = consoleInput({ organizations: [org(odd, 'Odd')] });
    expect(entitlementOf(odd, input).reasons[0]).toBe('INVALID_ORG_ID');
  });

  it('refuses a well-formed org this user cannot access', () => {
    expect(validateSwitchTarget(orgId('D'), consoleInput())).toEqual(['NOT_ACCESSIBLE', 'NO_CC_ENTITLEMENT']);
  });

  it('refuses the org that is already connected', () => {
    expect(entitlementOf(BETA).reasons).toEqual(['ALREADY_CONNECTED']);
  });

  it('refuses an org with no CC entitlement for this user id', () => {
    expect(entitlementOf(CORP).reasons).toEqual(['NO_CC_ENTITLEMENT']);
  });

  it('does not count a CC product context that is not active', () => {
    const input = consoleInput({
      profile: profile(USER, [{ org: ACME, capability: 'creativeCloud', status: 'EXPIRED' }]),
    });
    expect(entitlementOf(ACME, input)).toMatchObject({ ccEntitlement: 'none', reasons: ['NO_CC_ENTITLEMENT'] });
  });

  it('does not count a product context owned by the bare ident instead of the full org id', () => {
    const input = consoleInput({ profile: profile(USER, [{ org: 'A'.repeat(24), capability: 'creativeCloud' }]) });
    expect(entitlementOf(ACME, input).ccEntitlement).toBe('none');
  });

  it('treats a profile without product contexts as entitled to nothing', () => {
    const { projectedProductContext: _, ...bare } = profile(USER, []);
    expect(entitlementOf(ACME, consoleInput({ profile: bare })).reasons).toEqual(['NO_CC_ENTITLEMENT']);
  });

  it('refuses every org when the console user is not an Assets admin', () => {
    const model = buildEntitlementModel(consoleInput({ consoleUser: consoleUser(USER, false) }));
    expect(model.orgs.every((entry) => entry.reasons.includes('NOT_ASSETS_ADMIN'))).toBe(true);
    expect(model.prerequisites).toEqual({ isAssetsAdmin: false, sameUserId: true });
  });

  it('tells a personal Adobe ID from an enterprise ID with the same e-mail', () => {
    const personal = profile('11AA@AdobeID', [{ org: ACME, capability: 'creativeCloud' }], 'kim@acme.com');
    const enterpriseConsoleUser = consoleUser('22BB@acme.com');
    const input = consoleInput({ profile: personal, consoleUser: enterpriseConsoleUser });
    expect(prerequisitesOf(input)).toEqual({ isAssetsAdmin: true, sameUserId: false });
    expect(entitlementOf(ACME, input)).toMatchObject({
      ccEntitlement: 'active',
      sameUserId: false,
      eligible: false,
      reasons: ['DIFFERENT_USER_ID'],
    });
  });

  it('refuses an org missing from the policy allowlist, and none when there is no allowlist', () => {
    const blocked = consoleInput({ policy: { allowedOrgIds: [BETA], readOnly: false } });
    expect(entitlementOf(ACME, blocked).reasons).toEqual(['BLOCKED_BY_POLICY']);
    expect(entitlementOf(ACME, consoleInput({ policy: { readOnly: false } })).reasons).toEqual([]);
  });

  it('treats an empty allowlist as allowing nothing', () => {
    const input = consoleInput({ policy: { allowedOrgIds: [], readOnly: false } });
    expect(entitlementOf(ACME, input).reasons).toEqual(['BLOCKED_BY_POLICY']);
  });

  it('refuses every switch in read-only mode', () => {
    const model = buildEntitlementModel(consoleInput({ policy: { readOnly: true } }));
    expect(model.orgs.find((entry) => entry.orgId === ACME)?.reasons).toEqual(['READ_ONLY']);
    expect(model.orgs.some((entry) => entry.eligible)).toBe(false);
  });

  it('lists every reason that applies, in the validation order', () => {
    const input = consoleInput({
      consoleUser: consoleUser('E9F8@AdobeID', false),
      connection: connection({ id: CORP, name: 'Corp' }),
      policy: { allowedOrgIds: [ACME], readOnly: true },
    });
    expect(entitlementOf(CORP, input).reasons).toEqual([
      'ALREADY_CONNECTED',
      'NO_CC_ENTITLEMENT',
      'NOT_ASSETS_ADMIN',
      'DIFFERENT_USER_ID',
      'BLOCKED_BY_POLICY',
      'READ_ONLY',
    ]);
    expect(validateSwitchTarget('corp', input)).toEqual([
      'INVALID_ORG_ID',
      'NOT_ACCESSIBLE',
      'NO_CC_ENTITLEMENT',
      'NOT_ASSETS_ADMIN',
      'DIFFERENT_USER_ID',
      'BLOCKED_BY_POLICY',
      'READ_ONLY',
    ]);
  });
});

describe('the model', () => {
  it('keeps the IMS list order and lists an org IMS repeats once', () => {
    const input = consoleInput({ organizations: [org(CORP, 'Corp'), org(ACME, 'Acme'), org(CORP, 'Corp again')] });
    expect(buildEntitlementModel(input).orgs.map((entry) => entry.orgName)).toEqual(['Corp', 'Acme']);
  });

  it('parses with its own schema, so the content script can validate what the worker sends', () => {
    const model = buildEntitlementModel(consoleInput());
    expect(entitlementModelSchema.parse(model)).toEqual(model);
  });

  it('summarizes counts and the connected org for the popup', () => {
    expect(summarize(buildEntitlementModel(consoleInput()))).toEqual({
      total: 3,
      eligible: 1,
      ccActive: 2,
      blockedByPolicy: 0,
      connectedOrgId: BETA,
      connectedOrgName: 'Beta',
    });
  });

  it('reports a connected org this user cannot access, and no connection as null', () => {
    const elsewhere = consoleInput({ connection: connection({ id: orgId('E'), name: 'Elsewhere' }) });
    expect(summarize(buildEntitlementModel(elsewhere))).toMatchObject({ connectedOrgId: orgId('E'), eligible: 2 });
    const none = consoleInput({ connection: connection(null) });
    expect(summarize(buildEntitlementModel(none))).toMatchObject({ connectedOrgId: null, connectedOrgName: null });
  });
});
