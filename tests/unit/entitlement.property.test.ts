import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEntitlementModel, validateSwitchTarget } from '@/lib/entitlement/model';
import { BADGES, entitlementModelSchema } from '@/lib/entitlement/schemas';
import { ORG_ID_PATTERN } from '@/lib/org-id';
import { ACTIVE_STATUS_CODE, type Capability, SERVICE_CODES } from '@/lib/service-codes';
import { connection, consoleUser, org, orgId, profile } from './entitlement-fixtures';

// A small pool so that products, the connection and the allowlist often hit listed orgs;
// two malformed ids that IMS could still hand us.
const VALID_IDS = ['A', 'B', 'C', 'D', 'E', 'F'].map(orgId);
const ORG_IDS = [...VALID_IDS, 'abc@AdobeOrg', orgId('a')];
const USER_IDS = ['11AA@AdobeID', '22BB@acme.com'];
const CAPABILITIES = Object.keys(SERVICE_CODES) as Capability[];

const inputArbitrary = fc
  .record({
    orgs: fc.array(fc.record({ id: fc.constantFrom(...ORG_IDS), name: fc.string() }), { maxLength: 10 }),
    products: fc.array(
      fc.record({
        org: fc.constantFrom(...ORG_IDS),
        capability: fc.constantFrom(...CAPABILITIES),
        status: fc.constantFrom(ACTIVE_STATUS_CODE, 'INACTIVE', 'EXPIRED'),
      }),
      { maxLength: 12 },
    ),
    signedInUser: fc.constantFrom(...USER_IDS),
    consoleUserId: fc.constantFrom(...USER_IDS),
    isAssetsAdmin: fc.boolean(),
    connectedId: fc.option(fc.constantFrom(...VALID_IDS), { nil: null }),
    allowedOrgIds: fc.option(fc.subarray(ORG_IDS), { nil: undefined }),
    readOnly: fc.boolean(),
  })
  .map((drawn) => ({
    drawn,
    input: {
      profile: profile(drawn.signedInUser, drawn.products),
      organizations: drawn.orgs.map(({ id, name }) => org(id, name)),
      consoleUser: consoleUser(drawn.consoleUserId, drawn.isAssetsAdmin),
      connection: connection(drawn.connectedId ? { id: drawn.connectedId, name: 'Connected' } : null),
      policy: { allowedOrgIds: drawn.allowedOrgIds, readOnly: drawn.readOnly },
    },
  }));

describe('entitlement model properties', () => {
  it('finds an org eligible exactly when every prerequisite of DESIGN §5 holds', () => {
    fc.assert(
      fc.property(inputArbitrary, ({ drawn, input }) => {
        for (const entry of buildEntitlementModel(input).orgs) {
          // Stated from the raw inputs with a plain scan, independent of the model's index.
          const hasActiveCc = drawn.products.some(
            (product) =>
              product.org === entry.orgId &&
              product.capability === 'creativeCloud' &&
              product.status === ACTIVE_STATUS_CODE,
          );
          const expected =
            ORG_ID_PATTERN.test(entry.orgId) &&
            entry.orgId !== drawn.connectedId &&
            hasActiveCc &&
            drawn.isAssetsAdmin &&
            drawn.signedInUser === drawn.consoleUserId &&
            (drawn.allowedOrgIds === undefined || drawn.allowedOrgIds.includes(entry.orgId)) &&
            !drawn.readOnly;
          expect(entry.eligible).toBe(expected);
          expect(entry.eligible).toBe(entry.reasons.length === 0);
        }
      }),
    );
  });

  it('only finds an org eligible when it has active CC and is not the connected one', () => {
    fc.assert(
      fc.property(inputArbitrary, ({ input }) => {
        for (const entry of buildEntitlementModel(input).orgs.filter((candidate) => candidate.eligible)) {
          expect(entry.badges).toContain('ccActive');
          expect(entry.connected).toBe(false);
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

  it('shows exactly one of CC active / no CC entitlement, badges in display order, and parses', () => {
    fc.assert(
      fc.property(inputArbitrary, ({ input }) => {
        const model = buildEntitlementModel(input);
        for (const entry of model.orgs) {
          expect(entry.badges.includes('ccActive')).not.toBe(entry.badges.includes('noCcEntitlement'));
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
