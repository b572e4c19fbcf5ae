import { z } from 'zod/mini';
import {
  badgeSchema,
  entitlementSourcesSchema,
  individualCreativeCloudSchema,
  ineligibilityReasonSchema,
} from '../entitlement/schemas';
import { environmentNameSchema } from '../environment';
import { ERROR_CODES } from '../errors';
import { historyEntrySchema, switchPathSchema } from '../history/entry';
import { orgRefSchema } from '../org-id';
import { pageShapeSchema } from './page-shape-schema';

/**
 * The diagnostics report for support tickets (docs/ARCHITECTURE.md#diagnostics). Every field is listed here: the
 * report is an allowlist, so a new field in the worker's state never reaches a ticket by
 * accident. No token, no full e-mail, no cookie.
 */

/** One error the worker answered: its code and when, never its message (it may quote input). */
export const lastErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  time: z.iso.datetime(),
  request: z.string().check(z.maxLength(40)),
});
export type LastError = z.infer<typeof lastErrorSchema>;

export const consoleDiagnosticsSchema = z.strictObject({
  tenant: z.nullable(z.string()),
  aemOrg: z.nullable(orgRefSchema),
  aemOrgStatus: z.enum(['resolved', 'ambiguous', 'unknown']),
  connectedOrg: z.nullable(orgRefSchema),
  connectedSince: z.nullable(z.string()),
  /** How this console switches: through the Assets API, or through the console page where the API refuses the extension. */
  switchPath: z.nullable(switchPathSchema),
  isAssetsAdmin: z.nullable(z.boolean()),
  sameUserId: z.nullable(z.boolean()),
  /** Which entitlement sources answered (why a badge says unknown) and the user's own plan. */
  entitlementSources: z.nullable(entitlementSourcesSchema),
  individualCreativeCloud: z.nullable(individualCreativeCloudSchema),
  summary: z.nullable(
    z.strictObject({ total: z.number(), eligible: z.number(), ccActive: z.number(), blockedByPolicy: z.number() }),
  ),
  orgs: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      eligible: z.boolean(),
      badges: z.array(badgeSchema),
      reasons: z.array(ineligibilityReasonSchema),
    }),
  ),
  /** Orgs left out to keep the report pasteable (a user with 1,000 orgs). */
  orgsOmitted: z.number(),
});
export type ConsoleDiagnostics = z.infer<typeof consoleDiagnosticsSchema>;

export const diagnosticsReportSchema = z.strictObject({
  generatedAt: z.iso.datetime(),
  extensionVersion: z.string(),
  browser: z.strictObject({ name: z.string(), version: z.string() }),
  environment: z.strictObject({
    name: environmentNameSchema,
    imsBaseUrl: z.nullable(z.string()),
    assetsBaseUrl: z.nullable(z.string()),
    /** The environment in force was set by enterprise policy, not by the user in options. */
    setByPolicy: z.boolean(),
  }),
  readOnly: z.boolean(),
  signedIn: z.boolean(),
  accountType: z.nullable(z.enum(['personal', 'enterprise', 'federated', 'unknown'])),
  /** Policy values IT set that were refused, and what is in force instead (lib/policy/schemas.ts). */
  policyProblems: z.array(
    z.strictObject({ field: z.string(), refusedEntries: z.nullable(z.array(z.string())), inForce: z.string() }),
  ),
  consoles: z.array(consoleDiagnosticsSchema),
  /** The console in the tab the popup shows, as its frames are built (redacted; null without a tab). */
  pageShape: z.nullable(
    z.strictObject({
      frames: z.array(pageShapeSchema),
      framesWithout: z.number(),
      error: z.optional(z.string()),
    }),
  ),
  lastErrors: z.array(lastErrorSchema),
  history: z.array(historyEntrySchema),
});
export type DiagnosticsReport = z.infer<typeof diagnosticsReportSchema>;
