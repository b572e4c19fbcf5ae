import { withNewestEntry } from '../bounded-record';
import { consoleUrlIdentity } from '../console-hosts/url';
import type { Organization } from '../ims/schemas';
import type { ConsoleIdentity } from '../messaging/contract';
import { type OrgRef, orgIdFromRef } from '../org-id';
import { aemOrgByConsoleItem, readAemOrgByConsole } from '../storage-items';

/**
 * The console a content script's tab shows. The app frame cannot read the shell's URL (another
 * origin) and its own URL names no tenant, so the worker reads the URLs the browser reports:
 * the tab's top-level URL first, then the sending frame's own (an app frame may carry
 * `?repoId=`). What they name (tenant or org id, author host) wins over what the page
 * reported; the reported values (bounded and validated by the contract) fill only what both
 * URLs leave open, such as the header's org name. The author host never comes from the page.
 */
export function consoleIdentityFor(
  reported: ConsoleIdentity,
  tabUrl: string | undefined,
  frameUrl?: string,
): ConsoleIdentity {
  const fromTab = consoleUrlIdentity(tabUrl);
  const fromFrame = consoleUrlIdentity(frameUrl);
  const namesConsole = (identity: ConsoleIdentity) => Boolean(identity.tenant || identity.orgId);
  const named = [fromTab, fromFrame, reported].find(namesConsole) ?? {};
  // The author host receives the token: only the URLs the browser reports name it, never the page.
  const authorHost = fromTab.authorHost ?? fromFrame.authorHost;
  // Never the page's word: only the tab URL the browser reports names the console's origin.
  const consoleOrigin = originOf(tabUrl);
  return {
    ...(named.tenant && { tenant: named.tenant }),
    ...(named.orgId && { orgId: named.orgId }),
    ...(reported.orgName && { orgName: reported.orgName }),
    ...(authorHost && { authorHost }),
    ...(consoleOrigin && { consoleOrigin }),
  };
}

function originOf(url: string | undefined): string | undefined {
  try {
    const origin = url ? new URL(url).origin : undefined;
    return origin && origin !== 'null' ? origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The key of an admin's AEM-org choice: the console's origin and tenant, so a page on one
 * console host cannot choose for the same tenant name on another. No origin or no tenant: no key.
 */
export function aemOrgChoiceKey(identity: ConsoleIdentity): string | undefined {
  return identity.consoleOrigin && identity.tenant
    ? JSON.stringify([identity.consoleOrigin, identity.tenant])
    : undefined;
}

/** The AEM org the admin chose for this console (origin and tenant), if any. */
export async function rememberedAemOrgChoice(identity: ConsoleIdentity): Promise<string | undefined> {
  const key = aemOrgChoiceKey(identity);
  return key ? (await readAemOrgByConsole())[key] : undefined;
}

export async function rememberAemOrgChoice(identity: ConsoleIdentity, orgId: string): Promise<void> {
  const key = aemOrgChoiceKey(identity);
  if (!key) return;
  await aemOrgByConsoleItem.setValue(withNewestEntry(await readAemOrgByConsole(), key, orgId));
}

export type AemOrgResolution =
  | { status: 'resolved'; org: OrgRef }
  | { status: 'ambiguous' | 'unknown'; candidates: OrgRef[] };

const normalized = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase();
const slug = (text: string) => normalized(text).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Resolve the console's AEM org against the user's IMS organizations. What the tab's URL names
 * decides over what the page shows: an org id in the URL decides alone (it must be one of the
 * user's orgs; no other org may stand in for it), then the tenant compared with org names. The
 * header name the page shows only narrows the tenant's matches, or decides where the tenant
 * matches no org (the URL then says nothing). Only when those leave it ambiguous or unknown does
 * the admin's earlier choice for this console count (it never beats a match); without one, the
 * admin chooses once.
 */
export function resolveAemOrg(
  identity: ConsoleIdentity,
  organizations: readonly Organization[],
  rememberedOrgId: string | undefined,
): AemOrgResolution {
  const resolution = resolveByConsole(
    identity,
    organizations.map((org) => ({ id: orgIdFromRef(org.orgRef), name: org.orgName })),
  );
  if (resolution.status === 'resolved') return resolution;
  const remembered = resolution.candidates.find((org) => org.id === rememberedOrgId);
  return remembered ? { status: 'resolved', org: remembered } : resolution;
}

function resolveByConsole(identity: ConsoleIdentity, orgs: OrgRef[]): AemOrgResolution {
  if (identity.orgId) {
    const named = orgs.find((org) => org.id === identity.orgId);
    return named ? { status: 'resolved', org: named } : { status: 'unknown', candidates: [] };
  }
  const tenant = identity.tenant ? slug(identity.tenant) : '';
  const byTenant = tenant ? orgs.filter((org) => slug(org.name) === tenant) : [];
  if (byTenant.length === 1 && byTenant[0]) return { status: 'resolved', org: byTenant[0] };
  // Several orgs fit the tenant: the header may pick among them, never outside them.
  const pool = byTenant.length > 1 ? byTenant : orgs;
  const byName = identity.orgName
    ? pool.filter((org) => normalized(org.name) === normalized(identity.orgName ?? ''))
    : [];
  if (byName.length === 1 && byName[0]) return { status: 'resolved', org: byName[0] };
  if (byName.length > 1) return { status: 'ambiguous', candidates: byName };
  return byTenant.length > 1 ? { status: 'ambiguous', candidates: byTenant } : { status: 'unknown', candidates: orgs };
}
