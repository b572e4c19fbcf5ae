import { browser } from 'wxt/browser';
import { type Endpoints, type EnvironmentSettings, endpointsFor } from '../environment';
import { ExtensionError } from '../errors';
import { isHttpError } from '../http/errors';
import { buildAuthorizeUrl, parseRedirect } from '../ims/authorize-url';
import { createImsClient, type ImsClient } from '../ims/client';
import { createPkcePair, createState } from '../ims/pkce';
import { IMS_SCOPES, type Profile, type TokenResponse } from '../ims/schemas';
import { environmentOf, readEffectiveSettings } from '../settings/effective';
import { type ImsSession, imsSessionItem, readImsSession } from '../storage-items';

/** Refresh this long before expiry, so a call never starts with a token about to die. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface SessionDeps {
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  redirectUri(): string;
  now(): number;
  imsClientFor(imsBaseUrl: string, clientId: string): ImsClient;
}

const browserDeps: SessionDeps = {
  launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
  redirectUri: () => browser.identity.getRedirectURL(),
  now: () => Date.now(),
  imsClientFor: (imsBaseUrl, clientId) => createImsClient({ imsBaseUrl, clientId }),
};

export interface ConfiguredEnvironment {
  settings: EnvironmentSettings;
  endpoints: Endpoints;
}

/** The environment in force: the user's settings under enterprise policy (lib/settings). */
export async function configuredEnvironment(): Promise<ConfiguredEnvironment> {
  const effective = await readEffectiveSettings();
  if (effective.environmentNeedsConfirmation) {
    throw new ExtensionError('ENVIRONMENT_UNCONFIRMED', 'Confirm the environment in options');
  }
  const settings = environmentOf(effective);
  const endpoints = endpointsFor(settings);
  if (!endpoints) throw new ExtensionError('NOT_CONFIGURED', 'The custom environment has no base URLs');
  if (!settings.clientId) throw new ExtensionError('NO_CLIENT_ID', 'No IMS client ID is configured');
  return { settings, endpoints };
}

/**
 * Whether a session was made for the environment in force: the same IMS, client ID and Assets
 * API override. Any change (options, policy, or storage written behind the worker's back) ends
 * it, so a bearer token never goes to an Assets base it was not issued beside.
 */
function belongsTo(session: ImsSession, environment: ConfiguredEnvironment): boolean {
  return (
    session.imsBaseUrl === environment.endpoints.imsBaseUrl &&
    session.clientId === environment.settings.clientId &&
    session.assetsBaseUrl === environment.endpoints.assetsBaseUrl
  );
}

/**
 * The IMS session: tokens live here and in `storage.session` only. Module state holds just
 * the one refresh in flight and the last renewal's tokens (replaced or refused), which only
 * calls already in flight need; everything that matters survives the worker being killed.
 */
export function createSession(deps: SessionDeps = browserDeps) {
  let refreshInFlight: Promise<ImsSession> | undefined;
  // The access token the last renewal replaced: a 401 for it whose session read answered just
  // before that renewal stored the new token must not renew a second time.
  let lastReplacedToken: string | undefined;
  // The access token whose renewal IMS refused: a 401 for it that arrives once the session is
  // forgotten still means "expired", not "nobody signed in".
  let refusedRenewalToken: string | undefined;
  // Every read-then-write of the stored session runs alone: a sign-out that lands between a
  // refresh's check and its write would otherwise be overwritten by the refreshed tokens.
  let sessionWrites: Promise<unknown> = Promise.resolve();
  function exclusive<T>(write: () => Promise<T>): Promise<T> {
    const run = sessionWrites.then(write, write);
    sessionWrites = run.catch(() => undefined);
    return run;
  }

  /** Forgets the stored session if it is still `session` (a newer sign-in is left alone); answers whether it was. */
  function forget(session: ImsSession): Promise<boolean> {
    return exclusive(async () => {
      if ((await readImsSession())?.accessToken !== session.accessToken) return false;
      await imsSessionItem.removeValue();
      return true;
    });
  }

  async function authorize(
    environment: ConfiguredEnvironment,
    prompt: 'login' | 'none' | undefined,
    interactive: boolean,
    replacing?: ImsSession,
  ) {
    const pkce = await createPkcePair();
    const state = createState();
    const url = buildAuthorizeUrl({
      imsBaseUrl: environment.endpoints.imsBaseUrl,
      clientId: environment.settings.clientId,
      redirectUri: deps.redirectUri(),
      scopes: IMS_SCOPES,
      codeChallenge: pkce.challenge,
      state,
      prompt,
    });
    let responseUrl: string | undefined;
    try {
      responseUrl = await deps.launchWebAuthFlow({ url, interactive });
    } catch (error) {
      // Both browsers reject when the user closes the window; silent mode also when IMS wants a login.
      const code = interactive ? 'SIGN_IN_CANCELLED' : 'LOGIN_REQUIRED';
      throw new ExtensionError(code, `The sign-in window ended without an answer: ${String(error)}`);
    }
    const redirect = parseRedirect(responseUrl ?? '', state);
    if (!redirect.ok) throw redirect.error;
    const ims = deps.imsClientFor(environment.endpoints.imsBaseUrl, environment.settings.clientId);
    return store(environment, await ims.exchangeCode(redirect.code, pkce.verifier), ims, replacing);
  }

  /**
   * Keeps new tokens. A refresh (`replacing` the session it started from) may land after sign-out
   * or "Clear all data": then the tokens belong to nobody, so they are revoked, not stored.
   */
  async function store(
    environment: ConfiguredEnvironment,
    tokens: TokenResponse,
    ims: ImsClient,
    replacing?: ImsSession,
  ) {
    const profile = await ims.getProfile(tokens.access_token);
    const session: ImsSession = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: deps.now() + tokens.expires_in * 1000,
      userId: profile.userId,
      imsBaseUrl: environment.endpoints.imsBaseUrl,
      clientId: environment.settings.clientId,
      ...(environment.endpoints.assetsBaseUrl && { assetsBaseUrl: environment.endpoints.assetsBaseUrl }),
    };
    const stored = await exclusive(async () => {
      if (replacing && (await readImsSession())?.accessToken !== replacing.accessToken) return false;
      await imsSessionItem.setValue(session);
      return true;
    });
    if (!stored) {
      await revokeTokensOf(session);
      throw new ExtensionError('NOT_SIGNED_IN', 'Signed out while the session was being renewed');
    }
    return { session, profile };
  }

  /** Both tokens: revoking the access token alone may leave the refresh token able to mint more. */
  async function revokeTokensOf(session: ImsSession): Promise<void> {
    const ims = deps.imsClientFor(session.imsBaseUrl, session.clientId);
    const tokens = [session.accessToken, ...(session.refreshToken ? [session.refreshToken] : [])];
    await Promise.all(tokens.map((token) => ims.logout(token)));
  }

  async function currentSession(): Promise<{ session: ImsSession; environment: ConfiguredEnvironment }> {
    const [session, environment] = await Promise.all([readImsSession(), configuredEnvironment()]);
    if (!session || !belongsTo(session, environment))
      throw new ExtensionError('NOT_SIGNED_IN', 'Not signed in to Adobe IMS');
    return { session, environment };
  }

  async function renew(): Promise<ImsSession> {
    const { session, environment } = await currentSession();
    const ims = deps.imsClientFor(environment.endpoints.imsBaseUrl, environment.settings.clientId);
    let renewed: ImsSession;
    try {
      renewed = session.refreshToken
        ? (await store(environment, await ims.refresh(session.refreshToken), ims, session)).session
        : // IMS may not issue refresh tokens to public clients: re-authenticate silently instead.
          (await authorize(environment, 'none', false, session)).session;
    } catch (error) {
      if (error instanceof ExtensionError && error.code === 'NOT_SIGNED_IN') throw error;
      if (isHttpError(error, 'NETWORK') || isHttpError(error, 'TIMEOUT')) throw error;
      refusedRenewalToken = session.accessToken;
      // A refused refresh may leave the refresh token valid at IMS: revoke it with the session.
      if (await forget(session)) await revokeTokensOf(session).catch(() => undefined);
      throw new ExtensionError('SESSION_EXPIRED', `The session could not be renewed: ${String(error)}`);
    }
    lastReplacedToken = session.accessToken;
    return renewed;
  }

  /** One refresh at a time, however many callers wait for it. */
  function refresh(): Promise<ImsSession> {
    refreshInFlight ??= renew().finally(() => {
      refreshInFlight = undefined;
    });
    return refreshInFlight;
  }

  /**
   * A 401 for `refusedToken`: renew, unless the session already holds a newer token. Parallel
   * calls made with one token all get their 401s, some after the first one's renewal is done;
   * those must use the renewed token, not renew again (a second silent sign-in, a second POST).
   */
  async function refreshUnlessRenewed(refusedToken: string): Promise<void> {
    if (refusedToken === refusedRenewalToken)
      throw new ExtensionError('SESSION_EXPIRED', 'IMS refused to renew the session this token belonged to');
    const { session } = await currentSession();
    if (session.accessToken !== refusedToken || refusedToken === lastReplacedToken) return;
    await refresh();
  }

  async function accessToken(): Promise<string> {
    const { session } = await currentSession();
    if (session.expiresAt - deps.now() > REFRESH_MARGIN_MS) return session.accessToken;
    return (await refresh()).accessToken;
  }

  return {
    /** Interactive sign-in; answers the signed-in user's profile. */
    async signIn(options: { chooseAccount: boolean }): Promise<Profile> {
      return (await authorize(await configuredEnvironment(), options.chooseAccount ? 'login' : undefined, true))
        .profile;
    },

    accessToken,

    async imsClient(): Promise<ImsClient> {
      const { endpoints, settings } = await configuredEnvironment();
      return deps.imsClientFor(endpoints.imsBaseUrl, settings.clientId);
    },

    /** Run an IMS call with the current token; on 401 refresh once and retry once (docs/ARCHITECTURE.md#ims-and-the-assets-api). */
    async authorized<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
      const token = await accessToken();
      try {
        return await call(token);
      } catch (error) {
        if (!isHttpError(error, 'UNAUTHORIZED')) throw error;
      }
      await refreshUnlessRenewed(token);
      try {
        return await call(await accessToken());
      } catch (error) {
        if (!isHttpError(error, 'UNAUTHORIZED')) throw error;
        await exclusive(() => imsSessionItem.removeValue());
        throw new ExtensionError('SESSION_EXPIRED', 'IMS still refused the token after a refresh');
      }
    },

    /** For a 401: `refusedToken` was refused before its time (revoked, clock skew). */
    refreshAfterUnauthorized: refreshUnlessRenewed,

    async isSignedIn(): Promise<boolean> {
      return currentSession().then(
        () => true,
        () => false,
      );
    },

    /** Forget the session whatever IMS answers: a failed revoke must not keep anyone signed in. */
    async signOut(): Promise<void> {
      const session = await exclusive(async () => {
        const stored = await readImsSession();
        await imsSessionItem.removeValue();
        return stored;
      });
      if (session) await revokeTokensOf(session);
    },

    /**
     * After the environment or client ID changed (options or policy): a session that belongs
     * to another IMS, client or Assets base is signed out at its own IMS and forgotten. Answers whether one was.
     */
    async signOutIfElsewhere(options: { environmentChanged: boolean }): Promise<boolean> {
      const session = await readImsSession();
      if (!session) return false;
      const environment = await configuredEnvironment().catch(() => undefined);
      if (environment && belongsTo(session, environment) && !options.environmentChanged) return false;
      if (!(await forget(session))) return false;
      // Best effort: the session is already forgotten, so an unreachable IMS changes nothing.
      await revokeTokensOf(session).catch(() => undefined);
      return true;
    },
  };
}

export type Session = ReturnType<typeof createSession>;
