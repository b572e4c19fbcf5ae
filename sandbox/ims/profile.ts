import { PROFILE_LIST_SCOPES } from '../../lib/ims/schemas';
import { type Capability, serviceCodesOf } from '../../lib/service-codes';
import { orgOf, type ProductGrant, type Scenario, type ScenarioUser } from '../scenarios';
import type { TokenRecord } from '../tokens';

/**
 * What IMS says about a user, in its own shapes (docs/ARCHITECTURE.md#ims-and-the-assets-api): the profile with
 * `projectedProductContext` and `serviceAccounts` (each only when the token's scope asks for
 * it, as IMS does), and the `organizations/v6` list. Service codes come from the extension's
 * own table, so the sandbox and the extension cannot drift apart.
 */

const PRODUCT_LABELS: Record<Capability, string> = {
  aem: 'Adobe Experience Manager as a Cloud Service',
  creativeCloud: 'Creative Cloud All Apps',
  express: 'Adobe Express',
  libraries: 'Creative Cloud Libraries',
};
// A fixed modification time keeps the answers deterministic.
const MOD_DTS = 1_767_225_600_000;

/** The first code the table lists for a capability in a source (the sandbox's provisioning rule). */
export function serviceCodeFor(source: 'productContext' | 'accessProfile', capability: Capability): string {
  const [entry] = serviceCodesOf(source, capability);
  if (!entry) throw new Error(`The service-code table has no ${source} code for ${capability}`);
  return entry.code;
}

function productContext(grant: ProductGrant, index: number) {
  return {
    prodCtx: {
      serviceCode: serviceCodeFor('productContext', grant.capability),
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

function serviceAccountsOf(user: ScenarioUser) {
  if (!user.individualCc) return [];
  const [entry] = serviceCodesOf('serviceAccounts', 'individualCreativeCloud');
  if (!entry) throw new Error('The service-code table has no serviceAccounts code');
  return [
    {
      ident: `${user.userId.slice(0, 12)}-cc`,
      serviceCode: entry.code,
      serviceStatus: 'ACTIVE',
      serviceLevel: user.individualCc,
      params: {},
    },
  ];
}

/** Whether a token carries a scope; tokens made outside the authorize flow carry every scope. */
export function hasScope(token: Pick<TokenRecord, 'scope'>, scope: string): boolean {
  return token.scope === undefined || token.scope.split(/[\s,]+/).includes(scope);
}

export function profileOf(scenario: Scenario, user: ScenarioUser, token: Pick<TokenRecord, 'scope'> = {}) {
  const [firstName = user.name, ...rest] = user.name.split(' ');
  const contexts = user.products.filter((grant) => grant.source === 'productContext');
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
    ...(hasScope(token, PROFILE_LIST_SCOPES.projectedProductContext) && {
      projectedProductContext: contexts.map(productContext),
    }),
    ...(hasScope(token, PROFILE_LIST_SCOPES.serviceAccounts) && { serviceAccounts: serviceAccountsOf(user) }),
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

/**
 * Whether this user truly holds Creative Cloud in this org: what the console decides a switch
 * by, which may be an org no IMS source shows the extension (there it sees "unknown").
 */
export function hasActiveCreativeCloud(user: ScenarioUser, orgId: string): boolean {
  return user.ccOrgIds.includes(orgId);
}
