import type { AssetsUser, CcConnection } from '@/lib/assets/schemas';
import {
  type AccessProfileSource,
  buildEntitlementModel,
  type EntitlementInput,
  summarize,
} from '@/lib/entitlement/model';
import type { AccessibleItem } from '@/lib/ims/access-profile';
import type { Profile } from '@/lib/ims/schemas';
import type { ConsoleState } from '@/lib/messaging/contract';
import { ACTIVE_STATUS_CODE, type Capability, type OrgCapability, serviceCodesOf } from '@/lib/service-codes';

/** Small, readable builders for the entitlement model's inputs. Codes come from the service-code table. */

/** A well-formed org id whose 24 hex digits repeat `digit`, e.g. orgId('A') → 'AAAA…@AdobeOrg'. */
export function orgId(digit: string): string {
  return `${digit.repeat(24)}@AdobeOrg`;
}

export function org(id: string, orgName: string): Organization {
  const [ident = '', authSrc = ''] = id.split('@');
  return { orgName, orgRef: { ident, authSrc } };
}
type Organization = EntitlementInput['organizations'][number];

/** The table's first code for a capability in a source; a test that needs one the table lacks fails here. */
export function codeOf(source: 'productContext' | 'accessProfile', capability: Capability): string {
  const [entry] = serviceCodesOf(source, capability);
  if (!entry) throw new Error(`No ${source} code for ${capability} in the service-code table`);
  return entry.code;
}

export interface Context {
  org: string;
  capability: Capability;
  status?: string;
}

export function productContext({ org, capability, status }: Context) {
  return {
    prodCtx: {
      serviceCode: codeOf('productContext', capability),
      owningEntity: org,
      statusCode: status ?? ACTIVE_STATUS_CODE,
    },
  };
}

export function profile(
  userId: string,
  contexts: readonly Context[] = [],
  extra: Partial<Profile> = {},
  email = 'kim@example.com',
): Profile {
  return {
    userId,
    account_type: 'type2',
    email,
    name: 'Kim Admin',
    projectedProductContext: contexts.map(productContext),
    ...extra,
  };
}

/** One Access Profile item: `item(ACME, { creativeCloud: true, express: false })`. */
export function item(owner: string, enabled: Partial<Record<OrgCapability, boolean>>): AccessibleItem {
  const fulfillable: Record<string, { enabled: boolean }> = {};
  for (const [capability, on] of Object.entries(enabled) as [OrgCapability, boolean][]) {
    fulfillable[codeOf('accessProfile', capability)] = { enabled: on };
  }
  return { source: { owner_id: owner }, fulfillable_items: fulfillable };
}

export function answered(...items: AccessibleItem[]): AccessProfileSource {
  return { status: 'answered', items };
}
export const UNAVAILABLE: AccessProfileSource = { status: 'unavailable' };

export function consoleUser(userId: string, isAssetsAdmin = true): AssetsUser {
  return { userId, isAssetsAdmin };
}

export function connection(connected: { id: string; name: string } | null): CcConnection {
  return { connectedOrg: connected, updatedAt: '2025-03-01T10:42:00Z', updatedBy: 'someone@AdobeID' };
}

export const USER = 'A1B2C3D4@AdobeID';
export const ACME = orgId('A');
export const BETA = orgId('B');
export const CORP = orgId('C');
export const DUNNO = orgId('D');

/**
 * A console where everything is in order: the signed-in admin is the console's user; Acme has
 * CC, Express and Libraries; Beta has CC and is connected; Corp's CC is disabled; no source
 * says anything about Dunno. Override any part.
 */
export function consoleInput(overrides: Partial<EntitlementInput> = {}): EntitlementInput {
  return {
    profile: profile(USER, [{ org: ACME, capability: 'aem' }]),
    organizations: [org(ACME, 'Acme'), org(BETA, 'Beta'), org(CORP, 'Corp'), org(DUNNO, 'Dunno')],
    consoleUser: consoleUser(USER),
    connection: connection({ id: BETA, name: 'Beta' }),
    policy: { readOnly: false },
    accessProfile: answered(
      item(ACME, { creativeCloud: true, express: true, libraries: true }),
      item(BETA, { creativeCloud: true }),
      item(CORP, { creativeCloud: false }),
    ),
    ...overrides,
  };
}

/** The worker's state for a console tab: Kim Admin signed in, the Acme console, `connected` as its CC org. */
export function signedInConsoleState(
  connected: { id: string; name: string } | null,
  options: { switchPath?: 'api' | 'console'; fetchedAt?: number; consoleUserId?: string } = {},
): ConsoleState {
  const model = buildEntitlementModel(consoleInput({ connection: connection(connected) }));
  return {
    signedIn: true,
    identity: { userId: 'A1B2C3D4@AdobeID', name: 'Kim Admin', email: 'kim@example.com', accountType: 'enterprise' },
    aemOrg: { status: 'resolved', org: { id: ACME, name: 'Acme' } },
    console: {
      connection: connection(connected),
      ...(options.consoleUserId !== undefined && { consoleUserId: options.consoleUserId }),
      switchPath: options.switchPath ?? 'api',
      model,
      summary: summarize(model),
      readOnly: false,
      fetchedAt: options.fetchedAt ?? Date.now(),
    },
  };
}
