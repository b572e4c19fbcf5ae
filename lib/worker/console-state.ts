import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { createAssetsClient } from '../assets/client';
import type { CcConnection } from '../assets/shapes';
import { buildEntitlementModel, summarize } from '../entitlement/model';
import type { SwitchPolicy } from '../entitlement/schemas';
import { assetsBaseUrlFor } from '../environment';
import { accountTypeOf, type Profile } from '../ims/shapes';
import { type ConsoleState, consoleStateSchema, type Identity } from '../messaging/contract';
import { readEffectiveSettings } from '../settings/effective';
import { aemOrgByTenantItem, readAemOrgByTenant } from '../storage-items';
import { type ConsoleIdentity, resolveAemOrg } from './aem-org';
import type { Session } from './session';
import { configuredEnvironment } from './session';

/** Everything a console tab needs, fetched fresh: IMS identity and orgs, then the Assets side. */
export async function loadConsoleContext(session: Session, identity: ConsoleIdentity) {
  const { settings, endpoints } = await configuredEnvironment();
  const ims = await session.imsClient();
  const [profile, organizations] = await Promise.all([
    session.authorized((token) => ims.getProfile(token)),
    session.authorized((token) => ims.getOrganizations(token)),
  ]);
  const remembered = identity.tenant ? (await readAemOrgByTenant())[identity.tenant] : undefined;
  const aemOrg = resolveAemOrg(identity, organizations, remembered);
  const assets =
    aemOrg.status === 'resolved'
      ? createAssetsClient({
          // The console's AEM author host, unless options or policy override it; AEM_HOST_UNKNOWN when neither.
          assetsBaseUrl: assetsBaseUrlFor(endpoints, identity),
          clientId: settings.clientId,
          aemOrgId: aemOrg.org.id,
          getAccessToken: () => session.accessToken(),
          onUnauthorized: () => session.refreshAfterUnauthorized(),
        })
      : undefined;
  return { profile, organizations, aemOrg, assets };
}

/** The one place switching policy is read: read-only and the CC org allowlist, enterprise policy first. */
export async function currentPolicy(): Promise<SwitchPolicy> {
  const settings = await readEffectiveSettings();
  return { readOnly: settings.readOnly.value, allowedOrgIds: settings.allowedCcOrgIds };
}

export function identityOf(profile: Profile): Identity {
  return {
    userId: profile.userId,
    name: profile.name,
    email: profile.email,
    accountType: accountTypeOf(profile.account_type),
  };
}

/** Fresh state for one console tab; also refreshes the cache the next tab renders from. */
export async function fetchConsoleState(session: Session, identity: ConsoleIdentity): Promise<ConsoleState> {
  if (!(await session.isSignedIn())) return { signedIn: false };
  const { profile, organizations, aemOrg, assets } = await loadConsoleContext(session, identity);
  const base = { signedIn: true as const, identity: identityOf(profile), aemOrg };
  if (!assets) return remember(identity, base);
  const [consoleUser, { connection }, policy] = await Promise.all([
    assets.getMe(),
    assets.getConnection(),
    currentPolicy(),
  ]);
  const model = buildEntitlementModel({ profile, organizations, consoleUser, connection, policy });
  return remember(identity, {
    ...base,
    console: {
      connection: plainConnection(connection),
      consoleUserId: consoleUser.userId,
      model,
      summary: summarize(model),
      readOnly: policy.readOnly,
      fetchedAt: Date.now(),
    },
  });
}

/** Stale-while-revalidate: the last state per console, in session storage (never on disk). */
const consoleStateCache = storage.defineItem<unknown>('session:consoleStateCache');
const cacheSchema = z.record(z.string(), consoleStateSchema);
// Every field names the console: one AEM org has several author hosts (environments), each with its own connection.
const cacheKey = (identity: ConsoleIdentity) =>
  JSON.stringify([identity.tenant ?? '', identity.orgName ?? '', identity.orgId ?? '', identity.authorHost ?? '']);

async function readCache(): Promise<Record<string, ConsoleState>> {
  const parsed = cacheSchema.safeParse(await consoleStateCache.getValue());
  return parsed.success ? parsed.data : {};
}

async function remember(identity: ConsoleIdentity, state: ConsoleState): Promise<ConsoleState> {
  await consoleStateCache.setValue({ ...(await readCache()), [cacheKey(identity)]: state });
  return state;
}

export async function cachedConsoleState(identity: ConsoleIdentity): Promise<ConsoleState | undefined> {
  return (await readCache())[cacheKey(identity)];
}

export function clearConsoleStateCache(): Promise<void> {
  return consoleStateCache.removeValue();
}

export async function rememberAemOrgChoice(identity: ConsoleIdentity, orgId: string): Promise<void> {
  if (!identity.tenant) return;
  await aemOrgByTenantItem.setValue({ ...(await readAemOrgByTenant()), [identity.tenant]: orgId });
}

/** Only the fields the contract carries: the API may add more, the contract is strict. */
export function plainConnection(connection: CcConnection) {
  return {
    connectedOrg: connection.connectedOrg && { id: connection.connectedOrg.id, name: connection.connectedOrg.name },
    updatedAt: connection.updatedAt,
    updatedBy: connection.updatedBy,
  };
}

/** Every console this browser session has state for (diagnostics): its identity and last state. */
export async function cachedConsoleStates(): Promise<{ console: ConsoleIdentity; state: ConsoleState }[]> {
  return Object.entries(await readCache()).map(([key, state]) => {
    const [tenant, orgName, orgId, authorHost] = JSON.parse(key) as [string, string, string?, string?];
    const console = { ...(tenant && { tenant }), ...(orgName && { orgName }), ...(orgId && { orgId }) };
    return { console: { ...console, ...(authorHost && { authorHost }) }, state };
  });
}
