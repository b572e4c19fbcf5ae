import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './app-env';
import { CONSOLE_CLIENT_ID } from './console-client';

/**
 * The request log the control API serves. Secrets never enter it: bearer tokens and
 * token-like query parameters are masked before the entry is stored.
 */

export interface LoggedRequest {
  time: string;
  method: string;
  path: string;
  /** 0 when an injected fault dropped the connection. */
  status: number;
  headers: Record<string, string>;
  faultId?: string;
}

// `host`: which name a client called the sandbox by (the AEM author host a console URL names).
const LOGGED_HEADERS = [
  'host',
  'authorization',
  'x-api-key',
  'x-gw-ims-org-id',
  'if-match',
  'idempotency-key',
  'origin',
];
const SECRET_QUERY_PARAMS = ['access_token', 'refresh_token', 'id_token', 'token', 'code', 'code_verifier'];
const MAX_ENTRIES = 2000;
export const MASK = '***';

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

export function maskedPath(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const name of SECRET_QUERY_PARAMS) if (params.has(name)) params.set(name, MASK);
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

export function maskedHeaders(headers: Headers): Record<string, string> {
  const logged: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = headers.get(name);
    if (value === null) continue;
    logged[name] = name === 'authorization' ? maskedCredentials(value) : value;
  }
  return logged;
}

/** Keeps the scheme (`Bearer ***`) so the log still shows what kind of credentials came. */
function maskedCredentials(value: string): string {
  const scheme = /^([A-Za-z]+)\s/.exec(value)?.[1];
  return scheme ? `${scheme} ${MASK}` : MASK;
}

export function requestLogging(log: () => RequestLog): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const time = new Date().toISOString();
    await next();
    if (c.req.path.startsWith('/__sandbox/')) return;
    const faultId = c.get('faultId');
    log().add({
      time,
      method: c.req.method,
      path: maskedPath(new URL(c.req.url)),
      status: c.get('dropped') ? 0 : c.res.status,
      headers: maskedHeaders(c.req.raw.headers),
      ...(faultId ? { faultId } : {}),
    });
  };
}

/**
 * IMS and Assets API calls the extension made, not the console page. The console app's calls
 * carry the console's client id, and are CORS requests carrying its origin; the worker's carry the
 * extension's origin, or none at all (Chromium leaves Origin off an extension's GET to a host it
 * has permission for).
 */
const API_PATH = /^\/(adobe|ims|webapps)\//;
const PAGE_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;
export const madeByExtension = (request: LoggedRequest) =>
  API_PATH.test(request.path) &&
  request.headers['x-api-key'] !== CONSOLE_CLIENT_ID &&
  !PAGE_ORIGIN.test(request.headers.origin ?? '');

/** `GET /adobe/assets/users/me` for a logged request: the endpoint, without its query. */
export const endpointOf = (request: Pick<LoggedRequest, 'method' | 'path'>) =>
  `${request.method} ${request.path.split('?')[0]}`;

/** How many times each endpoint was called, in the order first called. */
export function countPerEndpoint(requests: readonly LoggedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) counts[endpointOf(request)] = (counts[endpointOf(request)] ?? 0) + 1;
  return counts;
}

/**
 * The extension's requests once it has sent nothing new for `quietMs` (or after `limitMs`):
 * a refresh the load started may still be on its way when the UI first shows state.
 */
export async function settledExtensionRequests(
  readLog: () => Promise<LoggedRequest[]>,
  { quietMs = 400, limitMs = 5000 } = {},
): Promise<LoggedRequest[]> {
  const started = Date.now();
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    const requests = (await readLog()).filter(madeByExtension);
    if (requests.length !== last) {
      last = requests.length;
      quietSince = Date.now();
    }
    if (Date.now() - quietSince >= quietMs || Date.now() - started > limitMs) return requests;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
