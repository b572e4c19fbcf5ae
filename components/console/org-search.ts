import type { OrgEntitlement } from '@/lib/entitlement/schemas';

/** Rows rendered at once: enough to scan, few enough that 1,000 orgs filter within a frame. */
export const VISIBLE_MATCHES = 50;

/** One lowercase "name id" string per org, built once per org list, so a keystroke is one scan. */
export function searchIndex(orgs: readonly OrgEntitlement[]): string[] {
  return orgs.map((org) => `${org.orgName}\n${org.orgId}`.toLowerCase());
}

export interface SearchResult {
  shown: OrgEntitlement[];
  total: number;
}

export function searchOrgs(
  orgs: readonly OrgEntitlement[],
  index: readonly string[],
  query: string,
  limit = VISIBLE_MATCHES,
): SearchResult {
  const needle = query.trim().toLowerCase();
  const shown: OrgEntitlement[] = [];
  let total = 0;
  index.forEach((text, position) => {
    const org = orgs[position];
    if (!org || (needle && !text.includes(needle))) return;
    total++;
    if (shown.length < limit) shown.push(org);
  });
  return { shown, total };
}
