import { z } from 'zod/mini';
import { baseUrlSchema, environmentNameSchema } from '../environment';
import { orgIdSchema } from '../org-id';
import { clientIdSchema } from '../settings/schemas';

/**
 * Enterprise policy: what IT sets in managed storage (`public/managed_schema.json` is the
 * browser's copy of this shape). Each field is parsed on its own, so one bad field is ignored
 * and reported while the good ones still apply.
 */
export const policyEnvironmentSchema = z
  .strictObject({
    name: environmentNameSchema,
    // imsBaseUrl is required for `custom`; for `sandbox` it points at a sandbox on another port.
    imsBaseUrl: z.optional(baseUrlSchema),
    // Optional: overrides the AEM author host each console's URL names, with imsBaseUrl only.
    assetsBaseUrl: z.optional(baseUrlSchema),
  })
  .check(
    z.refine(
      ({ name, imsBaseUrl, assetsBaseUrl }) => Boolean(imsBaseUrl) || (name !== 'custom' && !assetsBaseUrl),
      'Set imsBaseUrl (required for custom); assetsBaseUrl is an optional override that needs imsBaseUrl',
    ),
  );

/** A console host as a match pattern (`https://assets.example.com/*`); https only. */
export const policyConsoleHostSchema = z.string().check(z.regex(/^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?\/\*$/i));

export const POLICY_FIELDS = {
  environment: policyEnvironmentSchema,
  clientId: clientIdSchema,
  consoleHosts: z.array(policyConsoleHostSchema),
  readOnly: z.boolean(),
  allowedCcOrgIds: z.array(orgIdSchema),
  // true: an org whose CC entitlement no source shows is refused instead of left to the console.
  blockUnknownEntitlements: z.boolean(),
} as const;

export type PolicyField = keyof typeof POLICY_FIELDS;
export type EnterprisePolicy = { [F in PolicyField]?: z.infer<(typeof POLICY_FIELDS)[F]> };

export interface ParsedPolicy {
  policy: EnterprisePolicy;
  /** Fields that were set but did not parse; they are ignored and the options page says so. */
  invalidFields: string[];
}

export const NO_POLICY: ParsedPolicy = { policy: {}, invalidFields: [] };

/** Keeps the fields that parse, names the ones that do not (unknown keys included). */
export function parsePolicy(raw: unknown): ParsedPolicy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return raw === undefined || raw === null ? NO_POLICY : { policy: {}, invalidFields: ['(policy)'] };
  }
  const policy: Record<string, unknown> = {};
  const invalidFields: string[] = [];
  for (const [field, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const schema = (POLICY_FIELDS as Record<string, z.ZodMiniType>)[field];
    const parsed = schema?.safeParse(value);
    if (parsed?.success) policy[field] = parsed.data;
    else invalidFields.push(field);
  }
  return { policy: policy as EnterprisePolicy, invalidFields: invalidFields.sort() };
}
