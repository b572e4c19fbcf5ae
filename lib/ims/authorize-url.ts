import { ExtensionError } from '../errors';

/**
 * The two ends of the browser leg of IMS sign-in: the `/ims/authorize/v2` URL we open with
 * `identity.launchWebAuthFlow`, and the redirect URL it resolves with.
 */

export const AUTHORIZE_PATH = '/ims/authorize/v2';

export interface AuthorizeRequest {
  imsBaseUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  codeChallenge: string;
  state: string;
  /** `none`: silent re-authentication; `login`: always ask, so the user can pick another account. */
  prompt?: 'login' | 'none';
  locale?: string;
}

export function buildAuthorizeUrl(request: AuthorizeRequest): string {
  const url = new URL(AUTHORIZE_PATH, request.imsBaseUrl);
  const params = url.searchParams;
  params.set('client_id', request.clientId);
  params.set('redirect_uri', request.redirectUri);
  // IMS takes scopes comma-separated, not space-separated as plain OAuth would.
  params.set('scope', request.scopes.join(','));
  params.set('response_type', 'code');
  params.set('code_challenge', request.codeChallenge);
  params.set('code_challenge_method', 'S256');
  params.set('state', request.state);
  if (request.prompt) params.set('prompt', request.prompt);
  if (request.locale) params.set('locale', request.locale);
  return url.toString();
}

export type RedirectResult = { ok: true; code: string } | { ok: false; error: ExtensionError };

/**
 * Read the code from the redirect, after checking `state` first: an answer to a request we
 * did not make (or an old one) is refused even when it carries an error.
 */
export function parseRedirect(redirectUrl: string, expectedState: string): RedirectResult {
  const params = redirectParams(redirectUrl);
  if (!params) return failure('SIGN_IN_FAILED', 'The sign-in redirect is not a valid URL');
  if (!expectedState || params.get('state') !== expectedState) {
    return failure('STATE_MISMATCH', 'The sign-in answer does not belong to this sign-in attempt (state mismatch)');
  }
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description');
    const detail = `IMS answered ${error}${description ? `: ${description}` : ''}`;
    if (error === 'login_required') return failure('LOGIN_REQUIRED', detail);
    if (error === 'access_denied') return failure('SIGN_IN_CANCELLED', detail);
    return failure('SIGN_IN_FAILED', detail);
  }
  const code = params.get('code');
  if (!code) return failure('SIGN_IN_FAILED', 'The sign-in redirect carries neither a code nor an error');
  return { ok: true, code };
}

/** Query parameters, or the fragment's when the query has none (IMS may answer in either). */
function redirectParams(redirectUrl: string): URLSearchParams | undefined {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    return undefined;
  }
  if (url.searchParams.has('state') || url.searchParams.has('code') || url.searchParams.has('error')) {
    return url.searchParams;
  }
  return new URLSearchParams(url.hash.replace(/^#/, ''));
}

function failure(code: ExtensionError['code'], message: string): RedirectResult {
  return { ok: false, error: new ExtensionError(code, message) };
}
