import { ACTIVE_STATUS_CODE, type Capability, SERVICE_CODES } from '../../lib/service-codes';
import { orgOf, type ProductGrant, type Scenario, type ScenarioUser } from '../scenarios';

/**
 * What IMS says about a user, in its own shapes (shared IMS notes): the profile with roles
 * and `projectedProductContext`, and the `organizations/v6` list.
 */

const PRODUCT_LABELS: Record<Capability, string> = {
  creativeCloud: 'Creative Cloud All Apps',
  express: 'Adobe Express',
  libraries: 'Creative Cloud Libraries',
};
// A fixed modification time keeps the answers deterministic.
const MOD_DTS = 1_767_225_600_000;

function productContext(grant: ProductGrant, index: number) {
  return {
    prodCtx: {
      serviceCode: SERVICE_CODES[grant.capability][0],
      owningEntity: grant.orgId,
      statusCode: grant.statusCode,
      ident: `${grant.capability}-${index + 1}`,
      label: PRODUCT_LABELS[grant.capability],
      groupid: String(1000 + index),
      user_visible_name: PRODUCT_LABELS[grant.capability],
      modDts: MOD_DTS,
    },
  };
}

export function profileOf(scenario: Scenario, user: ScenarioUser) {
  const [firstName = user.name, ...rest] = user.name.split(' ');
  return {
    userId: user.userId,
    authId: user.authId,
    account_type: user.accountType,
    email: user.email,
    emailVerified: 'true',
    name: user.name,
    first_name: firstName,
    last_name: rest.join(' '),
    preferred_languages: ['en-us'],
    roles: user.orgIds.map((orgId) => ({
      principal: user.userId,
      organization: orgId,
      target: orgId,
      target_type: 'TRG_ORG',
      named_role: orgId === scenario.aemOrg.id && user.isAssetsAdmin ? 'org_admin' : 'user',
    })),
    projectedProductContext: user.products.map(productContext),
  };
}

export function organizationsOf(scenario: Scenario, user: ScenarioUser) {
  return user.orgIds.flatMap((orgId, index) => {
    const org = orgOf(scenario, orgId);
    if (!org) return [];
    const [ident = '', authSrc = ''] = org.id.split('@');
    return [
      {
        orgName: org.name,
        orgRef: { ident, authSrc },
        orgType: org.orgType,
        countryCode: org.countryCode,
        groups: [
          {
            groupName: 'Default',
            role: 'GRP_USER',
            ident: 4700 + index,
            groupType: 'USER_GROUP',
            groupDisplayName: 'Default',
          },
        ],
      },
    ];
  });
}

/** CC active for this user in this org: a CC service code with status ACTIVE (entitlement rules). */
export function hasActiveCreativeCloud(user: ScenarioUser, orgId: string): boolean {
  return user.products.some(
    (grant) => grant.orgId === orgId && grant.capability === 'creativeCloud' && grant.statusCode === ACTIVE_STATUS_CODE,
  );
}
