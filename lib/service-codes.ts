/**
 * The only place that names IMS service codes: which code, read from which source, stands
 * for which capability, and how sure we are (docs/ARCHITECTURE.md#eligibility-and-badges).
 * `confirmed` = seen in Adobe's public code or docs; `assumed` = a guess with no public
 * evidence. The entitlement model lets the absence of an assumed code prove nothing, and the
 * sandbox provisions its users from this same table, so a real code that turns out different
 * is a one-line fix here.
 */

/** What an org can entitle a user to, as the badges name it; `aem` is the console's own product. */
export type Capability = 'aem' | 'creativeCloud' | 'express' | 'libraries';
/** The capabilities the switcher shows per org, each in three states. */
export const ORG_CAPABILITIES = ['creativeCloud', 'express', 'libraries'] as const;
export type OrgCapability = (typeof ORG_CAPABILITIES)[number];

/**
 * Where a code shows: the profile's `projectedProductContext` (per org), the profile's
 * `serviceAccounts` (per user, no org) or the Access Profile API's `fulfillable_items` (per org).
 */
export type EntitlementSource = 'productContext' | 'serviceAccounts' | 'accessProfile';
export type Evidence = 'confirmed' | 'assumed';

export interface ServiceCode {
  source: EntitlementSource;
  code: string;
  /** `individualCreativeCloud` is the user's own plan, which no org owns. */
  capability: Capability | 'individualCreativeCloud';
  evidence: Evidence;
}

export const SERVICE_CODES: readonly ServiceCode[] = [
  // Adobe's AEM GenAI assistant and the Cloud Manager CLI filter on these.
  { source: 'productContext', code: 'dma_aem_cloud', capability: 'aem', evidence: 'confirmed' },
  { source: 'productContext', code: 'dma_aem_ams', capability: 'aem', evidence: 'confirmed' },
  // Adobe Express grew out of Adobe Spark and still carries its service code, in both sources.
  { source: 'productContext', code: 'spark', capability: 'express', evidence: 'confirmed' },
  { source: 'accessProfile', code: 'spark', capability: 'express', evidence: 'confirmed' },
  // Seen only as an Access Profile item; that it means Libraries is our reading.
  { source: 'accessProfile', code: 'cc_storage', capability: 'libraries', evidence: 'assumed' },
  // A GUESS: no public code for an org's enterprise Creative Cloud exists. Until one is
  // confirmed, only an explicit `enabled` on this item decides; its absence proves nothing.
  { source: 'accessProfile', code: 'creative_cloud', capability: 'creativeCloud', evidence: 'assumed' },
  // adobe.com's IMS code reads the individual plan here (CS_LVL_1 free, CS_LVL_2 paid).
  { source: 'serviceAccounts', code: 'creative_cloud', capability: 'individualCreativeCloud', evidence: 'confirmed' },
];

/** The codes of one source, for one capability, in table order. */
export function serviceCodesOf(source: EntitlementSource, capability: ServiceCode['capability']): ServiceCode[] {
  return SERVICE_CODES.filter((entry) => entry.source === source && entry.capability === capability);
}

/** The entry of a code in a source, or undefined when the code means nothing to us. */
export function serviceCodeEntry(source: EntitlementSource, code: string): ServiceCode | undefined {
  return SERVICE_CODES.find((entry) => entry.source === source && entry.code === code);
}

/** `prodCtx.statusCode` / `serviceStatus` of an entitlement in force; anything else is not. */
export const ACTIVE_STATUS_CODE = 'ACTIVE';

/** `serviceAccounts[].serviceLevel` of the individual Creative Cloud plan. */
export const INDIVIDUAL_CC_LEVELS = { CS_LVL_1: 'free', CS_LVL_2: 'paid' } as const;
export type IndividualCcLevel = keyof typeof INDIVIDUAL_CC_LEVELS;
