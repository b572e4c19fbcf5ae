/**
 * A typed client for the sandbox's control API (`/__sandbox/…`), shared by the Chromium
 * fixtures, the Firefox harness and scripts. It throws on any non-2xx answer: a control
 * call that fails means the test set-up is wrong, not that the product misbehaved.
 */

export type ControlMethod = 'GET' | 'POST' | 'DELETE';

export class SandboxControlError extends Error {
  constructor(
    readonly method: ControlMethod,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`Sandbox control ${method} /__sandbox/${path} answered ${status}: ${body.slice(0, 300)}`);
    this.name = 'SandboxControlError';
  }
}

export type SandboxControl = <T = unknown>(method: ControlMethod, path: string, body?: unknown) => Promise<T>;

export function sandboxControl(apiBaseUrl: string): SandboxControl {
  return async <T>(method: ControlMethod, path: string, body?: unknown): Promise<T> => {
    const relative = path.replace(/^\/+/, '').replace(/^__sandbox\//, '');
    const response = await fetch(`${apiBaseUrl}/__sandbox/${relative}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new SandboxControlError(method, relative, response.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** The shell's deep link to Settings > Creative Cloud, as a console user would bookmark it. */
export function creativeCloudUrl(shellUrl: string, tenant: string, lang?: string): string {
  const url = new URL(shellUrl);
  if (lang) url.searchParams.set('lang', lang);
  url.hash = `/@${tenant}/assets/settings/creative-cloud`;
  return url.toString();
}
