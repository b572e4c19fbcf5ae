import { browser } from 'wxt/browser';
import { consoleHomeUrl } from '../console-hosts/home';
import { readLastErrors } from '../diagnostics/last-errors';
import { browserFromUserAgent, buildDiagnosticsReport } from '../diagnostics/report';
import { endpointsFor } from '../environment';
import type { ConsoleState, RequestOf, ResponseData } from '../messaging/contract';
import { readPolicy } from '../policy/managed';
import { policyProblems } from '../policy/schemas';
import { environmentOf, readEffectiveSettings } from '../settings/effective';
import { currentPolicy } from '../settings/switch-policy';
import { fetchConsoleState } from './console-state';
import { cachedConsoleState, cachedConsoleStates } from './console-state-cache';
import { identityOf } from './console-state-view';
import { consoleOfTab } from './console-tabs';
import { clearHistory, readHistory } from './history';
import { collectPageShape, knownNamesIn } from './page-shapes';
import type { Session } from './session';
import { getStatus } from './status';

/** Requests only the extension's own pages make: the popup's state, diagnostics, clearing the history. */
export function createPopupHandlers(session: Session) {
  async function consoleStateFor(tabId: number | undefined, freshness: 'cached' | 'fresh') {
    const identity = tabId === undefined ? undefined : await consoleOfTab(tabId);
    if (!identity) return null;
    const cached = freshness === 'cached' ? await cachedConsoleState(identity) : undefined;
    return { console: identity, state: cached ?? (await fetchConsoleState(session, identity)) };
  }

  /** Who is signed in: from the tab's state, else any cached console state, else (fresh) IMS. */
  async function signedInIdentity(tabState: ConsoleState | undefined, freshness: 'cached' | 'fresh') {
    if (tabState?.signedIn) return tabState.identity;
    const cached = (await cachedConsoleStates()).find(({ state }) => state.signedIn)?.state;
    if (cached?.signedIn) return cached.identity;
    if (freshness === 'cached') return null;
    const ims = await session.imsClient();
    return identityOf(await session.authorized((token) => ims.getProfile(token)));
  }

  /** Best effort: the report must come out even when IMS cannot be reached. */
  async function accountTypeWithoutConsole(skip: boolean) {
    if (skip) return null;
    const ims = await session.imsClient().catch(() => undefined);
    const profile = ims && (await session.authorized((token) => ims.getProfile(token)).catch(() => undefined));
    return profile ? identityOf(profile).accountType : null;
  }

  return {
    async getPopupState({ tabId, freshness }: RequestOf<'getPopupState'>): Promise<ResponseData<'getPopupState'>> {
      const [status, policy, settings] = await Promise.all([
        getStatus(session),
        currentPolicy(),
        readEffectiveSettings(),
      ]);
      const base = { status, readOnly: policy.readOnly, consoleUrl: consoleHomeUrl(environmentOf(settings)) };
      if (!status.signedIn) {
        const tab = tabId === undefined ? undefined : await consoleOfTab(tabId);
        return { ...base, identity: null, tab: tab ? { console: tab, state: { signedIn: false } } : null };
      }
      const tab = await consoleStateFor(tabId, freshness);
      return { ...base, identity: await signedInIdentity(tab?.state, freshness), tab };
    },

    async getDiagnostics({ tabId }: RequestOf<'getDiagnostics'>): Promise<ResponseData<'getDiagnostics'>> {
      const [status, settings, policy, parsedPolicy, consoles, lastErrors, history] = await Promise.all([
        getStatus(session),
        // The environment in force, after policy: what the worker signs in to and calls.
        readEffectiveSettings(),
        currentPolicy(),
        readPolicy(),
        cachedConsoleStates(),
        readLastErrors(),
        readHistory(),
      ]);
      return buildDiagnosticsReport({
        now: new Date(),
        extensionVersion: status.version,
        browser: await browserInfo(),
        environment: {
          name: settings.environment.value.name,
          endpoints: endpointsFor(environmentOf(settings)),
          setByPolicy: settings.environment.lockedBy === 'policy',
        },
        readOnly: policy.readOnly,
        signedIn: status.signedIn,
        policyProblems: policyProblems(parsedPolicy),
        accountType: await accountTypeWithoutConsole(consoles.length > 0 || !status.signedIn),
        consoles: consoles.map(({ console: identity, state }) => ({ tenant: identity.tenant, state })),
        ...(tabId !== undefined && {
          pageShape: await collectPageShape(tabId, knownNamesIn(consoles.map(({ state }) => state))),
        }),
        lastErrors,
        history,
      });
    },

    async clearHistory(): Promise<ResponseData<'clearHistory'>> {
      await clearHistory();
      return { entries: [] };
    },
  };
}

/** Firefox names itself through runtime.getBrowserInfo; Chromium only through its user agent. */
async function browserInfo(): Promise<{ name: string; version: string }> {
  const getBrowserInfo = (browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> })
    .getBrowserInfo;
  if (getBrowserInfo) {
    const info = await getBrowserInfo().catch(() => undefined);
    if (info) return { name: info.name, version: info.version };
  }
  return browserFromUserAgent(navigator.userAgent);
}
