import { type Signal, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { type MessageError, type ResponseData, workerEventSchema } from '../messaging/contract';
import { sendRequest } from '../messaging/send';

export type PopupState = ResponseData<'getPopupState'>;
export type PopupBusy = 'load' | 'signIn' | 'signOut';

export interface PopupStore {
  state: Signal<PopupState | undefined>;
  error: Signal<MessageError | undefined>;
  busy: Signal<PopupBusy | undefined>;
  /** True while a fresh answer is still on its way (what is shown may be the cached one). */
  refreshing: Signal<boolean>;
  load(): Promise<void>;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
  dispose(): void;
}

/**
 * The tab the popup describes: the active tab of its window. A test opens popup.html in a tab
 * of its own, so it may name the tab with `?tab=<id>`; the worker answers only for a tab a
 * console content script reported from and that is still on that console, so the parameter
 * shows nothing the popup could not show for that tab anyway.
 */
export async function describedTabId(search: string): Promise<number | undefined> {
  const named = new URLSearchParams(search).get('tab');
  if (named && /^\d{1,10}$/.test(named)) return Number(named);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return active?.id;
}

/** The popup's state: cached at once (no network), then fresh; reloaded when the worker announces a change. */
export function createPopupStore(tabId: Promise<number | undefined>): PopupStore {
  const state = signal<PopupState | undefined>(undefined);
  const error = signal<MessageError | undefined>(undefined);
  const busy = signal<PopupBusy | undefined>(undefined);
  const refreshing = signal(true);
  let generation = 0;

  async function fetchState(freshness: 'cached' | 'fresh', current: number) {
    const answer = await sendRequest({ type: 'getPopupState', tabId: await tabId, freshness });
    if (current !== generation) return;
    if (answer.ok) state.value = answer.data;
    else error.value = answer.error;
  }

  async function load() {
    const current = ++generation;
    if (!state.value) busy.value = 'load';
    await fetchState('cached', current);
    if (busy.value === 'load') busy.value = undefined;
    refreshing.value = true;
    await fetchState('fresh', current);
    if (current === generation) refreshing.value = false;
  }

  async function act(kind: 'signIn' | 'signOut') {
    busy.value = kind;
    error.value = undefined;
    const answer =
      kind === 'signIn'
        ? await sendRequest({ type: 'signIn', chooseAccount: false })
        : await sendRequest({ type: 'signOut' });
    busy.value = undefined;
    if (!answer.ok) error.value = answer.error;
    await load();
  }

  const onMessage = (message: unknown) => {
    if (workerEventSchema.safeParse(message).success) void load();
  };
  browser.runtime.onMessage.addListener(onMessage);

  return {
    state,
    error,
    busy,
    refreshing,
    load,
    signIn: () => act('signIn'),
    signOut: () => act('signOut'),
    dispose: () => browser.runtime.onMessage.removeListener(onMessage),
  };
}
