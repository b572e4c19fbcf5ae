import { z } from 'zod/mini';
import { type AssetsClient, createAssetsClient } from '../assets/client';
import type { CcConnection } from '../assets/schemas';
import { withNewestEntry } from '../bounded-record';
import { type AccessProfileSource, buildEntitlementModel, summarize } from '../entitlement/model';
import type { SwitchPolicy } from '../entitlement/schemas';
import { assetsBaseUrlFor, type Endpoints } from '../environment';
import { createAccessProfileClient } from '../ims/access-profile';
import { accountTypeOf, type Organization, type Profile } from '../ims/schemas';
import { type ConsoleIdentity, type ConsoleState, consoleStateSchema, type Identity } from '../messaging/contract';
import { orgIdFromRef } from '../org-id';
import { readEffectiveSettings } from '../settings/effective';
import { aemOrgByConsoleItem, readAemOrgByConsole } from '../storage-items';
import { versionedItem } from '../versioned-item';
import { aemOrgChoiceKey, resolveAemOrg } from './aem-org';
import { authorHostStateFor, mayReceiveToken } from './author-host';
import type { Session } from './session';
import { configuredEnvironment } from './session';
import { singleFlight } from './single-flight';
import { isAssetsApiUnavailable, rememberSwitchPath } from './switch-path';

/**
 * The Access Profile API only sharpens badges: any failure (network, 4xx/5xx, a payload that
 * does not parse) leaves the source `unavailable` and its capabilities unknown, and never fails
 * the console state. Its 401 does not refresh the IMS session either: the API may simply not
 * accept this client's token, which says nothing about the session.
 */
export async function loadAccessProfile(session: Session, endpoints: Endpoints): Promise<AccessProfileSource> {
  if (!endpoints.accessProfileBaseUrl) return { status: 'notConfigured' };
  try {
    const client = createAccessProfileClient({ accessProfileBaseUrl: endpoints.accessProfileBaseUrl });
    return { status: 'answered', items: await client.getAccessibleItems(await session.accessToken()) };
  } catch {
    return { status: 'unavailable' };
  }
}

const sharedProfileRead = singleFlight<Profile>();
const sharedOrganizationsRead = singleFlight<Organization[]>();
const sharedConsoleStateRead = singleFlight<ConsoleState>();

/** Everything a console tab needs, fetched fresh: IMS identity, orgs and entitlement sources, then the Assets side. */
export async function loadConsoleContext(session: Session, identity: ConsoleIdentity) {
  const { settings, endpoints } = await configuredEnvironment();
  const ims = await session.imsClient();
  // Another request of this refresh (a second frame, the popup) may be asking IMS the same already.
  const profileRead = sharedProfileRead('profile', () => session.authorized((token) => ims.getProfile(token)));
  const [profile, organizations, accessProfile] = await Promise.all([
    profileRead,
    sharedOrganizationsRead('organizations', () => session.authorized((token) => ims.getOrganizations(token))),
    // After the profile: a token IMS had expired is refreshed by then, and this source has no
    // refresh of its own (see loadAccessProfile).
    profileRead.then(() => loadAccessProfile(session, endpoints)),
  ]);
  const aemOrg = resolveAemOrg(identity, organizations, await rememberedAemOrgChoice(identity));
  // No call carrying the token goes to an author host until it is bound to this AEM org.
  const authorHost =
    aemOrg.status === 'resolved' ? await authorHostStateFor(identity, aemOrg.org.id, settings, endpoints) : undefined;
  const assets =
    aemOrg.status === 'resolved' && (!authorHost || mayReceiveToken(authorHost))
      ? createAssetsClient({
          // The console's AEM author host, unless options or policy override it; AEM_HOST_UNKNOWN when neither.
          assetsBaseUrl: assetsBaseUrlFor(endpoints, identity),
          clientId: settings.clientId,
          aemOrgId: aemOrg.org.id,
          getAccessToken: () => session.accessToken(),
          onUnauthorized: (refusedToken) => session.refreshAfterUnauthorized(refusedToken),
        })
      : undefined;
  return { profile, organizations, accessProfile, aemOrg, authorHost, assets };
}

/** The one place switching policy is read: read-only, the CC org allowlist and unknown entitlements, enterprise policy first. */
export async function currentPolicy(): Promise<SwitchPolicy> {
  const settings = await readEffectiveSettings();
  return {
    readOnly: settings.readOnly.value,
    allowedOrgIds: settings.allowedCcOrgIds,
    blockUnknownEntitlements: settings.blockUnknownEntitlements.value,
  };
}

export function identityOf(profile: Profile): Identity {
  return {
    userId: profile.userId,
    name: profile.name,
    email: profile.email,
    accountType: accountTypeOf(profile.account_type),
  };
}

/**
 * Fresh state for one console tab; also refreshes the cache the next tab renders from. The
 * Assets API is asked first; where it refuses the extension, the connection is what the page
 * shows (`pageConnectedOrgId`) and the switch goes through the console page.
 */
export function fetchConsoleState(
  session: Session,
  identity: ConsoleIdentity,
  pageConnectedOrgId?: string | null,
): Promise<ConsoleState> {
  // One refresh per console and page connection at a time: the cached-then-fresh load, a page
  // event and the popup asking together share it.
  const key = JSON.stringify([
    consoleKeyOf(identity),
    pageConnectedOrgId === undefined ? 'unread' : pageConnectedOrgId,
  ]);
  return sharedConsoleStateRead(key, () => readConsoleState(session, identity, pageConnectedOrgId));
}

async function readConsoleState(
  session: Session,
  identity: ConsoleIdentity,
  pageConnectedOrgId?: string | null,
): Promise<ConsoleState> {
  if (!(await session.isSignedIn())) return { signedIn: false };
  const { profile, organizations, accessProfile, aemOrg, authorHost, assets } = await loadConsoleContext(
    session,
    identity,
  );
  const base = { signedIn: true as const, identity: identityOf(profile), aemOrg, ...(authorHost && { authorHost }) };
  if (!assets) return remember(identity, base);
  const [fromApi, policy] = await Promise.all([readFromApi(assets), currentPolicy()]);
  await rememberSwitchPath(consoleKeyOf(identity), fromApi ? 'api' : 'console');
  const connection = fromApi
    ? fromApi.connection
    : (pageConnection(pageConnectedOrgId, organizations) ?? (await lastPageConnection(identity)));
  const model = buildEntitlementModel({
    profile,
    organizations,
    ...(fromApi && { consoleUser: fromApi.consoleUser }),
    connection: connection ?? { connectedOrg: null },
    policy,
    accessProfile,
  });
  return remember(identity, {
    ...base,
    console: {
      ...(connection && { connection: plainConnection(connection) }),
      ...(fromApi && { consoleUserId: fromApi.consoleUser.userId }),
      switchPath: fromApi ? 'api' : 'console',
      model,
      summary: summarize(model),
      readOnly: policy.readOnly,
      fetchedAt: Date.now(),
    },
  });
}

/** The console user and the connection, or undefined when the API refuses the extension. */
async function readFromApi(assets: AssetsClient) {
  const [me, connection] = await Promise.allSettled([assets.getMe(), assets.getConnection()]);
  if (me.status === 'fulfilled' && connection.status === 'fulfilled') {
    return { consoleUser: me.value, connection: connection.value.connection };
  }
  const failures = [me, connection].flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  if (failures.some(isAssetsApiUnavailable)) return undefined;
  throw failures[0];
}

/** The page's "Current Creative Cloud org ID" as a connection, named from the user's orgs. */
function pageConnection(
  orgId: string | null | undefined,
  organizations: readonly Organization[],
): Pick<CcConnection, 'connectedOrg'> | undefined {
  if (orgId === undefined) return undefined;
  if (orgId === null) return { connectedOrg: null };
  const known = organizations.find((org) => orgIdFromRef(org.orgRef) === orgId);
  return { connectedOrg: { id: orgId, name: known?.orgName ?? orgId } };
}

/**
 * What the console's page last showed, for a request that cannot read the page (the popup, a
 * diagnostics report): the tab's content script reported it with its own request.
 */
async function lastPageConnection(identity: ConsoleIdentity) {
  const cached = await cachedConsoleState(identity);
  return cached?.signedIn && cached.console?.switchPath === 'console' ? cached.console.connection : undefined;
}

/** Stale-while-revalidate: the last state per console, in session storage (never on disk). */
const consoleStateCache = versionedItem('session:consoleStateCache', 1);
const cacheSchema = z.record(z.string(), consoleStateSchema);
/**
 * One console's key in the worker's session records (its state, its switch path). Every field
 * names the console: one AEM org has several author hosts (environments), each with its own connection.
 */
export const consoleKeyOf = (identity: ConsoleIdentity) =>
  JSON.stringify([identity.tenant ?? '', identity.orgName ?? '', identity.orgId ?? '', identity.authorHost ?? '']);
const cacheKey = consoleKeyOf;

async function readCache(): Promise<Record<string, ConsoleState>> {
  const parsed = cacheSchema.safeParse(await consoleStateCache.getValue());
  return parsed.success ? parsed.data : {};
}

/**
 * Fewer than other page-keyed records: one state holds a user's whole org list. A page can
 * invent consoles, so the oldest give way (lib/bounded-record.ts).
 */
export const CONSOLE_STATES_MAX = 20;

export async function remember(identity: ConsoleIdentity, state: ConsoleState): Promise<ConsoleState> {
  await consoleStateCache.setValue(withNewestEntry(await readCache(), cacheKey(identity), state, CONSOLE_STATES_MAX));
  return state;
}

export async function cachedConsoleState(identity: ConsoleIdentity): Promise<ConsoleState | undefined> {
  return (await readCache())[cacheKey(identity)];
}

/** Sign-in, sign-out, a switch: the cached states are gone, and so are the refreshes on their way. */
export function clearConsoleStateCache(): Promise<void> {
  for (const shared of [sharedProfileRead, sharedOrganizationsRead, sharedConsoleStateRead]) shared.forgetInFlight();
  return consoleStateCache.removeValue();
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

/** Only the fields the contract carries: the API may add more, the contract is strict. */
export function plainConnection(connection: Pick<CcConnection, 'connectedOrg'> & Partial<CcConnection>) {
  return {
    connectedOrg: connection.connectedOrg && { id: connection.connectedOrg.id, name: connection.connectedOrg.name },
    ...(connection.updatedAt !== undefined && { updatedAt: connection.updatedAt }),
    ...(connection.updatedBy !== undefined && { updatedBy: connection.updatedBy }),
  };
}

/** Every console this browser session has state for (diagnostics): its identity and last state. */
export async function cachedConsoleStates(): Promise<{ console: ConsoleIdentity; state: ConsoleState }[]> {
  return Object.entries(await readCache()).map(([key, state]) => {
    const [tenant, orgName, orgId, authorHost] = JSON.parse(key) as [string, string, string?, string?];
    const names = { ...(tenant && { tenant }), ...(orgName && { orgName }), ...(orgId && { orgId }) };
    return { console: { ...names, ...(authorHost && { authorHost }) }, state };
  });
}
