import { createAssetsClient } from '../assets/client';
import type { AccessProfileSource } from '../entitlement/model';
import { assetsBaseUrlFor, type Endpoints } from '../environment';
import { createAccessProfileClient } from '../ims/access-profile';
import type { Organization, Profile } from '../ims/schemas';
import type { ConsoleIdentity } from '../messaging/contract';
import { rememberedAemOrgChoice, resolveAemOrg } from './aem-org';
import { authorHostStateFor, mayReceiveToken } from './author-host';
import { configuredEnvironment, type Session } from './session';
import { singleFlight } from './single-flight';

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

/** Sign-in, sign-out, a switch: an IMS read already on its way answers for the world before it. */
export function forgetConsoleContextReadsInFlight(): void {
  for (const shared of [sharedProfileRead, sharedOrganizationsRead]) shared.forgetInFlight();
}

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
