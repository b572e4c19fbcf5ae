// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ConsoleStore, createConsoleStore } from '@/lib/console-page/store';
import type { Request, Response } from '@/lib/messaging/contract';
import { BETA, CORP, signedInConsoleState } from './entitlement-fixtures';

// Where the Assets API refuses the extension, the page's "Current Creative Cloud org ID" card is
// the connection: the store reloads when the card changes, and only then (one refresh per load).

const consolePathState = (connected: { id: string; name: string } | null) =>
  signedInConsoleState(connected, { switchPath: 'console' });

/** The view as the console renders it: the card beside the section that holds the controls. */
function showCard(orgId: string) {
  document.body.innerHTML = `<main><section><h2>Current Creative Cloud org ID</h2><p>${orgId}</p></section>
    <section><div><button aria-haspopup="listbox">Select new Creative Cloud org ID</button><button>Switch orgs</button></div></section></main>`;
}

describe('the console store and the page’s connection card', () => {
  let store: ConsoleStore | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.innerHTML = '';
  });
  afterEach(() => store?.dispose());

  it('does not refresh when the page renders the connection the state already shows, and does when it changes', async () => {
    const requests: Request[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const request = message as Request;
      requests.push(request);
      const shown = document.body.textContent?.includes(CORP) ? { id: CORP, name: 'Corp' } : { id: BETA, name: 'Beta' };
      return Promise.resolve({ ok: true, data: consolePathState(shown) } as Response<Request['type']>);
    });
    store = createConsoleStore({ tenant: 'acme', orgName: 'Acme' }, document);
    await store.load();
    expect(requests).toHaveLength(1);

    // The page renders its card after our load: the same org the state shows.
    showCard(BETA);
    // Let the page's observers see that render on its own (a zero-delay turn, not a wait for time).
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A native switch: the card now shows another org.
    showCard(CORP);
    await vi.waitFor(() =>
      expect(store?.state.value?.signedIn && store.state.value.console?.connection).toMatchObject({
        connectedOrg: { id: CORP },
      }),
    );
    expect(requests).toHaveLength(2);
  });
});
