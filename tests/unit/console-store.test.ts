import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ConsoleStore, createConsoleStore } from '@/lib/console-page/store';
import type { ConsoleState, Request, Response, ResponseData } from '@/lib/messaging/contract';
import { ACME, BETA, CORP, connection, signedInConsoleState } from './entitlement-fixtures';

const consoleIdentity = { tenant: 'acme', orgName: 'Acme' };

const signedInState = (connected: { id: string; name: string } | null, fetchedAt: number) =>
  signedInConsoleState(connected, { fetchedAt, consoleUserId: 'A1B2C3D4@AdobeID' });

const OLD = 1_000;
const cachedState = signedInState({ id: BETA, name: 'Beta' }, OLD);
const freshState = () => signedInState({ id: BETA, name: 'Beta' }, Date.now());

/** A stand-in worker on the fake runtime: records every request and answers from `answer`. */
function fakeWorker(answer: (request: Request) => Response<Request['type']> | undefined) {
  const requests: Request[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as Request;
    if (typeof request !== 'object' || request === null || !('type' in request)) return undefined;
    requests.push(request);
    return Promise.resolve(answer(request));
  });
  return requests;
}

/** The worker's answer to a verified switch (or switch back) that connected `id`, typed by the contract. */
const switchAnswer = (id: string, name: string): ResponseData<'switchOrg'> => ({
  connection: connection({ id, name }),
  entry: {
    opId: 'op-1',
    time: '2025-03-01T10:45:00.000Z',
    userId: 'A1B2C3D4@AdobeID',
    aemOrgId: ACME,
    aemOrgName: 'Acme',
    from: { id: BETA, name: 'Beta' },
    to: { id, name },
    result: 'success',
    path: 'api',
  },
});
const ok = <T>(data: T) => ({ ok: true as const, data }) as Response<Request['type']>;
const stateAnswers = (request: Request) =>
  request.type === 'getConsoleState' ? ok(request.freshness === 'cached' ? cachedState : freshState()) : undefined;

describe('the console store', () => {
  let store: ConsoleStore | undefined;
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => store?.dispose());

  it('shows the cached state first, then the fresh one', async () => {
    const requests = fakeWorker(stateAnswers);
    store = createConsoleStore(consoleIdentity);
    const shown: (number | undefined)[] = [];
    store.state.subscribe((state) => shown.push(state?.signedIn ? state.console?.fetchedAt : undefined));
    await store.load();
    expect(requests.map((request) => request.type === 'getConsoleState' && request.freshness)).toEqual([
      'cached',
      'fresh',
    ]);
    expect(shown[1]).toBe(OLD);
    expect(shown[2]).toBeGreaterThan(OLD);
    expect(store.busy.value).toBeUndefined();
  });

  it('asks only once when the cached answer was fetched for this very request', async () => {
    const requests = fakeWorker((request) => (request.type === 'getConsoleState' ? ok(freshState()) : undefined));
    store = createConsoleStore(consoleIdentity);
    await store.load();
    expect(requests).toHaveLength(1);
  });

  it('asks only once when signed out', async () => {
    const requests = fakeWorker(() => ok({ signedIn: false }));
    store = createConsoleStore(consoleIdentity);
    await store.load();
    expect(requests).toHaveLength(1);
    expect(store.state.value).toEqual({ signedIn: false });
  });

  it('reloads when the worker announces a change to this console', async () => {
    const requests = fakeWorker(stateAnswers);
    store = createConsoleStore(consoleIdentity);
    await store.load();
    requests.length = 0;
    await fakeBrowser.runtime.onMessage.trigger({ event: 'stateChanged', reason: 'switched', aemOrgId: ACME }, {});
    await expect.poll(() => requests.length).toBe(2);
  });

  it('ignores malformed events and changes to another AEM org', async () => {
    const requests = fakeWorker(stateAnswers);
    store = createConsoleStore(consoleIdentity);
    await store.load();
    requests.length = 0;
    for (const message of [
      { event: 'stateChanged', reason: 'hacked' },
      { event: 'stateChanged', reason: 'switched', extra: true },
      { event: 'somethingElse' },
      'stateChanged',
      null,
      { event: 'stateChanged', reason: 'switched', aemOrgId: CORP },
    ]) {
      await fakeBrowser.runtime.onMessage.trigger(message, {});
    }
    expect(requests).toEqual([]);
  });

  it('stops listening once disposed', async () => {
    const requests = fakeWorker(stateAnswers);
    store = createConsoleStore(consoleIdentity);
    store.dispose();
    await fakeBrowser.runtime.onMessage.trigger({ event: 'stateChanged', reason: 'signedOut' }, {});
    expect(requests).toEqual([]);
  });

  it('only sends org ids from the worker’s own list, with the connection it showed', async () => {
    const requests = fakeWorker((request) =>
      request.type === 'switchOrg' ? ok(switchAnswer(ACME, 'Acme')) : stateAnswers(request),
    );
    store = createConsoleStore(consoleIdentity);
    await store.load();
    requests.length = 0;

    await store.switchTo('FFFFFFFFFFFFFFFFFFFFFFFF@AdobeOrg');
    await store.switchTo('<img src=x>');
    expect(requests).toEqual([]);

    await store.switchTo(ACME);
    expect(requests[0]).toEqual({
      type: 'switchOrg',
      console: consoleIdentity,
      orgId: ACME,
      expectedCurrentOrgId: BETA,
    });
    expect(store.outcome.value).toEqual({
      kind: 'switch',
      from: { id: BETA, name: 'Beta' },
      to: { id: ACME, name: 'Acme' },
      path: 'api',
    });
    // The Assets API verified it: switch back goes at once, as before.
    expect(store.switchBackAsksAgain.value).toBe(false);
  });

  it('asks again before switching back wherever the console page, not the Assets API, reports the connection', async () => {
    fakeWorker((request) =>
      request.type === 'getConsoleState'
        ? ok(signedInConsoleState({ id: BETA, name: 'Beta' }, { switchPath: 'console' }))
        : undefined,
    );
    store = createConsoleStore(consoleIdentity, undefined);
    await store.load();
    expect(store.switchBackAsksAgain.value).toBe(true);
    // A switch the console reported asks again even once the API answers for this console.
    store.outcome.value = { kind: 'switch', from: null, to: { id: BETA, name: 'Beta' }, path: 'console' };
    store.state.value = signedInConsoleState({ id: BETA, name: 'Beta' }, { switchPath: 'api' });
    expect(store.switchBackAsksAgain.value).toBe(true);
    store.outcome.value = { ...store.outcome.value, path: 'api' };
    expect(store.switchBackAsksAgain.value).toBe(false);
  });

  // A user may click Switch back the moment the switch is verified, while the reload the switch
  // started still answers with the connection from before it (a busy machine, a token refresh).
  it('switches back from the org the verified switch connected, even before the state has reloaded', async () => {
    const requests = fakeWorker((request) => {
      if (request.type === 'switchOrg') return ok(switchAnswer(ACME, 'Acme'));
      if (request.type === 'switchBack') return ok(switchAnswer(BETA, 'Beta'));
      // The reload still shows Beta connected, as one that read the server before the switch would.
      return stateAnswers(request);
    });
    store = createConsoleStore(consoleIdentity);
    await store.load();
    await store.switchTo(ACME);
    expect(store.state.value?.signedIn && store.state.value.console?.connection?.connectedOrg?.id).toBe(BETA);

    await store.switchBack();
    const switchBack = requests.find((request) => request.type === 'switchBack');
    expect(switchBack).toMatchObject({ console: consoleIdentity, expectedCurrentOrgId: ACME });
    expect(store.outcome.value).toMatchObject({ kind: 'switchBack', to: { id: BETA } });
  });

  it('shows the worker’s error and the fresh state after a refused switch', async () => {
    const refusal = { ok: false as const, error: { code: 'CONNECTION_CHANGED' as const, message: 'stale' } };
    const requests = fakeWorker((request) => (request.type === 'switchOrg' ? refusal : stateAnswers(request)));
    store = createConsoleStore(consoleIdentity);
    await store.load();
    await store.switchTo(ACME);
    expect(store.error.value?.code).toBe('CONNECTION_CHANGED');
    expect(store.outcome.value).toBeUndefined();
    expect(requests.at(-1)).toMatchObject({ type: 'getConsoleState' });
  });

  // The worker's router validates every answer's data with the contract (messaging.test.ts);
  // the tab checks the envelope, so a malformed one is an error, never state.
  it('treats an answer outside the contract envelope as an error, not as state', async () => {
    fakeWorker(
      () => ({ ok: true, data: { signedIn: true }, surprise: 'token' }) as unknown as Response<Request['type']>,
    );
    store = createConsoleStore(consoleIdentity);
    await store.load();
    expect(store.state.value).toBeUndefined();
    expect(store.error.value?.code).toBe('INTERNAL');
  });

  it('chooses the AEM org only among the candidates the worker offered', async () => {
    const ambiguous: ConsoleState = {
      signedIn: true,
      identity: { userId: 'U@AdobeID', name: 'Kim', email: 'kim@example.com', accountType: 'personal' },
      aemOrg: { status: 'ambiguous', candidates: [{ id: ACME, name: 'Acme' }] },
    };
    const requests = fakeWorker((request) => ok(request.type === 'chooseAemOrg' ? cachedState : ambiguous));
    store = createConsoleStore(consoleIdentity);
    await store.load();
    requests.length = 0;
    await store.chooseAemOrg(BETA);
    expect(requests).toEqual([]);
    await store.chooseAemOrg(ACME);
    expect(requests).toEqual([{ type: 'chooseAemOrg', console: consoleIdentity, orgId: ACME }]);
    expect(store.state.value).toEqual(cachedState);
  });
});
