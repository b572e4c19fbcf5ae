import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HttpError } from '@/lib/http/errors';
import type { ImsClient } from '@/lib/ims/client';
import { environmentSetting, imsSessionItem, readImsSession } from '@/lib/storage-items';
import { createSession, type SessionDeps } from '@/lib/worker/session';
import { getStatus } from '@/lib/worker/status';
import { matrixCaseStarted } from '../../support/matrix';
import { SANDBOX_URL, storeSandboxEnvironment } from '../../support/sandbox-environment';

const IMS = SANDBOX_URL;
const REDIRECT = 'https://extension-id.chromiumapp.org/';

function tokens(accessToken: string, refreshToken?: string) {
  return { access_token: accessToken, refresh_token: refreshToken, token_type: 'bearer', expires_in: 3600 };
}

function fakeIms(overrides: Partial<ImsClient> = {}) {
  return {
    exchangeCode: vi.fn(async () => tokens('access-1', 'refresh-1')),
    refresh: vi.fn(async () => tokens('access-2', 'refresh-2')),
    getProfile: vi.fn(async () => ({
      userId: 'ADA@AdobeID',
      account_type: 'type2',
      email: 'ada@example.com',
      name: 'Ada',
    })),
    getOrganizations: vi.fn(async () => []),
    logout: vi.fn(async () => ({ ok: true as const })),
    ...overrides,
  };
}

/** Answers the authorize URL like IMS would: redirect with a code and the same state. */
function approvingAuthFlow() {
  return vi.fn(async ({ url }: { url: string }) => {
    const state = new URL(url).searchParams.get('state');
    return `${REDIRECT}?code=the-code&state=${state}`;
  });
}

function setup(ims = fakeIms(), launchWebAuthFlow = approvingAuthFlow()) {
  let now = Date.parse('2026-11-25T10:00:00Z');
  const deps: SessionDeps = {
    launchWebAuthFlow,
    redirectUri: () => REDIRECT,
    now: () => now,
    imsClientFor: () => ims as unknown as ImsClient,
  };
  return { session: createSession(deps), ims, launchWebAuthFlow, advance: (ms: number) => (now += ms) };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await storeSandboxEnvironment();
});

describe('IMS session', () => {
  it('signs in with code + PKCE S256 and keeps the tokens in session storage only', async () => {
    const { session, ims, launchWebAuthFlow } = setup();

    await session.signIn({ chooseAccount: false });

    const authorizeUrl = new URL(launchWebAuthFlow.mock.calls[0]?.[0].url ?? '');
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(authorizeUrl.searchParams.has('prompt')).toBe(false);
    expect(ims.exchangeCode).toHaveBeenCalledWith('the-code', expect.stringMatching(/^[A-Za-z0-9._~-]{43,128}$/));
    expect(await readImsSession()).toMatchObject({ accessToken: 'access-1', userId: 'ADA@AdobeID' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain('access-1');
  });

  it('forces the IMS account choice for "Use a different account"', async () => {
    const { session, launchWebAuthFlow } = setup();
    await session.signIn({ chooseAccount: true });
    expect(new URL(launchWebAuthFlow.mock.calls[0]?.[0].url ?? '').searchParams.get('prompt')).toBe('login');
  });

  it('refuses a redirect whose state does not match', async () => {
    const { session } = setup(
      fakeIms(),
      vi.fn(async () => `${REDIRECT}?code=stolen&state=other`),
    );
    await expect(session.signIn({ chooseAccount: false })).rejects.toMatchObject({ code: 'STATE_MISMATCH' });
    expect(await readImsSession()).toBeUndefined();
  });

  it('reports a closed sign-in window as cancelled', async () => {
    const closed = vi.fn(async () => {
      throw new Error('The user did not approve access.');
    });
    const { session } = setup(fakeIms(), closed);
    await expect(session.signIn({ chooseAccount: false })).rejects.toMatchObject({ code: 'SIGN_IN_CANCELLED' });
  });

  it('answers NOT_SIGNED_IN without a session', async () => {
    const { session } = setup();
    await expect(session.accessToken()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('refreshes once before expiry however many callers wait', async () => {
    const { session, ims, advance } = setup();
    await session.signIn({ chooseAccount: false });
    advance(58 * 60_000);

    const tokensSeen = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);

    expect(tokensSeen).toEqual(['access-2', 'access-2', 'access-2']);
    expect(ims.refresh).toHaveBeenCalledOnce();
  });

  it('renews once when parallel calls made with one token are refused at different times', async () => {
    const { session, ims } = setup();
    await session.signIn({ chooseAccount: false });
    const refused = () =>
      new HttpError('UNAUTHORIZED', 'invalid_token', { endpoint: 'GET /ims/profile/v1', status: 401 });
    let answerSecond: () => void = () => {};
    const secondAnswered = new Promise<void>((resolve) => (answerSecond = resolve));

    const first = session.authorized(async (token) => {
      if (token === 'access-1') throw refused();
      return token;
    });
    const second = session.authorized(async (token) => {
      if (token !== 'access-1') return token;
      await secondAnswered; // its 401 arrives after the first call's renewal is done
      throw refused();
    });

    expect(await first).toBe('access-2');
    answerSecond();
    expect(await second).toBe('access-2');
    expect(ims.refresh).toHaveBeenCalledOnce();
  });

  // A second 401 for the same token whose session read answered just before the renewal stored
  // the new token, but whose settings read answered after that renewal had ended.
  it('renews once when a 401 read the old session just before the renewal ended', async () => {
    let answerRefresh: (value: ReturnType<typeof tokens>) => void = () => {};
    const refresh = vi
      .fn(async () => tokens('access-3', 'refresh-1'))
      .mockImplementationOnce(() => new Promise((resolve) => (answerRefresh = resolve)));
    const { session } = setup(fakeIms({ refresh }));
    await session.signIn({ chooseAccount: false });
    const first = session.refreshAfterUnauthorized('access-1');
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledOnce());

    const sessionRead = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    const sessionsSeen: unknown[] = [];
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys) => {
      const answer = await sessionRead(keys);
      sessionsSeen.push(answer);
      return answer;
    });
    const settingsRead = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let openSettings: () => void = () => {};
    const settingsHeld = new Promise<void>((resolve) => (openSettings = resolve));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      await settingsHeld;
      return settingsRead(keys);
    });
    const second = session.refreshAfterUnauthorized('access-1');
    await vi.waitFor(() => expect(JSON.stringify(sessionsSeen)).toContain('access-1'));
    answerRefresh(tokens('access-2', 'refresh-1'));
    await first;
    expect((await readImsSession())?.accessToken).toBe('access-2');
    openSettings();
    await second;

    expect(refresh).toHaveBeenCalledOnce();
    expect((await readImsSession())?.accessToken).toBe('access-2');
  });

  it('re-authenticates silently (prompt=none) when IMS issued no refresh token', async () => {
    const ims = fakeIms({ exchangeCode: vi.fn(async () => tokens('access-1')) });
    const { session, launchWebAuthFlow, advance } = setup(ims);
    await session.signIn({ chooseAccount: false });
    advance(59 * 60_000);

    await session.accessToken();

    expect(launchWebAuthFlow).toHaveBeenCalledTimes(2);
    expect(launchWebAuthFlow.mock.calls[1]?.[0]).toMatchObject({ interactive: false });
    expect(new URL(launchWebAuthFlow.mock.calls[1]?.[0].url ?? '').searchParams.get('prompt')).toBe('none');
  });

  it('ends the session as expired when the refresh is refused', async () => {
    const refused = new HttpError('SESSION_EXPIRED', 'invalid_grant', { endpoint: 'POST /ims/token/v3', status: 400 });
    const { session, advance } = setup(fakeIms({ refresh: vi.fn(async () => Promise.reject(refused)) }));
    await session.signIn({ chooseAccount: false });
    advance(59 * 60_000);

    await expect(session.accessToken()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await readImsSession()).toBeUndefined();
  });

  // A switch reads the profile and the organizations at once: both are refused, and the second
  // 401 may arrive after the refused renewal has already forgotten the session.
  it('says the session expired to every call refused with its token, however late the 401 arrives', async () => {
    const refusedRefresh = new HttpError('SESSION_EXPIRED', 'invalid_grant', {
      endpoint: 'POST /ims/token/v3',
      status: 400,
    });
    const { session } = setup(fakeIms({ refresh: vi.fn(async () => Promise.reject(refusedRefresh)) }));
    await session.signIn({ chooseAccount: false });
    const refused = () =>
      new HttpError('UNAUTHORIZED', 'invalid_token', { endpoint: 'GET /ims/profile/v1', status: 401 });
    let answerSecond: () => void = () => {};
    const secondAnswered = new Promise<void>((resolve) => (answerSecond = resolve));

    const first = session.authorized(async () => Promise.reject(refused()));
    const second = session.authorized(async () => {
      await secondAnswered;
      throw refused();
    });

    await expect(first).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(await readImsSession()).toBeUndefined();
    answerSecond();
    await expect(second).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
  });

  it('keeps the session through a network failure during refresh', async () => {
    const offline = new HttpError('NETWORK', 'fetch failed', { endpoint: 'POST /ims/token/v3' });
    const { session, advance } = setup(fakeIms({ refresh: vi.fn(async () => Promise.reject(offline)) }));
    await session.signIn({ chooseAccount: false });
    advance(59 * 60_000);

    await expect(session.accessToken()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await readImsSession()).toBeDefined();
  });

  it('does not reuse a session after the environment changes', async () => {
    const { session } = setup();
    await session.signIn({ chooseAccount: false });
    await environmentSetting.setValue({ name: 'sandbox', clientId: 'another-client' });

    await expect(session.accessToken()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('gives no token once the Assets base changed, however it changed', async () => {
    const matrixCase = matrixCaseStarted('attack', 'Assets base changed behind the worker: the session ends');
    const { session } = setup();
    await session.signIn({ chooseAccount: false });
    expect(await readImsSession()).toMatchObject({ imsBaseUrl: IMS, assetsBaseUrl: IMS });
    // Same IMS and client: only where the bearer token would be sent has moved.
    await storeSandboxEnvironment({ imsBaseUrl: IMS, assetsBaseUrl: 'https://assets.attacker.example' });

    await expect(session.accessToken()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    expect(await session.isSignedIn()).toBe(false);
    expect(await session.signOutIfElsewhere({ environmentChanged: false })).toBe(true);
    expect(await readImsSession()).toBeUndefined();
    matrixCase.passed({ tokensFound: 0 });
  });

  it('signs out by revoking at IMS and forgetting the session even when IMS fails', async () => {
    const failure = new HttpError('NETWORK', 'offline', { endpoint: 'POST /ims/revoke' });
    const ims = fakeIms({ logout: vi.fn(async () => ({ ok: false as const, error: failure })) });
    const { session } = setup(ims);
    await session.signIn({ chooseAccount: false });

    await session.signOut();

    expect(ims.logout).toHaveBeenCalledWith('access-1');
    expect(await imsSessionItem.getValue()).toBeNull();
    expect(await session.isSignedIn()).toBe(false);
  });
});

describe('IMS session against attacks on its lifetime', () => {
  it('revokes the refresh token as well as the access token on sign-out', async () => {
    const matrixCase = matrixCaseStarted('attack', 'sign-out leaves no refresh token alive at IMS');
    const { session, ims } = setup();
    await session.signIn({ chooseAccount: false });

    await session.signOut();

    expect(ims.logout).toHaveBeenCalledWith('access-1');
    expect(ims.logout).toHaveBeenCalledWith('refresh-1');
    matrixCase.passed({ tokensFound: 0 });
  });

  it.each(['sign-out', 'clear all data'] as const)(
    'stores no tokens from a refresh that lands after %s',
    async (end) => {
      const matrixCase = matrixCaseStarted('attack', `a token refresh landing after ${end} stores nothing`);
      let answerRefresh: (value: ReturnType<typeof tokens>) => void = () => {};
      const refresh = vi.fn(() => new Promise<ReturnType<typeof tokens>>((resolve) => (answerRefresh = resolve)));
      const { session, ims, advance } = setup(fakeIms({ refresh }));
      await session.signIn({ chooseAccount: false });
      advance(59 * 60_000);

      const waiting = session.accessToken();
      await vi.waitFor(() => expect(refresh).toHaveBeenCalledOnce());
      if (end === 'sign-out') await session.signOut();
      else await fakeBrowser.storage.session.clear();
      answerRefresh(tokens('access-2', 'refresh-2'));

      await expect(waiting).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
      expect(await imsSessionItem.getValue()).toBeNull();
      expect(ims.logout).toHaveBeenCalledWith('access-2');
      expect(ims.logout).toHaveBeenCalledWith('refresh-2');
      matrixCase.passed({ tokensFound: 0 });
    },
  );

  it('lets a sign-out win wherever it lands in a refresh, and revokes what the refresh minted', async () => {
    const matrixCase = matrixCaseStarted('attack', 'sign-out landing anywhere in a token refresh wins');
    const answers = ['token', 'profile'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.constantFrom(...answers),
        fc.nat({ max: 60 }),
        async (scheduler, after, ticks) => {
          fakeBrowser.reset();
          await storeSandboxEnvironment();
          const ims = fakeIms();
          const { session, advance } = setup(ims);
          await session.signIn({ chooseAccount: false });
          advance(59 * 60_000);
          let startSignOut = () => {};
          const signOutStarts = new Promise<void>((resolve) => (startSignOut = resolve));
          // IMS answers when the scheduler says; the sign-out starts once the chosen answer is in.
          const answered = <T>(answer: (typeof answers)[number], call: () => Promise<T>) =>
            scheduler.scheduleFunction(async () => {
              const value = await call();
              if (answer === after) startSignOut();
              return value;
            });
          ims.refresh = vi.fn(answered('token', async () => tokens('access-2', 'refresh-2')));
          ims.getProfile = vi.fn(answered('profile', () => fakeIms().getProfile('access-2')));

          const refreshed = session.accessToken().catch(() => undefined);
          const signedOut = (async () => {
            await signOutStarts;
            // Any point in the refresh's remaining steps, down to the microtask between its read and write.
            for (let tick = 0; tick < ticks; tick++) await Promise.resolve();
            await session.signOut();
          })();
          await scheduler.waitFor(Promise.all([refreshed, signedOut]));

          expect(await imsSessionItem.getValue()).toBeNull();
          expect(ims.logout).toHaveBeenCalledWith('access-2');
          expect(ims.logout).toHaveBeenCalledWith('refresh-2');
        },
      ),
      { numRuns: 300 },
    );
    matrixCase.passed({ tokensFound: 0 });
    // 300 sign-ins and refreshes: on a busy 2-core machine they outlast Vitest's default 5 s.
  }, 60_000);

  it('revokes the refresh token of a refresh IMS refused', async () => {
    const matrixCase = matrixCaseStarted('attack', 'a refused token refresh leaves no refresh token alive at IMS');
    const refused = new HttpError('SESSION_EXPIRED', 'invalid_grant', { endpoint: 'POST /ims/token/v3', status: 400 });
    const { session, ims, advance } = setup(fakeIms({ refresh: vi.fn(async () => Promise.reject(refused)) }));
    await session.signIn({ chooseAccount: false });
    advance(59 * 60_000);

    await expect(session.accessToken()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(ims.logout).toHaveBeenCalledWith('refresh-1');
    expect(ims.logout).toHaveBeenCalledWith('access-1');
    matrixCase.passed({ tokensFound: 0 });
  });

  it("says 'not signed in' for a session left from another environment", async () => {
    const matrixCase = matrixCaseStarted('attack', "getStatus does not count another environment's session");
    const { session } = setup();
    await session.signIn({ chooseAccount: false });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1.0.0' });
    expect(await getStatus(session)).toMatchObject({ signedIn: true });
    await environmentSetting.setValue({ name: 'sandbox', clientId: 'another-client' });

    expect(await getStatus(session)).toMatchObject({ signedIn: false });
    matrixCase.passed({ tokensFound: 0 });
  });
});
