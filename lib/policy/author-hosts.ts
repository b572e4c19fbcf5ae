import { z } from 'zod/mini';
import { authorHostSchema } from '../author-hosts/trust';
import { orgIdSchema } from '../org-id';

/**
 * Policy's author-host fields (docs/ENTERPRISE.md#enterprise-policy): hosts IT binds to an AEM
 * org, so no admin needs to confirm them, and hosts IT forbids. `managed_schema.json` declares
 * them loosely (no patterns), so Chrome never drops a whole field for one bad entry; this parser
 * is strict and fails closed.
 */
export const policyBoundAuthorHostSchema = z.strictObject({ aemOrgId: orgIdSchema, authorHost: authorHostSchema });
/** `*` forbids every author host policy did not bind: only IT decides where tokens go. */
export const policyForbiddenAuthorHostSchema = z.union([z.literal('*'), authorHostSchema]);

export const AUTHOR_HOST_POLICY_FIELDS = {
  boundAuthorHosts: z.array(policyBoundAuthorHostSchema),
  forbiddenAuthorHosts: z.array(policyForbiddenAuthorHostSchema),
} as const;

/**
 * A forbidden list nobody can read in full may name the very host this console uses: every host
 * policy did not bind is then forbidden. An unreadable binding simply binds nothing.
 */
export function failClosedForbiddenHosts(
  policy: { forbiddenAuthorHosts?: readonly string[] },
  invalidFields: readonly string[],
) {
  if (!invalidFields.includes('forbiddenAuthorHosts')) return;
  policy.forbiddenAuthorHosts = [...new Set([...(policy.forbiddenAuthorHosts ?? []), '*'])];
}
