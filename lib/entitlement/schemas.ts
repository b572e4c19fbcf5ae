import { z } from 'zod/mini';
import { orgRefSchema } from '../org-id';
import { BADGES } from './badges';
import { entitlementStateSchema, prerequisitesSchema } from './states';

export type { Badge } from './badges';
export type { EntitlementState, PrerequisiteState, Prerequisites } from './states';
export { entitlementStateSchema, prerequisiteStateSchema, prerequisitesSchema } from './states';

/**
 * Why an org cannot be connected, in the order they are validated (docs/ARCHITECTURE.md#eligibility-and-badges). Every reason that
 * applies is reported (not only the first), so the switcher can spell out all of them.
 */
export const INELIGIBILITY_REASONS = [
  'INVALID_ORG_ID',
  'NOT_ACCESSIBLE',
  'ALREADY_CONNECTED',
  'NO_CC_ENTITLEMENT',
  // Only when policy (`blockUnknownEntitlements`) refuses what the extension cannot see.
  'CC_ENTITLEMENT_UNKNOWN',
  'NOT_ASSETS_ADMIN',
  'DIFFERENT_USER_ID',
  'BLOCKED_BY_POLICY',
  'READ_ONLY',
] as const;
export const ineligibilityReasonSchema = z.enum(INELIGIBILITY_REASONS);
export type IneligibilityReason = z.infer<typeof ineligibilityReasonSchema>;

/** Badges shown next to an org, in display order: one row each in `badges.ts`. */
export const badgeSchema = z.enum(BADGES);

/**
 * What settings or enterprise policy allow: an optional allowlist of CC orgs, read-only mode,
 * and whether an org whose CC entitlement no source shows is refused (absent: it is not).
 */
export const switchPolicySchema = z.object({
  // Absent means no allowlist: every org passes the policy check.
  allowedOrgIds: z.optional(z.readonly(z.array(z.string()))),
  readOnly: z.boolean(),
  blockUnknownEntitlements: z.optional(z.boolean()),
});
export type SwitchPolicy = z.infer<typeof switchPolicySchema>;

/** The source that decided a capability's state; null when none did (the state is `unknown`). */
export const decidingSourceSchema = z.nullable(z.enum(['productContext', 'accessProfile']));
export type DecidingSource = z.infer<typeof decidingSourceSchema>;

/** What a switch depends on that the extension cannot see, so the console decides it. */
export const UNKNOWN_FACTS = ['CC_ENTITLEMENT', 'ASSETS_ADMIN', 'SAME_USER_ID'] as const;
export const unknownFactSchema = z.enum(UNKNOWN_FACTS);
export type UnknownFact = z.infer<typeof unknownFactSchema>;

export const orgEntitlementSchema = z.strictObject({
  orgId: z.string(),
  orgName: z.string(),
  ccEntitlement: entitlementStateSchema,
  express: entitlementStateSchema,
  libraries: entitlementStateSchema,
  decidedBy: z.strictObject({
    ccEntitlement: decidingSourceSchema,
    express: decidingSourceSchema,
    libraries: decidingSourceSchema,
  }),
  connected: z.boolean(),
  blockedByPolicy: z.boolean(),
  /** True exactly when `reasons` is empty. */
  eligible: z.boolean(),
  reasons: z.array(ineligibilityReasonSchema),
  /** Not refusals: what the console will decide when this org is picked. */
  unknowns: z.array(unknownFactSchema),
  badges: z.array(badgeSchema),
});
export type OrgEntitlement = z.infer<typeof orgEntitlementSchema>;

/** The user's own Creative Cloud plan (`serviceAccounts`): a fact about the user, never an org's badge. */
export const individualCreativeCloudSchema = z.enum(['paid', 'free', 'none', 'unknown']);
export type IndividualCreativeCloud = z.infer<typeof individualCreativeCloudSchema>;

/**
 * Which sources answered, so diagnostics can say why a state is unknown: a profile list IMS
 * left out (scope not granted) or an Access Profile API that failed or has no base here.
 */
export const entitlementSourcesSchema = z.strictObject({
  productContexts: z.enum(['answered', 'missing']),
  serviceAccounts: z.enum(['answered', 'missing']),
  accessProfile: z.enum(['answered', 'unavailable', 'notConfigured']),
});
export type EntitlementSources = z.infer<typeof entitlementSourcesSchema>;

export const entitlementModelSchema = z.strictObject({
  orgs: z.array(orgEntitlementSchema),
  prerequisites: prerequisitesSchema,
  // The connected org may be one this user cannot access, so it is kept apart from `orgs`.
  connectedOrg: z.nullable(orgRefSchema),
  individualCreativeCloud: individualCreativeCloudSchema,
  sources: entitlementSourcesSchema,
});
export type EntitlementModel = z.infer<typeof entitlementModelSchema>;

/** Counts for the popup and the status panel's headline. */
export const entitlementSummarySchema = z.strictObject({
  total: z.number(),
  eligible: z.number(),
  ccActive: z.number(),
  ccUnknown: z.number(),
  blockedByPolicy: z.number(),
  connectedOrgId: z.nullable(z.string()),
  connectedOrgName: z.nullable(z.string()),
});
export type EntitlementSummary = z.infer<typeof entitlementSummarySchema>;
