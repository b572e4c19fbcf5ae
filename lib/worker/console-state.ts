import type { AssetsClient } from '../assets/client';
import { buildEntitlementModel, summarize } from '../entitlement/model';
import type { ConsoleIdentity, ConsoleState } from '../messaging/contract';
import { currentPolicy } from '../settings/switch-policy';
import { forgetConsoleContextReadsInFlight, loadConsoleContext } from './console-context';
import { cachedConsoleState, consoleKeyOf, remember, removeCachedConsoleStates } from './console-state-cache';
import { identityOf, pageConnection, plainConnection } from './console-state-view';
import type { Session } from './session';
import { singleFlight } from './single-flight';
import { isAssetsApiUnavailable, rememberSwitchPath } from './switch-path';

/**
 * A console tab's state: the context (lib/worker/console-context.ts), the connection from the
 * Assets API or the page, the entitlement model under the current policy, in the contract's
 * shapes (lib/worker/console-state-view.ts), remembered for the next tab (lib/worker/console-state-cache.ts).
 */

const sharedConsoleStateRead = singleFlight<ConsoleState>();

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

/**
 * What the console's page last showed, for a request that cannot read the page (the popup, a
 * diagnostics report): the tab's content script reported it with its own request.
 */
async function lastPageConnection(identity: ConsoleIdentity) {
  const cached = await cachedConsoleState(identity);
  return cached?.signedIn && cached.console?.switchPath === 'console' ? cached.console.connection : undefined;
}

/** Sign-in, sign-out, a switch: the cached states are gone, and so are the refreshes on their way. */
export function clearConsoleStateCache(): Promise<void> {
  forgetConsoleContextReadsInFlight();
  sharedConsoleStateRead.forgetInFlight();
  return removeCachedConsoleStates();
}
