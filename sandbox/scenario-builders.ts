import { createHash } from 'node:crypto';
import { ACTIVE_STATUS_CODE, type Capability } from '../lib/service-codes';

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

export interface ProductGrant {
  orgId: string;
  capability: Capability;
  /** `ACTIVE` or anything else IMS may say (`INACTIVE`, `EXPIRED`…). */
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
  products: ProductGrant[];
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

/** Grants for one org: `grants(org, ['creativeCloud', 'express'])`, optionally not active. */
export function grants(
  target: ScenarioOrg,
  capabilities: readonly Capability[],
  statusCode: string = ACTIVE_STATUS_CODE,
): ProductGrant[] {
  return capabilities.map((capability) => ({ orgId: target.id, capability, statusCode }));
}

export function user(
  fields: Omit<ScenarioUser, 'userId' | 'authId' | 'isAssetsAdmin'> & { seed?: string; isAssetsAdmin?: boolean },
): ScenarioUser {
  const seed = fields.seed ?? `${fields.email}/${fields.accountType}`;
  const { seed: _seed, ...rest } = fields;
  return {
    ...rest,
    userId: userIdFor(seed),
    authId: `${hexOf(`auth:${seed}`, 24)}@${hexOf(`authsrc:${seed}`, 8).toLowerCase()}.e`,
    isAssetsAdmin: fields.isAssetsAdmin ?? false,
  };
}
