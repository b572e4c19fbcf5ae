import { HttpError, isHttpError } from '../http/errors';
import { type Fetch, type JsonResponse, type RetryOptions, requestJson } from '../http/request';
import {
  ASSETS_PATHS,
  type AssetsUser,
  assetsUserSchema,
  type CcConnection,
  ccConnectionSchema,
  type SwitchRequest,
} from './schemas';

/**
 * The one module that knows the (modeled) AEM Assets API for the Creative Cloud connection.
 * Pointing the extension at the real API means changing this file and lib/assets/schemas.ts.
 */

export interface AssetsClientOptions {
  assetsBaseUrl: string;
  clientId: string;
  /** The AEM org the console belongs to (`x-gw-ims-org-id`). */
  aemOrgId: string;
  getAccessToken: () => Promise<string>;
  /**
   * Called once when the API answers 401, with the token it refused: the session renews it
   * unless it already holds a newer one (or throws, e.g. SESSION_EXPIRED). The call is then
   * retried once with the current token; a second 401 ends the session. This client owns that
   * rule so every Assets call follows it.
   */
  onUnauthorized: (refusedToken: string) => Promise<void>;
  fetch?: Fetch;
  retry?: RetryOptions | false;
  timeoutMs?: number;
}

export interface VersionedConnection {
  connection: CcConnection;
  /** Opaque, quoted as the server sent it; goes back verbatim in `If-Match`. */
  etag: string;
}

export interface PutConnectionInput extends SwitchRequest {
  etag: string;
  /** The same key for every retry of one switch, so the server applies it at most once. */
  idempotencyKey: string;
}

export function createAssetsClient(options: AssetsClientOptions) {
  const transport = { fetch: options.fetch, retry: options.retry, timeoutMs: options.timeoutMs };
  const urlOf = (path: string) => new URL(path, options.assetsBaseUrl).toString();
  const headersFor = (token: string, extra?: Record<string, string>) => ({
    Authorization: `Bearer ${token}`,
    'x-api-key': options.clientId,
    'x-gw-ims-org-id': options.aemOrgId,
    ...extra,
  });

  async function withSessionRetry<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await options.getAccessToken();
    try {
      return await call(token);
    } catch (error) {
      if (!isHttpError(error, 'UNAUTHORIZED')) throw error;
    }
    await options.onUnauthorized(token);
    try {
      return await call(await options.getAccessToken());
    } catch (error) {
      if (!isHttpError(error, 'UNAUTHORIZED')) throw error;
      throw new HttpError('SESSION_EXPIRED', `${error.endpoint} still answered 401 after a token refresh`, {
        endpoint: error.endpoint,
        status: 401,
        apiCode: error.apiCode,
        cause: error,
      });
    }
  }

  return {
    /** Where this client calls: a switch records it, so a worker that wakes mid-switch asks the same host. */
    baseUrl: options.assetsBaseUrl,
    /** The user signed in to the AEM console, and whether they are an Assets admin. */
    getMe(): Promise<AssetsUser> {
      return withSessionRetry(async (token) => {
        const url = urlOf(ASSETS_PATHS.me);
        return (await requestJson({ ...transport, url, headers: headersFor(token), schema: assetsUserSchema })).data;
      });
    },

    getConnection(): Promise<VersionedConnection> {
      return withSessionRetry(async (token) => {
        const url = urlOf(ASSETS_PATHS.ccConnection);
        return versioned(
          await requestJson({ ...transport, url, headers: headersFor(token), schema: ccConnectionSchema }),
          'GET',
        );
      });
    },

    /** Replace the connected CC org. Carries its Idempotency-Key, so the retry policy may replay it. */
    putConnection(input: PutConnectionInput): Promise<VersionedConnection> {
      return withSessionRetry(async (token) => {
        const headers = headersFor(token, { 'If-Match': input.etag, 'Idempotency-Key': input.idempotencyKey });
        const body: SwitchRequest = { orgId: input.orgId };
        const url = urlOf(ASSETS_PATHS.ccConnection);
        return versioned(
          await requestJson({ ...transport, url, method: 'PUT', headers, json: body, schema: ccConnectionSchema }),
          'PUT',
        );
      });
    },
  };
}

export type AssetsClient = ReturnType<typeof createAssetsClient>;

function versioned(response: JsonResponse<CcConnection>, method: 'GET' | 'PUT'): VersionedConnection {
  const etag = response.headers.get('ETag');
  if (!etag) {
    const endpoint = `${method} ${ASSETS_PATHS.ccConnection}`;
    throw new HttpError('INVALID_RESPONSE', `${endpoint} answered without an ETag`, {
      endpoint,
      status: response.status,
    });
  }
  return { connection: response.data, etag };
}
