import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './app-env';

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
