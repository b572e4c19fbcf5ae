import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { OrgEntitlement } from '../entitlement/schemas';
import type { SwitchPath } from '../history/entry';
import type {
  ConsoleIdentity,
  ConsoleState,
  MessageError,
  RequestOf,
  RequestType,
  Response,
} from '../messaging/contract';
import { isWorkerEvent } from '../messaging/envelope';
import { sendRequest } from '../messaging/send';
import type { OrgRef } from '../org-id';
import { type ConsoleSwitchResult, switchThroughConsole } from './console-switch';
import { readCurrentOrgCard, watchCurrentOrgCard } from './current-org-card';

export type BusyAction = 'load' | 'signIn' | 'switch' | 'switchBack' | 'chooseAemOrg' | 'confirmAuthorHost';

/** The last switch this tab made, verified by the worker: what the result line and Switch back show. */
export interface SwitchOutcome {
  kind: 'switch' | 'switchBack';
  from: OrgRef | null;
  to: OrgRef | null;
  /** `console`: only the page's card reported it (docs/ARCHITECTURE.md#through-the-console-page). */
  path: SwitchPath;
}

export interface ConsoleStore {
  state: Signal<ConsoleState | undefined>;
  error: Signal<MessageError | undefined>;
  busy: Signal<BusyAction | undefined>;
  /** The org a switch or switch back is heading to, for the progress line. */
  pendingOrg: Signal<OrgRef | undefined>;
  outcome: Signal<SwitchOutcome | undefined>;
  /**
   * Switch back must be confirmed again: the switch it undoes, or the switch back itself, rests
   * only on what the console page shows, which a page script could fake to provoke a quick undo.
   */
  switchBackAsksAgain: ReadonlySignal<boolean>;
  orgs: ReadonlySignal<readonly OrgEntitlement[]>;
  /** Whether `orgs` is the user's list as the worker read it: false while signed out, loading or failed. */
  orgsKnown: ReadonlySignal<boolean>;
  orgById(orgId: string): OrgEntitlement | undefined;
  load(): Promise<void>;
  signIn(chooseAccount: boolean): Promise<void>;
  switchTo(orgId: string): Promise<void>;
  switchBack(): Promise<void>;
  chooseAemOrg(orgId: string): Promise<void>;
  /** The admin trusts the author host the state shows, for the AEM org it shows (the worker reads the host from the tab). */
  confirmAuthorHost(): Promise<void>;
  dispose(): void;
}

const resolvedConsole = (state: ConsoleState | undefined) => (state?.signedIn ? state.console : undefined);

/**
 * The console UI's view of the worker: state as signals, cached first then fresh
 * (stale-while-revalidate), reloaded when the worker announces a change. It only sends org
 * ids that came from the worker's own state, whatever the page or the user typed.
 */
export function createConsoleStore(
  identity: ConsoleIdentity,
  page: Document | undefined = globalThis.document,
): ConsoleStore {
  const state = signal<ConsoleState | undefined>(undefined);
  const error = signal<MessageError | undefined>(undefined);
  const busy = signal<BusyAction | undefined>(undefined);
  const pendingOrg = signal<OrgRef | undefined>(undefined);
  const outcome = signal<SwitchOutcome | undefined>(undefined);
  const orgs = computed(() => resolvedConsole(state.value)?.model.orgs ?? []);
  const orgsKnown = computed(() => resolvedConsole(state.value) !== undefined);
  const byId = computed(() => new Map(orgs.value.map((org) => [org.orgId, org])));
  const pageIdentity = { ...identity };
  let generation = 0;
  let disposed = false;

  const connectedOrgId = () => resolvedConsole(state.value)?.connection?.connectedOrg?.id ?? null;
  const switchesThroughConsole = () => resolvedConsole(state.value)?.switchPath === 'console';
  const switchBackAsksAgain = computed(() => outcome.value?.path === 'console' || switchesThroughConsole());

  async function fetchState(freshness: 'cached' | 'fresh', current: number): Promise<ConsoleState | undefined> {
    // Where the Assets API refuses the extension, the page's own card is the connection.
    const pageConnectedOrgId = page && readCurrentOrgCard(page)?.orgId;
    const answer = await sendRequest({
      type: 'getConsoleState',
      console: pageIdentity,
      freshness,
      ...(pageConnectedOrgId !== undefined && { pageConnectedOrgId }),
    });
    if (disposed || current !== generation) return undefined;
    if (!answer.ok) {
      error.value = answer.error;
      return undefined;
    }
    state.value = answer.data;
    return answer.data;
  }

  /** Cached first (no network when the worker has it), then fresh unless the answer already was. */
  async function load(): Promise<void> {
    const current = ++generation;
    const startedAt = Date.now();
    if (!state.value) busy.value = 'load';
    const cached = await fetchState('cached', current);
    const fetchedAt = resolvedConsole(cached)?.fetchedAt ?? 0;
    if (cached && (!cached.signedIn || fetchedAt >= startedAt)) return settle(current);
    await fetchState('fresh', current);
    settle(current);
  }

  function settle(current: number): void {
    if (current === generation && busy.value === 'load') busy.value = undefined;
  }

  /** One action at a time; resolves to the worker's data, or undefined after showing its error. */
  async function run<T extends RequestType>(action: BusyAction, request: RequestOf<T>) {
    busy.value = action;
    error.value = undefined;
    const answer: Response<T> = await sendRequest(request);
    busy.value = undefined;
    if (disposed) return undefined;
    if (!answer.ok) error.value = answer.error;
    return answer.ok ? answer.data : undefined;
  }

  async function signIn(chooseAccount: boolean): Promise<void> {
    if (await run<'signIn'>('signIn', { type: 'signIn', chooseAccount })) await load();
  }

  /** A switch through the console page: the same busy, progress and outcome as the API path. */
  async function runThroughConsole(
    action: 'switch' | 'switchBack',
    target: string | 'back',
    expectedCurrentOrgId: string | null,
  ) {
    busy.value = action;
    error.value = undefined;
    if (!page) return undefined;
    const result: ConsoleSwitchResult = await switchThroughConsole(
      page,
      { console: pageIdentity, target, expectedCurrentOrgId },
      orgs.value,
    );
    busy.value = undefined;
    if (disposed) return undefined;
    if (!result.ok) error.value = result.error;
    return result.ok ? result : undefined;
  }

  async function switchTo(orgId: string): Promise<void> {
    const target = byId.value.get(orgId);
    if (!target) return;
    const from = resolvedConsole(state.value)?.connection?.connectedOrg ?? null;
    pendingOrg.value = { id: target.orgId, name: target.orgName };
    outcome.value = undefined;
    if (switchesThroughConsole()) {
      const done = await runThroughConsole('switch', target.orgId, connectedOrgId());
      pendingOrg.value = undefined;
      if (done) outcome.value = { kind: 'switch', from: done.from, to: done.to, path: done.entry.path };
      await load();
      return;
    }
    const request = {
      type: 'switchOrg' as const,
      console: pageIdentity,
      orgId: target.orgId,
      expectedCurrentOrgId: connectedOrgId(),
    };
    const answer = await run<'switchOrg'>('switch', request);
    pendingOrg.value = undefined;
    if (answer) outcome.value = { kind: 'switch', from, to: answer.connection.connectedOrg, path: answer.entry.path };
    await load();
  }

  async function switchBack(): Promise<void> {
    const previous = outcome.value;
    if (previous?.kind !== 'switch') return;
    pendingOrg.value = previous.from ?? undefined;
    // The org the verified switch connected: Switch back shows as soon as it is verified, while
    // the state (and its connection) is still being reloaded, and must undo exactly that switch.
    const expectedCurrentOrgId = previous.to?.id ?? null;
    if (switchesThroughConsole()) {
      const done = await runThroughConsole('switchBack', 'back', expectedCurrentOrgId);
      pendingOrg.value = undefined;
      if (done) outcome.value = { kind: 'switchBack', from: done.from, to: done.to, path: done.entry.path };
      await load();
      return;
    }
    const answer = await run<'switchBack'>('switchBack', {
      type: 'switchBack',
      console: pageIdentity,
      expectedCurrentOrgId,
    });
    pendingOrg.value = undefined;
    if (answer) {
      outcome.value = {
        kind: 'switchBack',
        from: previous.to,
        to: answer.connection.connectedOrg,
        path: answer.entry.path,
      };
    }
    await load();
  }

  async function chooseAemOrg(orgId: string): Promise<void> {
    const current = state.value;
    const candidates = current?.signedIn && current.aemOrg.status !== 'resolved' ? current.aemOrg.candidates : [];
    const choice = candidates.find((candidate) => candidate.id === orgId);
    if (!choice) return;
    const answer = await run<'chooseAemOrg'>('chooseAemOrg', {
      type: 'chooseAemOrg',
      console: pageIdentity,
      orgId: choice.id,
    });
    if (answer) state.value = answer;
  }

  async function confirmAuthorHost(): Promise<void> {
    const current = state.value;
    if (!current?.signedIn || current.aemOrg.status !== 'resolved' || current.authorHost?.trust !== 'unconfirmed')
      return;
    const answer = await run<'confirmAuthorHost'>('confirmAuthorHost', {
      type: 'confirmAuthorHost',
      console: pageIdentity,
      aemOrgId: current.aemOrg.org.id,
    });
    if (answer) state.value = answer;
  }

  function onWorkerEvent(message: unknown): undefined {
    if (!isWorkerEvent(message) || disposed) return undefined;
    const resolved = state.value?.signedIn && state.value.aemOrg.status === 'resolved' ? state.value.aemOrg : undefined;
    // A change to another AEM org's connection is not this console's business.
    if (message.aemOrgId && resolved && resolved.org.id !== message.aemOrgId) return undefined;
    void load();
    return undefined;
  }
  browser.runtime.onMessage.addListener(onWorkerEvent);
  // The page's card changed (a native switch, a reload): its connection is ours when the API refuses us.
  const stopWatchingCard = page
    ? watchCurrentOrgCard(page, (orgId) => {
        // The card showing what the state already shows (the page rendering it after our load read it) is no news.
        if (!disposed && switchesThroughConsole() && orgId !== connectedOrgId()) void load();
      })
    : () => {};

  return {
    state,
    error,
    busy,
    pendingOrg,
    outcome,
    switchBackAsksAgain,
    orgs,
    orgsKnown,
    orgById: (orgId) => byId.value.get(orgId),
    load,
    signIn,
    switchTo,
    switchBack,
    chooseAemOrg,
    confirmAuthorHost,
    dispose() {
      disposed = true;
      generation++;
      browser.runtime.onMessage.removeListener(onWorkerEvent);
      stopWatchingCard();
    },
  };
}
