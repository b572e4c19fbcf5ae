// @vitest-environment happy-dom
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Feedback } from '@/components/console/Feedback';
import { LocaleContext } from '@/components/shared/i18n-context';
import type { ConsoleStore, SwitchOutcome } from '@/lib/console-page/store';
import { t } from '@/lib/i18n';
import type { ConsoleState } from '@/lib/messaging/contract';
import { ACME, BETA, CORP, signedInConsoleState } from './entitlement-fixtures';

// The console UI's result line and Switch back: a switch only the console page reported says so,
// and switching back from it asks again; one the Assets API verified keeps its one-press undo.

const BETA_ORG = { id: BETA, name: 'Beta' };
const CORP_ORG = { id: CORP, name: 'Corp' };

/** The store as Feedback reads it; switchBack only counts presses. */
function storeAfter(outcome: SwitchOutcome, state: ConsoleState) {
  const stateSignal = signal<ConsoleState | undefined>(state);
  const outcomeSignal = signal<SwitchOutcome | undefined>(outcome);
  const switchBack = vi.fn(async () => {});
  const store = {
    state: stateSignal,
    error: signal(undefined),
    busy: signal(undefined),
    pendingOrg: signal(undefined),
    outcome: outcomeSignal,
    switchBackAsksAgain: computed(
      () =>
        outcomeSignal.value?.path === 'console' ||
        (stateSignal.value?.signedIn === true && stateSignal.value.console?.switchPath === 'console'),
    ),
    switchBack,
  } as unknown as ConsoleStore;
  return { store, switchBack };
}

/** A press by the user: the UI acts only on trusted events, which a test cannot make otherwise. */
function press(element: Element | null | undefined) {
  if (!element) throw new Error('nothing to press');
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

const buttonNamed = (root: ParentNode, name: string) =>
  [...root.querySelectorAll('button')].find((button) => button.textContent?.trim() === name);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the console UI after a switch', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  function show(store: ConsoleStore) {
    render(
      <LocaleContext.Provider value="en">
        <Feedback store={store} readOnly={false} />
      </LocaleContext.Provider>,
      container,
    );
  }

  it('says a console-path switch was reported by the console, not verified', () => {
    const { store } = storeAfter(
      { kind: 'switch', from: BETA_ORG, to: CORP_ORG, path: 'console' },
      signedInConsoleState(CORP_ORG, { switchPath: 'console' }),
    );
    show(store);
    const result = container.querySelector('[data-testid="progress"]');
    expect(result?.textContent).toBe(t('en', 'reportedByConsole', { org: 'Corp' }));
    expect(result?.textContent).not.toContain(t('en', 'verified', { org: 'Corp' }));
  });

  it('asks again before switching back from a console-path switch: Cancel does nothing, Confirm switches back', async () => {
    const { store, switchBack } = storeAfter(
      { kind: 'switch', from: BETA_ORG, to: CORP_ORG, path: 'console' },
      signedInConsoleState(CORP_ORG, { switchPath: 'console' }),
    );
    show(store);
    press(buttonNamed(container, t('en', 'switchBack', { org: 'Beta' })));
    await settle();
    const dialog = container.querySelector('dialog');
    expect(dialog?.textContent).toContain(t('en', 'confirmSwitchBackTitle'));
    // Names what it replaces, with what, for whom, where.
    expect(dialog?.querySelector('[data-testid="confirm-text"]')?.textContent).toBe(
      t('en', 'confirmReplaces', { current: 'Corp', target: 'Beta', allUsers: t('en', 'allUsers'), aemOrg: 'Acme' }),
    );
    expect(dialog?.textContent).toContain(t('en', 'confirmReportedByConsole'));
    expect(switchBack).not.toHaveBeenCalled();

    press(buttonNamed(dialog as Element, t('en', 'cancel')));
    await settle();
    expect(container.querySelector('dialog')).toBeNull();
    expect(switchBack).not.toHaveBeenCalled();

    press(buttonNamed(container, t('en', 'switchBack', { org: 'Beta' })));
    await settle();
    press(buttonNamed(container.querySelector('dialog') as Element, t('en', 'switchBack', { org: 'Beta' })));
    await settle();
    expect(switchBack).toHaveBeenCalledTimes(1);
    expect(container.querySelector('dialog')).toBeNull();
  });

  // A page that fakes its card can make a console-path switch look done; it must not also get the
  // undo it wants with no one looking: its clicks do nothing, and the admin's press only asks.
  it('gives a page that fakes the card no silent switch back', async () => {
    const { store, switchBack } = storeAfter(
      { kind: 'switch', from: BETA_ORG, to: CORP_ORG, path: 'console' },
      signedInConsoleState(CORP_ORG, { switchPath: 'console' }),
    );
    show(store);
    buttonNamed(container, t('en', 'switchBack', { org: 'Beta' }))?.click();
    await settle();
    expect(container.querySelector('dialog')).toBeNull();

    press(buttonNamed(container, t('en', 'switchBack', { org: 'Beta' })));
    await settle();
    const dialog = container.querySelector('dialog') as Element;
    buttonNamed(dialog, t('en', 'switchBack', { org: 'Beta' }))?.click();
    await settle();
    expect(container.querySelector('dialog')).not.toBeNull();
    expect(switchBack).not.toHaveBeenCalled();
  });

  it('says Verified and switches back at once after a switch the Assets API verified', async () => {
    const { store, switchBack } = storeAfter(
      { kind: 'switch', from: BETA_ORG, to: { id: ACME, name: 'Acme' }, path: 'api' },
      signedInConsoleState({ id: ACME, name: 'Acme' }),
    );
    show(store);
    expect(container.querySelector('[data-testid="progress"]')?.textContent).toBe(t('en', 'verified', { org: 'Acme' }));
    press(buttonNamed(container, t('en', 'switchBack', { org: 'Beta' })));
    await settle();
    expect(container.querySelector('dialog')).toBeNull();
    expect(switchBack).toHaveBeenCalledTimes(1);
  });
});
