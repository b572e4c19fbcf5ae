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

/** The sandbox's AEM author host: the server itself (`127.0.0.1:PORT`), which serves the Assets API. */
export function sandboxAuthorHost(shellUrl: string): string {
  return new URL(shellUrl).host;
}

export interface CreativeCloudUrlOptions {
  /** The AEM author host the URL names; the sandbox's own by default. */
  authorHost?: string;
  /** `repoId` as the Assets view names it (default), or `repo` as other AEM consoles do. */
  authorParam?: 'repoId' | 'repo';
}

/**
 * The shell's deep link to Settings > Creative Cloud in the real console's shape, as a console
 * user would bookmark it: `http://127.0.0.1:PORT/?repoId=127.0.0.1:PORT#/@<tenant>/assets/settings/creative-cloud`.
 * `console` is the tenant, or an AEM org id (`<24 hex>@AdobeOrg`) for the shell's org-id form.
 */
export function creativeCloudUrl(
  shellUrl: string,
  console: string,
  lang?: string,
  options: CreativeCloudUrlOptions = {},
): string {
  const url = new URL(shellUrl);
  url.searchParams.set(options.authorParam ?? 'repoId', options.authorHost ?? sandboxAuthorHost(shellUrl));
  if (lang) url.searchParams.set('lang', lang);
  url.hash = `/@${console}/assets/settings/creative-cloud`;
  return url.toString();
}
