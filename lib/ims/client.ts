import type { ErrorCode } from '../errors';
import { HttpError } from '../http/errors';
import { type Fetch, type RetryOptions, requestJson, sendRequest } from '../http/request';
import {
  type Organization,
  organizationsSchema,
  type Profile,
  profileSchema,
  type TokenResponse,
  tokenResponseSchema,
} from './schemas';

/**
 * Adobe IMS over HTTP (docs/ARCHITECTURE.md#ims-and-the-assets-api). Token calls are form-encoded POSTs
 * and never retried (an auth code is single-use; a refresh token may rotate). A 401 from the
 * profile or organizations endpoint is left to the session layer, which refreshes and retries.
 */

export const IMS_PATHS = {
  token: '/ims/token/v3',
  profile: '/ims/profile/v1',
  organizations: '/ims/organizations/v6',
  revoke: '/ims/revoke',
} as const;

export interface ImsClientOptions {
  imsBaseUrl: string;
  clientId: string;
  fetch?: Fetch;
  retry?: RetryOptions | false;
  timeoutMs?: number;
}

export type LogoutResult = { ok: true } | { ok: false; error: HttpError };

export function createImsClient(options: ImsClientOptions) {
  const { imsBaseUrl, clientId } = options;
  const transport = { fetch: options.fetch, retry: options.retry, timeoutMs: options.timeoutMs };
  const urlOf = (path: string, withClientId = false) => {
    const url = new URL(path, imsBaseUrl);
    if (withClientId) url.searchParams.set('client_id', clientId);
    return url.toString();
  };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function postToken(form: Record<string, string>): Promise<TokenResponse> {
    const url = urlOf(IMS_PATHS.token, true);
    const { data } = await requestJson({ ...transport, url, method: 'POST', form, schema: tokenResponseSchema });
    return data;
  }

  return {
    /** Authorization code + PKCE verifier → tokens. Any IMS refusal means the sign-in failed. */
    async exchangeCode(code: string, codeVerifier: string): Promise<TokenResponse> {
      try {
        return await postToken({ grant_type: 'authorization_code', code, code_verifier: codeVerifier });
      } catch (error) {
        throw recode(error, (e) => (e.code === 'API_ERROR' || e.code === 'UNAUTHORIZED' ? 'SIGN_IN_FAILED' : e.code));
      }
    },

    /** A refused refresh token (`invalid_grant`: expired, revoked, rotated) ends the session. */
    async refresh(refreshToken: string): Promise<TokenResponse> {
      try {
        return await postToken({ grant_type: 'refresh_token', refresh_token: refreshToken });
      } catch (error) {
        throw recode(error, (e) => (e.apiCode === 'invalid_grant' ? 'SESSION_EXPIRED' : e.code));
      }
    },

    async getProfile(accessToken: string): Promise<Profile> {
      const url = urlOf(IMS_PATHS.profile);
      return (await requestJson({ ...transport, url, headers: bearer(accessToken), schema: profileSchema })).data;
    },

    async getOrganizations(accessToken: string): Promise<Organization[]> {
      const url = urlOf(IMS_PATHS.organizations);
      return (await requestJson({ ...transport, url, headers: bearer(accessToken), schema: organizationsSchema })).data;
    },

    /**
     * Revoke the token at IMS. Sign-out forgets the session whatever happens here, so this
     * never throws: it reports the outcome for the log.
     */
    async logout(accessToken: string): Promise<LogoutResult> {
      try {
        await sendRequest({
          ...transport,
          url: urlOf(IMS_PATHS.revoke, true),
          method: 'POST',
          form: { token: accessToken },
        });
        return { ok: true };
      } catch (error) {
        const httpError =
          error instanceof HttpError
            ? error
            : new HttpError('NETWORK', `POST ${IMS_PATHS.revoke} failed: ${String(error)}`, {
                endpoint: `POST ${IMS_PATHS.revoke}`,
              });
        return { ok: false, error: httpError };
      }
    },
  };
}

export type ImsClient = ReturnType<typeof createImsClient>;

function recode(error: unknown, codeFor: (error: HttpError) => ErrorCode): unknown {
  if (!(error instanceof HttpError)) return error;
  const code = codeFor(error);
  if (code === error.code) return error;
  return new HttpError(code, error.message, {
    endpoint: error.endpoint,
    status: error.status,
    apiCode: error.apiCode,
    retryAfterMs: error.retryAfterMs,
    cause: error,
  });
}
