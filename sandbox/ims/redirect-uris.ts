/**
 * Redirect URIs the sandbox's IMS accepts: the ones browsers give extensions for
 * `identity.launchWebAuthFlow` (Chrome: `https://<extension id>.chromiumapp.org/…`,
 * Firefox: `https://<hash>.extensions.allizom.org/…`) and plain-http loopback pages.
 * Anything else gets an error page, never a redirect (an open redirector leaks codes).
 */

const EXTENSION_REDIRECT_HOSTS = [/^[a-z0-9-]+\.chromiumapp\.org$/, /^[a-z0-9-]+\.extensions\.allizom\.org$/];
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export function isAllowedRedirectUri(value: string | undefined): value is string {
  if (!value) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  if (url.protocol === 'https:') return EXTENSION_REDIRECT_HOSTS.some((pattern) => pattern.test(url.hostname));
  return url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
}

/** `redirect_uri` with the given parameters added (`code` + `state`, or `error` + …). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}
