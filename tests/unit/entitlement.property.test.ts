import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BADGES } from '@/lib/entitlement/badges';
import { buildEntitlementModel, type EntitlementInput, validateSwitchTarget } from '@/lib/entitlement/model';
import { entitlementModelSchema } from '@/lib/entitlement/schemas';
import { ORG_ID_PATTERN } from '@/lib/org-id';
import { ACTIVE_STATUS_CODE, SERVICE_CODES } from '@/lib/service-codes';
import { connection, consoleUser, org, orgId } from './entitlement-fixtures';

// A small pool so that contexts, items, the connection and the allowlist often hit listed
// orgs; two malformed ids that IMS could still hand us.
const VALID_IDS = ['A', 'B', 'C', 'D', 'E', 'F'].map(orgId);
const ORG_IDS = [...VALID_IDS, 'abc@AdobeOrg', orgId('a')];
const USER_IDS = ['11AA@AdobeID', '22BB@acme.com'];
const codesIn = (source: string) => SERVICE_CODES.filter((entry) => entry.source === source).map((entry) => entry.code);
// Every code of the table, plus codes that mean nothing to us.
const CONTEXT_CODES = [...new Set(codesIn('productContext'))];
const ITEM_CODES = [...new Set(codesIn('accessProfile'))];
const codeArbitrary = (codes: string[]) => fc.oneof(fc.constantFrom(...codes), fc.string({ maxLength: 6 }));

const inputArbitrary = fc
  .record({
    orgs: fc.array(fc.record({ id: fc.constantFrom(...ORG_IDS), name: fc.string() }), { maxLength: 8 }),
    contexts: fc.array(
      fc.record({
        org: fc.constantFrom(...ORG_IDS),
        code: codeArbitrary(CONTEXT_CODES),
        status: fc.constantFrom(ACTIVE_STATUS_CODE, 'INACTIVE', 'EXPIRED'),
      }),
      { maxLength: 8 },
    ),
    accessProfile: fc.option(
      fc.array(
        fc.record({
          owner: fc.constantFrom(...ORG_IDS),
          codes: fc.dictionary(codeArbitrary(ITEM_CODES), fc.boolean(), { maxKeys: 4 }),
        }),
        { maxLength: 6 },
      ),
      { nil: undefined },
    ),
    signedInUser: fc.constantFrom(...USER_IDS),
    consoleUser: fc.option(fc.record({ id: fc.constantFrom(...USER_IDS), isAssetsAdmin: fc.boolean() }), {
      nil: undefined,
    }),
    connectedId: fc.option(fc.constantFrom(...VALID_IDS), { nil: null }),
    allowedOrgIds: fc.option(fc.subarray(ORG_IDS), { nil: undefined }),
    readOnly: fc.boolean(),
    blockUnknownEntitlements: fc.boolean(),
  })
  .map((drawn) => {
    const input: EntitlementInput = {
      profile: {
        userId: drawn.signedInUser,
        account_type: 'type2',
        email: 'kim@example.com',
        name: 'Kim',
        projectedProductContext: drawn.contexts.map(({ org: owner, code, status }) => ({
          prodCtx: { serviceCode: code, owningEntity: owner, statusCode: status },
        })),
      },
      organizations: drawn.orgs.map(({ id, name }) => org(id, name)),
      consoleUser: drawn.consoleUser && consoleUser(drawn.consoleUser.id, drawn.consoleUser.isAssetsAdmin),
      connection: connection(drawn.connectedId ? { id: drawn.connectedId, name: 'Connected' } : null),
      policy: {
        allowedOrgIds: drawn.allowedOrgIds,
        readOnly: drawn.readOnly,
        blockUnknownEntitlements: drawn.blockUnknownEntitlements,
      },
      accessProfile: drawn.accessProfile
        ? {
            status: 'answered',
            items: drawn.accessProfile.map(({ owner, codes }) => ({
              source: { owner_id: owner },
              fulfillable_items: Object.fromEntries(
                Object.entries(codes).map(([code, enabled]) => [code, { enabled }]),
              ),
            })),
          }
        : { status: 'unavailable' },
    };
    return { drawn, input };
  });

type Drawn = DrawnOf<typeof inputArbitrary>;
type DrawnOf<A> = A extends fc.Arbitrary<{ drawn: infer D }> ? D : never;

/**
 * The CC state stated from the raw draw with a plain scan, independent of the model's index.
 * No product-context code means CC and the Access Profile code for it is assumed: only an
 * explicit `enabled` decides.
 */
function expectedCc(drawn: Drawn, id: string): 'active' | 'none' | 'unknown' {
  const ccCodes = SERVICE_CODES.filter((entry) => entry.capability === 'creativeCloud');
  const says = (enabled: boolean) =>
    drawn.accessProfile?.some(
      (entry) =>
        entry.owner === id && ccCodes.some((cc) => cc.source === 'accessProfile' && entry.codes[cc.code] === enabled),
    ) ||
    drawn.contexts.some(
      (context) =>
        context.org === id &&
        ccCodes.some((cc) => cc.source === 'productContext' && cc.code === context.code) &&
        (context.status === ACTIVE_STATUS_CODE) === enabled,
    );
  if (says(true)) return 'active';
  if (says(false)) return 'none';
  return 'unknown';
}

describe('entitlement model properties', () => {
  // The validation and its three states: docs/ARCHITECTURE.md#eligibility-and-badges.
  it('finds an org eligible exactly when no refusal reason applies (three states)', () => {
    fc.assert(
      fc.property(inputArbitrary, ({ drawn, input }) => {
        for (const entry of buildEntitlementModel(input).orgs) {
          const cc = expectedCc(drawn, entry.orgId);
          const user = drawn.consoleUser;
          const expected =
            ORG_ID_PATTERN.test(entry.orgId) &&
            entry.orgId !== drawn.connectedId &&
            cc !== 'none' &&
            !(cc === 'unknown' && drawn.blockUnknownEntitlements) &&
            // An unknown prerequisite (no console user) is not a refusal.
            (user === undefined || (user.isAssetsAdmin && user.id === drawn.signedInUser)) &&
            (drawn.allowedOrgIds === undefined || drawn.allowedOrgIds.includes(entry.orgId)) &&
            !drawn.readOnly;
          expect(entry.ccEntitlement).toBe(cc);
          expect(entry.eligible).toBe(expected);
          expect(entry.eligible).toBe(entry.reasons.length === 0);
        }
      }),
    );
  });

  it('never shows No CC entitlement for an unknown entitlement, and shows exactly one CC badge', () => {
    fc.assert(
      fc.property(inputArbitrary, ({ input }) => {
        for (const entry of buildEntitlementModel(input).orgs) {
          const ccBadges = entry.badges.filter((badge) => ['ccActive', 'noCcEntitlement', 'ccUnknown'].includes(badge));
          expect(ccBadges).toHaveLength(1);
          expect(entry.badges.includes('noCcEntitlement')).toBe(entry.ccEntitlement === 'none');
          if (entry.ccEntitlement === 'unknown') {
            expect(entry.badges).toContain('ccUnknown');
            expect(entry.unknowns).toContain('CC_ENTITLEMENT');
            expect(entry.decidedBy.ccEntitlement).toBeNull();
          } else {
            expect(entry.decidedBy.ccEntitlement).not.toBeNull();
          }
        }
      }),
    );
  });

  it('shows no Express or Libraries badge for none, and an unknown badge only for unknown', () => {
    fc.assert(
      fc.property(inputArbitrary, ({ input }) => {
        for (const entry of buildEntitlementModel(input).orgs) {
          expect(entry.badges.includes('express')).toBe(entry.express === 'active');
          expect(entry.badges.includes('expressUnknown')).toBe(entry.express === 'unknown');
          expect(entry.badges.includes('libraries')).toBe(entry.libraries === 'active');
          expect(entry.badges.includes('librariesUnknown')).toBe(entry.libraries === 'unknown');
        }
      }),
    );
  });

  it('gives each listed org the same reasons as validating it as a switch target', () => {
    fc.assert(
      fc.property(inputArbitrary, ({ input }) => {
        for (const entry of buildEntitlementModel(input).orgs) {
          expect(validateSwitchTarget(entry.orgId, input)).toEqual(entry.reasons);
        }
      }),
    );
  });

  it('keeps badges in display order, and the model parses with its schema', () => {
    fc.assert(
      fc.property(inputArbitrary, ({ input }) => {
        const model = buildEntitlementModel(input);
        for (const entry of model.orgs) {
          const positions = entry.badges.map((badge) => BADGES.indexOf(badge));
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        }
        expect(entitlementModelSchema.safeParse(model).success).toBe(true);
      }),
    );
  });

  it('refuses any string that is not an org id as INVALID_ORG_ID first', () => {
    fc.assert(
      fc.property(
        inputArbitrary,
        fc.string().filter((candidate) => !ORG_ID_PATTERN.test(candidate)),
        ({ input }, candidate) => {
          expect(validateSwitchTarget(candidate, input)[0]).toBe('INVALID_ORG_ID');
        },
      ),
    );
  });
});
