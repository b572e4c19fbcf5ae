import { z } from 'zod/mini';

/**
 * Why an org cannot be connected, in the order DESIGN §5 validates them. Every reason that
 * applies is reported (not only the first), so the switcher can spell out all of them.
 */
export const INELIGIBILITY_REASONS = [
  'INVALID_ORG_ID',
  'NOT_ACCESSIBLE',
  'ALREADY_CONNECTED',
  'NO_CC_ENTITLEMENT',
  'NOT_ASSETS_ADMIN',
  'DIFFERENT_USER_ID',
  'BLOCKED_BY_POLICY',
  'READ_ONLY',
] as const;
export const ineligibilityReasonSchema = z.enum(INELIGIBILITY_REASONS);
export type IneligibilityReason = z.infer<typeof ineligibilityReasonSchema>;

/** Badges shown next to an org (DESIGN §5), in the order they are displayed. */
export const BADGES = [
  'connected',
  'ccActive',
  'noCcEntitlement',
  'express',
  'libraries',
  'differentUserId',
  'blockedByPolicy',
] as const;
export const badgeSchema = z.enum(BADGES);
export type Badge = z.infer<typeof badgeSchema>;

/** What settings or enterprise policy allow: an optional allowlist of CC orgs, and read-only mode. */
export const switchPolicySchema = z.object({
  // Absent means no allowlist: every org passes the policy check.
  allowedOrgIds: z.optional(z.readonly(z.array(z.string()))),
  readOnly: z.boolean(),
});
export type SwitchPolicy = z.infer<typeof switchPolicySchema>;

/** The console-level prerequisites the status panel shows with ✓/✗; null when nothing we can ask answers them. */
export const prerequisitesSchema = z.strictObject({
  isAssetsAdmin: z.nullable(z.boolean()),
  sameUserId: z.nullable(z.boolean()),
});
export type Prerequisites = z.infer<typeof prerequisitesSchema>;

export const orgEntitlementSchema = z.strictObject({
  orgId: z.string(),
  orgName: z.string(),
  ccEntitlement: z.enum(['active', 'none']),
  express: z.boolean(),
  libraries: z.boolean(),
  connected: z.boolean(),
  sameUserId: z.nullable(z.boolean()),
  blockedByPolicy: z.boolean(),
  eligible: z.boolean(),
  reasons: z.array(ineligibilityReasonSchema),
  badges: z.array(badgeSchema),
});
export type OrgEntitlement = z.infer<typeof orgEntitlementSchema>;

export const entitlementModelSchema = z.strictObject({
  orgs: z.array(orgEntitlementSchema),
  prerequisites: prerequisitesSchema,
  // The connected org may be one this user cannot access, so it is kept apart from `orgs`.
  connectedOrg: z.nullable(z.strictObject({ id: z.string(), name: z.string() })),
});
export type EntitlementModel = z.infer<typeof entitlementModelSchema>;

/** Counts for the popup and the status panel's headline. */
export const entitlementSummarySchema = z.strictObject({
  total: z.number(),
  eligible: z.number(),
  ccActive: z.number(),
  blockedByPolicy: z.number(),
  connectedOrgId: z.nullable(z.string()),
  connectedOrgName: z.nullable(z.string()),
});
export type EntitlementSummary = z.infer<typeof entitlementSummarySchema>;
