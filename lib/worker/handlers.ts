import { createAssetsClient } from '../assets/client';
import type { CcConnection } from '../assets/shapes';
import { validateSwitchTarget } from '../entitlement/model';
import { ExtensionError } from '../errors';
import type { WorkerEvent } from '../messaging/contract';
import type { Handlers } from '../messaging/router';
import { orgIdFromRef } from '../org-id';
import type { ConsoleIdentity } from './aem-org';
import { readAudit, switchBackTarget } from './audit';
import {
  cachedConsoleState,
  clearConsoleStateCache,
  currentPolicy,
  fetchConsoleState,
  identityOf,
  loadConsoleContext,
  plainConnection,
  rememberAemOrgChoice,
} from './console-state';
import { rememberConsoleTab } from './console-tabs';
import { createPopupHandlers } from './popup-handlers';
import type { Session } from './session';
import { configuredEnvironment } from './session';
import { createSettingsHandlers } from './settings-handlers';
import { getStatus } from './status';
import { reconcile, type SwitchContext, switchOrg } from './switch-org';
import { readSwitchRecord } from './switch-record';

export interface WorkerServices {
  session: Session;
  announce(event: WorkerEvent): Promise<void>;
  newOpId(): string;
}

/** The worker's dispatch table: every request type maps to exactly one handler here. */
export function createHandlers(services: WorkerServices): Handlers {
  const { session, announce } = services;

  async function switchContextFor(identity: ConsoleIdentity): Promise<SwitchContext> {
    const { profile, organizations, accessProfile, aemOrg, assets } = await loadConsoleContext(session, identity);
    if (aemOrg.status !== 'resolved' || !assets) {
      throw new ExtensionError('AEM_ORG_UNRESOLVED', 'Choose the AEM org of this console first');
    }
    return {
      aemOrg: aemOrg.org,
      assets,
      // Fresh data for the shared entitlement model: the profile and orgs were just fetched for
      // this request; the admin flag and the connection are read again here.
      async revalidate(orgId: string, connection: CcConnection) {
        const [consoleUser, policy] = await Promise.all([assets.getMe(), currentPolicy()]);
        const reasons = validateSwitchTarget(orgId, {
          profile,
          organizations,
          consoleUser,
          connection,
          policy,
          accessProfile,
        });
        const target = organizations.find((org) => orgIdFromRef(org.orgRef) === orgId);
        return { reasons, orgName: target?.orgName ?? orgId, userId: profile.userId };
      },
      now: () => Date.now(),
      newOpId: services.newOpId,
      async announce(entry) {
        await clearConsoleStateCache();
        await announce({ event: 'stateChanged', reason: 'switched', aemOrgId: entry.aemOrgId });
      },
    };
  }

  async function refuseInReadOnly() {
    if ((await currentPolicy()).readOnly) {
      throw new ExtensionError('READ_ONLY', 'Read-only mode is on: switching is disabled');
    }
  }

  return {
    getStatus,

    async signIn({ chooseAccount }) {
      const profile = await session.signIn({ chooseAccount });
      await clearConsoleStateCache();
      await announce({ event: 'stateChanged', reason: 'signedIn' });
      return identityOf(profile);
    },

    async signOut() {
      await session.signOut();
      await clearConsoleStateCache();
      await announce({ event: 'stateChanged', reason: 'signedOut' });
      return { signedIn: false as const };
    },

    async getConsoleState({ console: identity, freshness }, { senderKind, tabId, tabUrl }) {
      // The popup answers for the active tab from this record.
      if (senderKind === 'contentScript' && tabId !== undefined) await rememberConsoleTab(tabId, tabUrl, identity);
      const cached = freshness === 'cached' ? await cachedConsoleState(identity) : undefined;
      return cached ?? fetchConsoleState(session, identity);
    },

    async chooseAemOrg({ console: identity, orgId }) {
      const { organizations } = await loadConsoleContext(session, identity);
      if (!organizations.some((org) => orgIdFromRef(org.orgRef) === orgId)) {
        throw new ExtensionError('AEM_ORG_UNRESOLVED', 'That org is not one of your IMS organizations');
      }
      await rememberAemOrgChoice(identity, orgId);
      return fetchConsoleState(session, identity);
    },

    async switchOrg({ console: identity, orgId, expectedCurrentOrgId }) {
      await refuseInReadOnly();
      const result = await switchOrg(await switchContextFor(identity), { orgId, expectedCurrentOrgId });
      return { connection: plainConnection(result.connection), audit: result.audit };
    },

    async switchBack({ console: identity, expectedCurrentOrgId }) {
      await refuseInReadOnly();
      const context = await switchContextFor(identity);
      const target = switchBackTarget(await readAudit(), context.aemOrg.id);
      if (!target) throw new ExtensionError('NO_SWITCH_BACK', 'There is no earlier org to switch back to');
      const result = await switchOrg(context, { orgId: target.id, expectedCurrentOrgId });
      return { connection: plainConnection(result.connection), audit: result.audit };
    },

    async getAudit() {
      return { entries: await readAudit() };
    },

    ...createSettingsHandlers(services),
    ...createPopupHandlers(session),
  };
}

/** DESIGN §7 step 7: a worker that wakes with a switch record settles it from the server's truth. */
export async function reconcileOnWake(services: WorkerServices): Promise<void> {
  const record = await readSwitchRecord();
  if (!record || !(await services.session.isSignedIn())) return;
  const { settings, endpoints } = await configuredEnvironment();
  const assets = createAssetsClient({
    assetsBaseUrl: endpoints.assetsBaseUrl,
    clientId: settings.clientId,
    aemOrgId: record.aemOrgId,
    getAccessToken: () => services.session.accessToken(),
    onUnauthorized: () => services.session.refreshAfterUnauthorized(),
  });
  await reconcile({
    aemOrg: { id: record.aemOrgId, name: record.aemOrgName },
    assets,
    revalidate: () => Promise.reject(new ExtensionError('INTERNAL', 'reconciliation never re-validates')),
    now: () => Date.now(),
    newOpId: services.newOpId,
    async announce(entry) {
      await clearConsoleStateCache();
      await services.announce({ event: 'stateChanged', reason: 'switched', aemOrgId: entry.aemOrgId });
    },
  });
}
