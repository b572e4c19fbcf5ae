import { z } from 'zod/mini';
import { aemAuthorHostFrom } from '../console-hosts/url';
import { type EnvironmentName, environmentNameSchema } from '../environment';
import { orgIdSchema } from '../org-id';

/**
 * Which AEM author hosts may receive the IMS token, per environment and AEM org
 * (docs/ARCHITECTURE.md#author-host-binding). A console URL names its author host
 * (`?repoId=`), and any AEM customer runs code on their own author host, so a link naming
 * someone else's host would otherwise get the victim's token. No Adobe source the extension can
 * read maps an AEM org to its author hosts, so the admin confirms each host once (trust on first
 * use) or IT binds or forbids hosts by policy.
 */

export const authorHostSchema = z.string().check(z.refine((host) => aemAuthorHostFrom(host) === host));

export const authorHostBindingSchema = z.strictObject({
  environment: environmentNameSchema,
  aemOrgId: orgIdSchema,
  authorHost: authorHostSchema,
  /** For the options list only; the id decides. */
  aemOrgName: z.string().check(z.maxLength(300)),
  boundAt: z.iso.datetime(),
});
export type AuthorHostBinding = z.infer<typeof authorHostBindingSchema>;

/** Who trusts the host: the admin (a confirmed binding), IT (policy), nobody yet, or policy forbids it. */
export const AUTHOR_HOST_TRUST = ['admin', 'policy', 'unconfirmed', 'forbidden'] as const;
export type AuthorHostTrust = (typeof AUTHOR_HOST_TRUST)[number];

/** The policy's part: hosts bound to an AEM org, and hosts (or `*`: every host not bound by policy) forbidden. */
export interface AuthorHostPolicy {
  bound: readonly { aemOrgId: string; authorHost: string }[];
  forbidden: readonly string[];
}

/** One console's author host in one environment and AEM org: the key of a binding. */
export interface AuthorHostKey {
  environment: EnvironmentName;
  aemOrgId: string;
  authorHost: string;
}

export const sameAuthorHostKey = (a: AuthorHostKey, b: AuthorHostKey) =>
  a.environment === b.environment && a.aemOrgId === b.aemOrgId && a.authorHost === b.authorHost;

/**
 * Policy first: a host bound by policy is trusted, a forbidden one never is (even if the admin
 * confirmed it before the policy came); `*` forbids every host policy did not bind. Then the
 * admin's own bindings.
 */
export function authorHostTrust(
  key: AuthorHostKey,
  stored: readonly AuthorHostBinding[],
  policy: AuthorHostPolicy,
): AuthorHostTrust {
  if (policy.bound.some((bound) => bound.aemOrgId === key.aemOrgId && bound.authorHost === key.authorHost)) {
    return 'policy';
  }
  if (policy.forbidden.includes('*') || policy.forbidden.includes(key.authorHost)) return 'forbidden';
  return stored.some((binding) => sameAuthorHostKey(binding, key)) ? 'admin' : 'unconfirmed';
}
