import type { AssetsUser, CcConnection } from '@/lib/assets/shapes';
import type { EntitlementInput } from '@/lib/entitlement/model';
import type { Organization, Profile } from '@/lib/ims/shapes';
import { ACTIVE_STATUS_CODE, type Capability, SERVICE_CODES } from '@/lib/service-codes';

/** Small, readable builders for the entitlement model's inputs. */

/** A well-formed org id whose 24 hex digits repeat `digit`, e.g. orgId('A') → 'AAAA…@AdobeOrg'. */
export function orgId(digit: string): string {
  return `${digit.repeat(24)}@AdobeOrg`;
}

export function org(id: string, orgName: string): Organization {
  const [ident = '', authSrc = ''] = id.split('@');
  return { orgName, orgRef: { ident, authSrc } };
}

export interface Product {
  org: string;
  capability: Capability;
  status?: string;
}

export function profile(userId: string, products: readonly Product[], email = 'kim@example.com'): Profile {
  return {
    userId,
    account_type: 'type2',
    email,
    name: 'Kim Admin',
    projectedProductContext: products.map((product) => ({
      prodCtx: {
        serviceCode: SERVICE_CODES[product.capability][0],
        owningEntity: product.org,
        statusCode: product.status ?? ACTIVE_STATUS_CODE,
      },
    })),
  };
}

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

/**
 * A console where everything is in order: the signed-in admin is the console's user, Acme has
 * CC (plus Express and Libraries), Beta is connected, Corp has nothing. Override any part.
 */
export function consoleInput(overrides: Partial<EntitlementInput> = {}): EntitlementInput {
  return {
    profile: profile(USER, [
      { org: ACME, capability: 'creativeCloud' },
      { org: ACME, capability: 'express' },
      { org: ACME, capability: 'libraries' },
      { org: BETA, capability: 'creativeCloud' },
    ]),
    organizations: [org(ACME, 'Acme'), org(BETA, 'Beta'), org(CORP, 'Corp')],
    consoleUser: consoleUser(USER),
    connection: connection({ id: BETA, name: 'Beta' }),
    policy: { readOnly: false },
    ...overrides,
  };
}
