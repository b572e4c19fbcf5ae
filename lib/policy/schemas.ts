import { z } from 'zod/mini';
import { isSandboxBuild } from '../build-flavor';
import { reservedHostOf } from '../console-hosts';
import { baseUrlSchema, environmentNameSchema, environmentNamesFor } from '../environment';
import { orgIdSchema } from '../org-id';
import { clientIdSchema } from '../settings/schemas';
import {
  AUTHOR_HOST_POLICY_FIELDS,
  failClosedForbiddenHosts,
  policyBoundAuthorHostSchema,
  policyForbiddenAuthorHostSchema,
} from './author-hosts';
import { consoleProfilePolicySchema, parseConsoleProfilePolicy } from './console-profile-policy';

/**
 * Enterprise policy: what IT sets in managed storage (`public/managed_schema.json` is the
 * browser's copy of this shape). Each field is parsed on its own, so one bad field is ignored
 * and reported while the good ones still apply.
 */
/** The policy's environment as a build accepts it: a production build refuses the sandbox. */
export function policyEnvironmentSchemaFor(sandboxBuild: boolean) {
  const names = environmentNamesFor(sandboxBuild);
  return z
    .strictObject({
      name: environmentNameSchema,
      // imsBaseUrl is required for `custom`; for `sandbox` it points at a sandbox on another port.
      imsBaseUrl: z.optional(baseUrlSchema),
      // Optional: overrides the AEM author host each console's URL names, with imsBaseUrl only.
      assetsBaseUrl: z.optional(baseUrlSchema),
    })
    .check(
      z.refine(({ name }) => names.includes(name), 'This build offers no such environment'),
      z.refine(
        ({ name, imsBaseUrl, assetsBaseUrl }) => Boolean(imsBaseUrl) || (name !== 'custom' && !assetsBaseUrl),
        'Set imsBaseUrl (required for custom); assetsBaseUrl is an optional override that needs imsBaseUrl',
      ),
    );
}

export const policyEnvironmentSchema = policyEnvironmentSchemaFor(isSandboxBuild);

/**
 * A console host as a match pattern of one https host (`https://assets.example.com/*`): no
 * wildcard, which would put the content script on every site it covers, and none of the
 * reserved hosts (built-in console hosts, IMS and the APIs the worker sends tokens to).
 * `public/managed_schema.json` carries the same pattern.
 */
export const POLICY_CONSOLE_HOST_PATTERN = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9]{1,5})?\/\*$/;

export const policyConsoleHostSchema = z.string().check(
  z.regex(POLICY_CONSOLE_HOST_PATTERN),
  z.refine(
    (pattern) => reservedHostOf(pattern.replace(/\*$/, '')) === undefined,
    'A built-in console host, or a host the extension sends tokens to',
  ),
);

export const POLICY_FIELDS = {
  environment: policyEnvironmentSchema,
  clientId: clientIdSchema,
  consoleHosts: z.array(policyConsoleHostSchema),
  readOnly: z.boolean(),
  allowedCcOrgIds: z.array(orgIdSchema),
  // true: an org whose CC entitlement no source shows is refused instead of left to the console.
  blockUnknownEntitlements: z.boolean(),
  // Console labels per language and the org-id pattern, merged over the built-in console profile.
  consoleProfile: consoleProfilePolicySchema,
  ...AUTHOR_HOST_POLICY_FIELDS,
} as const;

export type PolicyField = keyof typeof POLICY_FIELDS;

/**
 * The field in which IT names the fields its policy sets. Chrome deletes a field that fails
 * `managed_schema.json` before the extension can read it (a `readOnly` of `"true"`, a list with
 * a number in it), and a deleted restriction would read as "no restriction". A field named here
 * that does not arrive therefore counts as unreadable, and a restriction fails closed.
 * See docs/ENTERPRISE.md#when-the-browser-drops-a-field.
 */
export const POLICY_FIELDS_DECLARATION = 'policyFields';
export type EnterprisePolicy = { [F in PolicyField]?: z.infer<(typeof POLICY_FIELDS)[F]> };

/** Lists whose valid entries apply on their own: one bad entry must not drop (or open) the whole list. */
const LIST_ENTRIES = {
  allowedCcOrgIds: orgIdSchema,
  consoleHosts: policyConsoleHostSchema,
  boundAuthorHosts: policyBoundAuthorHostSchema,
  forbiddenAuthorHosts: policyForbiddenAuthorHostSchema,
} as const satisfies Partial<Record<PolicyField, z.ZodMiniType>>;

/**
 * What an unreadable restriction means: the restrictive value, never "no restriction". An
 * allowlist nobody can read allows no org; a read-only switch nobody can read is on.
 */
const FAIL_CLOSED: EnterprisePolicy = {
  allowedCcOrgIds: [],
  readOnly: true,
  blockUnknownEntitlements: true,
  forbiddenAuthorHosts: ['*'],
};

export interface ParsedPolicy {
  policy: EnterprisePolicy;
  /** Fields that were set but did not parse, in whole or in part; the options page and diagnostics say so. */
  invalidFields: string[];
  /**
   * The refused entries of a list field whose other entries apply (shown as IT wrote them,
   * shortened), and the names in the declaration that are no policy field.
   */
  refusedEntries: Partial<
    Record<keyof typeof LIST_ENTRIES | typeof POLICY_FIELDS_DECLARATION | 'consoleProfile', string[]>
  >;
}

/** Stands for a declared field that did not arrive: no schema accepts it, so it is handled as unreadable. */
const MISSING = Symbol();

const declarationSchema = z.array(z.string());

export const NO_POLICY: ParsedPolicy = { policy: {}, invalidFields: [], refusedEntries: {} };

/** An entry as IT wrote it, short enough for a notice or a support ticket. */
function shown(entry: unknown): string {
  const text = typeof entry === 'string' ? entry : (JSON.stringify(entry) ?? String(entry));
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * Keeps the fields that parse and names the ones that do not (unknown keys included). A list
 * keeps its valid entries; an unreadable restriction fails closed (FAIL_CLOSED); any other
 * unreadable field is ignored, so the user's own setting applies.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return raw === undefined || raw === null
      ? NO_POLICY
      : { policy: { ...FAIL_CLOSED }, invalidFields: ['(policy)'], refusedEntries: {} };
  }
  const policy: Record<string, unknown> = {};
  const invalidFields: string[] = [];
  const refusedEntries: ParsedPolicy['refusedEntries'] = {};
  const { [POLICY_FIELDS_DECLARATION]: declaration, ...fields } = raw as Record<string, unknown>;
  const declared = declaredFields(declaration, invalidFields, refusedEntries);
  for (const field of declared) {
    if (fields[field] === undefined) fields[field] = MISSING;
  }
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (field === 'consoleProfile') {
      // Checked entry by entry (lib/policy/console-profile-policy.ts): good labels apply beside refused ones.
      const { value: consoleProfile, refused } = parseConsoleProfilePolicy(value);
      policy.consoleProfile = consoleProfile;
      if (refused.length > 0) {
        invalidFields.push(field);
        refusedEntries.consoleProfile = refused.map(shown);
      }
      continue;
    }
    const parsed = (POLICY_FIELDS as Record<string, z.ZodMiniType>)[field]?.safeParse(value);
    if (parsed?.success) {
      policy[field] = parsed.data;
      continue;
    }
    invalidFields.push(field);
    const entrySchema = (LIST_ENTRIES as Record<string, z.ZodMiniType>)[field];
    if (entrySchema && Array.isArray(value)) {
      const valid = value.filter((entry) => entrySchema.safeParse(entry).success);
      policy[field] = [...new Set(valid)];
      refusedEntries[field as keyof typeof LIST_ENTRIES] = value
        .filter((entry) => !entrySchema.safeParse(entry).success)
        .map(shown);
    } else if (field in FAIL_CLOSED) {
      policy[field] = FAIL_CLOSED[field as keyof typeof FAIL_CLOSED];
    }
  }
  refuseTokenHostsAsConsoles(policy as EnterprisePolicy, invalidFields, refusedEntries);
  failClosedForbiddenHosts(policy as EnterprisePolicy, invalidFields);
  return { policy: policy as EnterprisePolicy, invalidFields: invalidFields.sort(), refusedEntries };
}

/**
 * The policy fields IT declares it sets. A declaration that cannot be read declares every
 * restriction (the reading that opens nothing); names that are no policy field are refused.
 */
function declaredFields(
  declaration: unknown,
  invalidFields: string[],
  refusedEntries: ParsedPolicy['refusedEntries'],
): PolicyField[] {
  if (declaration === undefined) return [];
  const parsed = declarationSchema.safeParse(declaration);
  if (!parsed.success) {
    invalidFields.push(POLICY_FIELDS_DECLARATION);
    return Object.keys(FAIL_CLOSED) as PolicyField[];
  }
  const isField = (name: string): name is PolicyField => Object.hasOwn(POLICY_FIELDS, name);
  const unknown = parsed.data.filter((name) => !isField(name));
  if (unknown.length > 0) {
    invalidFields.push(POLICY_FIELDS_DECLARATION);
    refusedEntries[POLICY_FIELDS_DECLARATION] = unknown.map(shown);
  }
  return [...new Set(parsed.data.filter(isField))];
}

const hostOf = (url: string) => new URL(url.replace(/\*$/, '')).hostname;

/** The policy's own IMS and Assets hosts receive tokens: neither may become a console host. */
function refuseTokenHostsAsConsoles(
  policy: EnterprisePolicy,
  invalidFields: string[],
  refusedEntries: ParsedPolicy['refusedEntries'],
): void {
  const { environment, consoleHosts } = policy;
  if (!environment || !consoleHosts) return;
  const tokenHosts = [environment.imsBaseUrl, environment.assetsBaseUrl].flatMap((url) => (url ? [hostOf(url)] : []));
  const refused = consoleHosts.filter((pattern) => tokenHosts.includes(hostOf(pattern)));
  if (refused.length === 0) return;
  policy.consoleHosts = consoleHosts.filter((pattern) => !refused.includes(pattern));
  refusedEntries.consoleHosts = [...(refusedEntries.consoleHosts ?? []), ...refused];
  if (!invalidFields.includes('consoleHosts')) invalidFields.push('consoleHosts');
}

/** One refused policy value, and what is in force instead (English: for the diagnostics report). */
export interface PolicyProblem {
  field: string;
  /** The refused entries of a list whose valid entries apply; null when the whole value was refused. */
  refusedEntries: string[] | null;
  inForce: string;
}

const EVERY_RESTRICTION =
  'every restriction is on: read-only, every CC org blocked, every author host policy did not bind forbidden';

/** What is in force instead of a field policy set but the extension could not read (in whole or in part). */
const IN_FORCE: Record<string, (kept: number, someRefused: boolean) => string> = {
  consoleProfile: () => 'built-in labels for the refused entries',
  allowedCcOrgIds: (kept) =>
    kept > 0 ? `only the ${kept} valid org IDs are allowed; every other CC org is blocked` : 'every CC org is blocked',
  consoleHosts: (kept) => `only the ${kept} valid console hosts are added`,
  readOnly: () => 'read-only mode is on',
  blockUnknownEntitlements: () => 'orgs with an unknown CC entitlement are refused',
  boundAuthorHosts: (kept) => `only the ${kept} valid author host bindings apply`,
  forbiddenAuthorHosts: () => 'every author host policy did not bind is forbidden',
  [POLICY_FIELDS_DECLARATION]: (_kept, someRefused) => (someRefused ? 'unknown names are ignored' : EVERY_RESTRICTION),
  '(policy)': () => EVERY_RESTRICTION,
};

export function policyProblems({ policy, invalidFields, refusedEntries }: ParsedPolicy): PolicyProblem[] {
  return invalidFields.map((field) => {
    const entries = refusedEntries[field as keyof ParsedPolicy['refusedEntries']];
    const kept = field in LIST_ENTRIES ? (policy[field as keyof typeof LIST_ENTRIES] ?? []).length : 0;
    const inForce = IN_FORCE[field]?.(kept, entries !== undefined) ?? "ignored: the user's own setting applies";
    return { field, refusedEntries: entries ?? null, inForce };
  });
}
