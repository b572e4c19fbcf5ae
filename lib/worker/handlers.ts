import { createAssetsClient } from '../assets/client';
import type { CcConnection } from '../assets/schemas';
import { validateSwitchTarget } from '../entitlement/model';
import { ExtensionError } from '../errors';
import type { ConsoleIdentity, SenderKind } from '../messaging/contract';
import type { Handlers } from '../messaging/router';
import { orgIdFromRef } from '../org-id';
import { readPolicy } from '../policy/managed';
import { currentPolicy } from '../settings/switch-policy';
import { consoleIdentityFor, rememberAemOrgChoice } from './aem-org';
import { mayReceiveToken, untrustedHostError } from './author-host';
import { createAuthorHostHandlers } from './author-host-handlers';
import { loadConsoleContext } from './console-context';
import { createConsoleHostHandlers } from './console-host-handlers';
import { clearConsoleStateCache, fetchConsoleState } from './console-state';
import { cachedConsoleState, consoleKeyOf } from './console-state-cache';
import { identityOf, plainConnection } from './console-state-view';
import {
  beginConsoleSwitch,
  type ConsoleSwitchContext,
  finishConsoleSwitch,
  settleExpiredConsoleSwitchOnWake,
} from './console-switch';
import { rememberConsoleTab } from './console-tabs';
import { injectConsoleUi } from './console-ui';
import { readHistory, switchBackTarget } from './history';
import { createPopupHandlers } from './popup-handlers';
import { announceSwitchedWith, type WorkerServices } from './services';
import { configuredEnvironment } from './session';
import { createSettingsHandlers } from './settings-handlers';
import { getStatus } from './status';
import { reconcile, type SwitchContext, switchOrg } from './switch-org';
import { rememberedSwitchPath } from './switch-path';
import { readSwitchRecords } from './switch-record';

/**
 * The console a request is about. For a content script, what its tab's top-level URL (and its
 * frame's own URL) names wins over what the page reported (lib/worker/aem-org.ts); an extension
 * page names it itself.
 */
function consoleOf(
  reported: ConsoleIdentity,
  context: { senderKind: SenderKind; tabUrl?: string; frameUrl?: string },
): ConsoleIdentity {
  return context.senderKind === 'contentScript'
    ? consoleIdentityFor(reported, context.tabUrl, context.frameUrl)
    : reported;
}

/** The worker's dispatch table: every request type maps to exactly one handler here. */
export function createHandlers(services: WorkerServices): Handlers {
  const { session, announce } = services;
  const announceSwitched = announceSwitchedWith(services);

  async function switchContextFor(identity: ConsoleIdentity): Promise<SwitchContext> {
    const { profile, organizations, accessProfile, aemOrg, authorHost, assets } = await loadConsoleContext(
      session,
      identity,
    );
    if (aemOrg.status !== 'resolved') {
      throw new ExtensionError('AEM_ORG_UNRESOLVED', 'Choose the AEM org of this console first');
    }
    if (authorHost && !mayReceiveToken(authorHost)) throw untrustedHostError(authorHost);
    if (!assets) throw new ExtensionError('AEM_ORG_UNRESOLVED', 'Choose the AEM org of this console first');
    return {
      aemOrg: aemOrg.org,
      ...(authorHost && { authorHost: authorHost.host }),
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
      announce: announceSwitched,
    };
  }

  /** A console switch validates as the API path does, with the connection the page just showed. */
  async function consoleSwitchContextFor(identity: ConsoleIdentity): Promise<ConsoleSwitchContext> {
    if ((await rememberedSwitchPath(consoleKeyOf(identity))) !== 'console') {
      throw new ExtensionError('SWITCH_PATH_CHANGED', "This console's Assets API answers: reload the page to use it");
    }
    const { profile, organizations, accessProfile, aemOrg, authorHost } = await loadConsoleContext(session, identity);
    if (aemOrg.status !== 'resolved') {
      throw new ExtensionError('AEM_ORG_UNRESOLVED', 'Choose the AEM org of this console first');
    }
    // The page switches, not the extension; still, only on an environment the admin confirmed.
    if (authorHost && !mayReceiveToken(authorHost)) throw untrustedHostError(authorHost);
    const nameOf = (orgId: string) => organizations.find((org) => orgIdFromRef(org.orgRef) === orgId)?.orgName ?? orgId;
    return {
      aemOrg: aemOrg.org,
      ...(authorHost && { authorHost: authorHost.host }),
      async revalidate(orgId, currentOrgId) {
        const currentOrg = currentOrgId === null ? null : { id: currentOrgId, name: nameOf(currentOrgId) };
        const policy = await currentPolicy();
        const reasons = validateSwitchTarget(orgId, {
          profile,
          organizations,
          connection: { connectedOrg: currentOrg },
          policy,
          accessProfile,
        });
        return { reasons, orgName: nameOf(orgId), userId: profile.userId, currentOrg };
      },
      now: () => Date.now(),
      newOpId: services.newOpId,
      announce: announceSwitched,
    };
  }

  async function refuseInReadOnly() {
    if ((await currentPolicy()).readOnly) {
      throw new ExtensionError('READ_ONLY', 'Read-only mode is on: switching is disabled');
    }
  }

  return {
    getStatus: () => getStatus(session),

    async showConsoleUi(_request, { tabId, frameId, documentId }) {
      await injectConsoleUi({ tabId, frameId, documentId });
      return { shown: true as const };
    },

    async getConsoleProfile() {
      const { policy } = await readPolicy();
      return policy.consoleProfile ?? { labels: {} };
    },

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

    async getConsoleState({ console: reported, freshness, pageConnectedOrgId }, context) {
      const identity = consoleOf(reported, context);
      const { senderKind, tabId, tabUrl } = context;
      // The popup answers for the active tab from this record.
      if (senderKind === 'contentScript' && tabId !== undefined) await rememberConsoleTab(tabId, tabUrl, identity);
      const cached = freshness === 'cached' ? await cachedConsoleState(identity) : undefined;
      return cached ?? fetchConsoleState(session, identity, pageConnectedOrgId);
    },

    async chooseAemOrg({ console: reported, orgId }, context) {
      const identity = consoleOf(reported, context);
      const { organizations } = await loadConsoleContext(session, identity);
      if (!organizations.some((org) => orgIdFromRef(org.orgRef) === orgId)) {
        throw new ExtensionError('AEM_ORG_UNRESOLVED', 'That org is not one of your IMS organizations');
      }
      await rememberAemOrgChoice(identity, orgId);
      return fetchConsoleState(session, identity);
    },

    async switchOrg({ console: reported, orgId, expectedCurrentOrgId }, context) {
      await refuseInReadOnly();
      const result = await switchOrg(await switchContextFor(consoleOf(reported, context)), {
        orgId,
        expectedCurrentOrgId,
      });
      return { connection: plainConnection(result.connection), entry: result.entry };
    },

    async switchBack({ console: reported, expectedCurrentOrgId }, context) {
      await refuseInReadOnly();
      const switchContext = await switchContextFor(consoleOf(reported, context));
      const target = switchBackTarget(await readHistory(), switchContext.aemOrg.id, switchContext.authorHost);
      if (!target) throw new ExtensionError('NO_SWITCH_BACK', 'There is no earlier org to switch back to');
      const result = await switchOrg(switchContext, { orgId: target.id, expectedCurrentOrgId });
      return { connection: plainConnection(result.connection), entry: result.entry };
    },

    async beginConsoleSwitch({ console: reported, target, expectedCurrentOrgId }, requestContext) {
      await refuseInReadOnly();
      const context = await consoleSwitchContextFor(consoleOf(reported, requestContext));
      const orgId =
        target === 'back' ? switchBackTarget(await readHistory(), context.aemOrg.id, context.authorHost)?.id : target;
      if (!orgId) throw new ExtensionError('NO_SWITCH_BACK', 'There is no earlier org to switch back to');
      return beginConsoleSwitch(context, { orgId, expectedCurrentOrgId });
    },

    async finishConsoleSwitch({ console: reported, opId, outcome, observedOrgId }, requestContext) {
      const { aemOrg } = await loadConsoleContext(session, consoleOf(reported, requestContext));
      if (aemOrg.status !== 'resolved') {
        throw new ExtensionError('AEM_ORG_UNRESOLVED', 'Choose the AEM org of this console first');
      }
      const context = { aemOrg: aemOrg.org, now: () => Date.now(), announce: announceSwitched };
      return { entry: await finishConsoleSwitch(context, { opId, outcome, observedOrgId }) };
    },

    async getHistory() {
      return { entries: await readHistory() };
    },

    ...createSettingsHandlers(services),
    ...createAuthorHostHandlers(services),
    ...createConsoleHostHandlers(),
    ...createPopupHandlers(session),
  };
}

/** docs/ARCHITECTURE.md#the-switch-step-by-step, step 7: a worker that wakes with switch records settles each from the server's truth. */
export async function reconcileOnWake(services: WorkerServices): Promise<void> {
  const announceSwitched = announceSwitchedWith(services);
  // A console switch is settled by its tab; only one whose lock expired is settled here.
  await settleExpiredConsoleSwitchOnWake({ now: () => Date.now(), announce: announceSwitched });
  const records = (await readSwitchRecords()).filter((record) => record.path !== 'console');
  if (records.length === 0 || !(await services.session.isSignedIn())) return;
  const { settings, endpoints } = await configuredEnvironment();
  for (const record of records) {
    // Where the PUT went (a host trusted then: docs/ARCHITECTURE.md#author-host-binding); a record
    // from before the author host was recorded falls back to the override.
    const assetsBaseUrl = record.assetsBaseUrl ?? endpoints.assetsBaseUrl;
    if (!assetsBaseUrl) continue;
    const assets = createAssetsClient({
      assetsBaseUrl,
      clientId: settings.clientId,
      aemOrgId: record.aemOrgId,
      getAccessToken: () => services.session.accessToken(),
      onUnauthorized: (refusedToken) => services.session.refreshAfterUnauthorized(refusedToken),
    });
    await reconcile({
      aemOrg: { id: record.aemOrgId, name: record.aemOrgName },
      assets,
      now: () => Date.now(),
      announce: announceSwitched,
    });
  }
}
