import { createHash } from 'node:crypto';
import { ACTIVE_STATUS_CODE, type Capability, type IndividualCcLevel } from '../lib/service-codes';

/**
 * Helpers that keep the scenario data readable: deterministic ids derived from a seed (so
 * tests and screenshots are stable run to run) and product grants written as one line each.
 */

export type ImsAccountType = 'type1' | 'type2' | 'type3';

export interface ScenarioOrg {
  id: string;
  name: string;
  orgType: 'Enterprise' | 'Personal' | 'Development';
  countryCode: string;
}

/** The two per-org sources IMS offers (the service-code table says which code each uses). */
export type GrantSource = 'productContext' | 'accessProfile';

/**
 * What one IMS source shows about one capability of one org. For a product context,
 * `statusCode` is its `prodCtx.statusCode`; for the Access Profile API, the item's code is
 * `enabled` exactly when `statusCode` is `ACTIVE` (anything else: `enabled: false`).
 */
export interface ProductGrant {
  orgId: string;
  capability: Capability;
  source: GrantSource;
  /** `ACTIVE` or anything else IMS may say (`INACTIVE`, `EXPIRED`, `DISABLED`…). */
  statusCode: string;
}

export interface ScenarioUser {
  userId: string;
  authId: string;
  name: string;
  email: string;
  accountType: ImsAccountType;
  /** Org ids this user belongs to, in the order IMS lists them. */
  orgIds: string[];
  /** What IMS shows the extension: product contexts and Access Profile items. */
  products: ProductGrant[];
  /**
   * The truth the console (the sandbox's Assets API) decides switches by: every org where this
   * user holds Creative Cloud, including orgs no IMS source shows (the extension sees "unknown").
   */
  ccOrgIds: string[];
  /** The individual plan in the profile's `serviceAccounts`; absent: the list is empty. */
  individualCc?: IndividualCcLevel;
  isAssetsAdmin: boolean;
}

export const ACCOUNT_TYPE_LABELS: Record<ImsAccountType, string> = {
  type1: 'Personal Adobe ID',
  type2: 'Enterprise ID',
  type3: 'Federated ID',
};

function hexOf(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length).toUpperCase();
}

/** An IMS org id (`^[0-9A-F]{24}@AdobeOrg$`) that is the same every run for the same seed. */
export function orgIdFor(seed: string): string {
  return `${hexOf(`org:${seed}`, 24)}@AdobeOrg`;
}

/** An IMS user id (`…@AdobeID`), stable per seed. */
export function userIdFor(seed: string): string {
  return `${hexOf(`user:${seed}`, 24)}@AdobeID`;
}

export function org(name: string, options: Partial<Omit<ScenarioOrg, 'name'>> & { seed?: string } = {}): ScenarioOrg {
  return {
    id: options.id ?? orgIdFor(options.seed ?? name),
    name,
    orgType: options.orgType ?? 'Enterprise',
    countryCode: options.countryCode ?? 'SE',
  };
}

/** Product contexts of one org: `productContexts(org, ['aem', 'express'])`, optionally not active. */
export function productContexts(
  target: ScenarioOrg,
  capabilities: readonly Capability[],
  statusCode: string = ACTIVE_STATUS_CODE,
): ProductGrant[] {
  return capabilities.map((capability) => ({ orgId: target.id, capability, source: 'productContext', statusCode }));
}

/** The Access Profile item of one org: `accessItem(org, { creativeCloud: true, express: false })`. */
export function accessItem(
  target: ScenarioOrg,
  enabled: Partial<Record<Exclude<Capability, 'aem'>, boolean>>,
): ProductGrant[] {
  return (Object.entries(enabled) as [Capability, boolean][]).map(([capability, on]) => ({
    orgId: target.id,
    capability,
    source: 'accessProfile',
    statusCode: on ? ACTIVE_STATUS_CODE : 'DISABLED',
  }));
}

/** Orgs where an IMS source shows this capability active. */
export function shownActive(products: readonly ProductGrant[], capability: Capability): string[] {
  return products
    .filter((grant) => grant.capability === capability && grant.statusCode === ACTIVE_STATUS_CODE)
    .map((grant) => grant.orgId);
}

export function user(
  fields: Omit<ScenarioUser, 'userId' | 'authId' | 'isAssetsAdmin' | 'ccOrgIds'> & {
    seed?: string;
    isAssetsAdmin?: boolean;
    /** Orgs where the user holds CC that no IMS source shows: the console knows, the extension cannot. */
    unlistedCcOrgIds?: string[];
  },
): ScenarioUser {
  const seed = fields.seed ?? `${fields.email}/${fields.accountType}`;
  const { seed: _seed, unlistedCcOrgIds = [], ...rest } = fields;
  return {
    ...rest,
    // What IMS shows active is true; the unlisted orgs are true as well.
    ccOrgIds: [...new Set([...shownActive(fields.products, 'creativeCloud'), ...unlistedCcOrgIds])],
    userId: userIdFor(seed),
    authId: `${hexOf(`auth:${seed}`, 24)}@${hexOf(`authsrc:${seed}`, 8).toLowerCase()}.e`,
    isAssetsAdmin: fields.isAssetsAdmin ?? false,
  };
}
