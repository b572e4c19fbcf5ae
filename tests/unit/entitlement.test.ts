import { describe, expect, it } from 'vitest';
import { buildEntitlementModel, prerequisitesOf, summarize, validateSwitchTarget } from '@/lib/entitlement/model';
import { entitlementModelSchema } from '@/lib/entitlement/schemas';
import {
  ACME,
  answered,
  BETA,
  CORP,
  connection,
  consoleInput,
  consoleUser,
  DUNNO,
  item,
  org,
  orgId,
  profile,
  UNAVAILABLE,
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

  it('marks the connected org as connected; Libraries, an assumed code it lacks, stay unknown', () => {
    expect(entitlementOf(BETA).badges).toEqual(['connected', 'ccActive', 'librariesUnknown']);
  });

  it('shows No CC entitlement only for CC a source says is disabled, and no Express badge for none', () => {
    expect(entitlementOf(CORP)).toMatchObject({ ccEntitlement: 'none', express: 'none', libraries: 'unknown' });
    expect(entitlementOf(CORP).badges).toEqual(['noCcEntitlement', 'librariesUnknown']);
  });

  it('shows CC, Express and Libraries unknown for an org no source covers', () => {
    expect(entitlementOf(DUNNO).badges).toEqual(['ccUnknown', 'expressUnknown', 'librariesUnknown']);
    expect(entitlementOf(DUNNO).decidedBy).toEqual({ ccEntitlement: null, express: null, libraries: null });
  });

  it('marks every org when the console user is not the signed-in user', () => {
    const model = buildEntitlementModel(consoleInput({ consoleUser: consoleUser('E9F8@AdobeID') }));
    expect(model.orgs.every((entry) => entry.badges.includes('differentUserId'))).toBe(true);
  });

  it('marks orgs missing from the policy allowlist as blocked by policy', () => {
    const input = consoleInput({ policy: { allowedOrgIds: [ACME], readOnly: false } });
    expect(entitlementOf(ACME, input).badges).not.toContain('blockedByPolicy');
    expect(entitlementOf(CORP, input).badges).toEqual(['noCcEntitlement', 'librariesUnknown', 'blockedByPolicy']);
  });
});

describe('the three states and their sources', () => {
  it('takes Express from an active product context, and says which source decided', () => {
    const input = consoleInput({ profile: profile(USER, [{ org: DUNNO, capability: 'express' }]) });
    const dunno = entitlementOf(DUNNO, input);
    expect(dunno).toMatchObject({ express: 'active', decidedBy: { express: 'productContext' } });
  });

  it('takes a product context of another status as none', () => {
    const input = consoleInput({ profile: profile(USER, [{ org: DUNNO, capability: 'express', status: 'EXPIRED' }]) });
    expect(entitlementOf(DUNNO, input)).toMatchObject({ express: 'none', decidedBy: { express: 'productContext' } });
  });

  it('lets active win over none, whichever source says which', () => {
    const input = consoleInput({
      profile: profile(USER, [{ org: CORP, capability: 'express', status: 'INACTIVE' }]),
      accessProfile: answered(item(CORP, { express: true })),
    });
    expect(entitlementOf(CORP, input)).toMatchObject({ express: 'active', decidedBy: { express: 'accessProfile' } });
  });

  it('reads a confirmed code missing from an org item as none, an assumed one as unknown', () => {
    const input = consoleInput({ accessProfile: answered(item(DUNNO, {})) });
    expect(entitlementOf(DUNNO, input)).toMatchObject({
      ccEntitlement: 'unknown',
      express: 'none',
      libraries: 'unknown',
      decidedBy: { ccEntitlement: null, express: 'accessProfile', libraries: null },
    });
  });

  it('says nothing about an org from another org item', () => {
    const input = consoleInput({ accessProfile: answered(item(ACME, { creativeCloud: false })) });
    expect(entitlementOf(DUNNO, input).ccEntitlement).toBe('unknown');
  });

  it('turns every Access Profile fact into unknown when the API is unavailable, and records why', () => {
    const model = buildEntitlementModel(consoleInput({ accessProfile: UNAVAILABLE }));
    expect(model.orgs.map((entry) => entry.ccEntitlement)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(model.sources.accessProfile).toBe('unavailable');
  });

  it('does not count a product context owned by the bare ident instead of the full org id', () => {
    const input = consoleInput({ profile: profile(USER, [{ org: 'D'.repeat(24), capability: 'express' }]) });
    expect(entitlementOf(DUNNO, input).express).toBe('unknown');
  });

  it('records whether the profile brought its lists', () => {
    const { projectedProductContext: _, ...bare } = profile(USER);
    expect(buildEntitlementModel(consoleInput({ profile: bare })).sources).toEqual({
      productContexts: 'missing',
      serviceAccounts: 'missing',
      accessProfile: 'answered',
    });
  });
});

describe('eligibility', () => {
  it('finds an org with active CC for the same admin user eligible, with nothing unknown', () => {
    expect(entitlementOf(ACME)).toMatchObject({ eligible: true, reasons: [], unknowns: [], connected: false });
  });

  it('keeps an org with unknown CC selectable and says the console decides', () => {
    expect(entitlementOf(DUNNO)).toMatchObject({ eligible: true, reasons: [], unknowns: ['CC_ENTITLEMENT'] });
  });

  it('refuses unknown CC when policy blocks unknown entitlements', () => {
    const input = consoleInput({ policy: { readOnly: false, blockUnknownEntitlements: true } });
    expect(entitlementOf(DUNNO, input)).toMatchObject({ eligible: false, reasons: ['CC_ENTITLEMENT_UNKNOWN'] });
    expect(entitlementOf(ACME, input).eligible).toBe(true);
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
    expect(validateSwitchTarget(orgId('E'), consoleInput())).toEqual(['NOT_ACCESSIBLE']);
  });

  it('refuses the org that is already connected', () => {
    expect(entitlementOf(BETA).reasons).toEqual(['ALREADY_CONNECTED']);
  });

  it('refuses an org whose CC a source shows disabled', () => {
    expect(entitlementOf(CORP).reasons).toEqual(['NO_CC_ENTITLEMENT']);
  });

  it('refuses every org when the console user is not an Assets admin', () => {
    const model = buildEntitlementModel(consoleInput({ consoleUser: consoleUser(USER, false) }));
    expect(model.orgs.every((entry) => entry.reasons.includes('NOT_ASSETS_ADMIN'))).toBe(true);
    expect(model.prerequisites).toEqual({ isAssetsAdmin: 'unmet', sameUserId: 'met' });
  });

  it('leaves both prerequisites unknown, not refused, when the console user cannot be asked', () => {
    const input = consoleInput({ consoleUser: undefined });
    expect(prerequisitesOf(input)).toEqual({ isAssetsAdmin: 'unknown', sameUserId: 'unknown' });
    expect(entitlementOf(ACME, input)).toMatchObject({
      eligible: true,
      reasons: [],
      unknowns: ['ASSETS_ADMIN', 'SAME_USER_ID'],
    });
    expect(entitlementOf(ACME, input).badges).not.toContain('differentUserId');
  });

  it('tells a personal Adobe ID from an enterprise ID with the same e-mail', () => {
    const personal = profile('11AA@AdobeID', [], {}, 'kim@acme.com');
    const input = consoleInput({ profile: personal, consoleUser: consoleUser('22BB@acme.com') });
    expect(prerequisitesOf(input)).toEqual({ isAssetsAdmin: 'met', sameUserId: 'unmet' });
    expect(entitlementOf(ACME, input)).toMatchObject({
      ccEntitlement: 'active',
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
      policy: { allowedOrgIds: [ACME], readOnly: true, blockUnknownEntitlements: true },
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
      'CC_ENTITLEMENT_UNKNOWN',
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
      total: 4,
      eligible: 2,
      ccActive: 2,
      ccUnknown: 1,
      blockedByPolicy: 0,
      connectedOrgId: BETA,
      connectedOrgName: 'Beta',
    });
  });

  it('reports a connected org this user cannot access, and no connection as null', () => {
    const elsewhere = consoleInput({ connection: connection({ id: orgId('E'), name: 'Elsewhere' }) });
    expect(summarize(buildEntitlementModel(elsewhere))).toMatchObject({ connectedOrgId: orgId('E'), eligible: 3 });
    const none = consoleInput({ connection: connection(null) });
    expect(summarize(buildEntitlementModel(none))).toMatchObject({ connectedOrgId: null, connectedOrgName: null });
  });
});
