import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, parseRedirect } from '../../lib/ims/authorize-url';
import { base64Url, codeChallengeS256, createCodeVerifier, createPkcePair, createState } from '../../lib/ims/pkce';
import { IMS_SCOPES } from '../../lib/ims/schemas';

// RFC 7636, appendix B.
const RFC_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91,
  88, 5, 88, 83, 132, 141, 121,
];
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;

describe('PKCE', () => {
  it('encodes the RFC 7636 octets as the RFC verifier', () => {
    const verifier = createCodeVerifier((bytes) => {
      bytes.set(RFC_OCTETS);
      return bytes;
    });
    expect(verifier).toBe(RFC_VERIFIER);
  });

  it('derives the RFC 7636 S256 challenge', async () => {
    expect(await codeChallengeS256(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
  });

  it('makes verifiers of 43–128 unreserved characters, different every time', async () => {
    const pairs = await Promise.all(Array.from({ length: 20 }, () => createPkcePair()));
    for (const { verifier, challenge } of pairs) {
      expect(verifier.length).toBeGreaterThanOrEqual(43);
      expect(verifier.length).toBeLessThanOrEqual(128);
      expect(verifier).toMatch(UNRESERVED);
      expect(challenge).toBe(await codeChallengeS256(verifier));
    }
    expect(new Set(pairs.map((p) => p.verifier)).size).toBe(pairs.length);
  });

  it('makes unguessable URL-safe states', () => {
    const states = Array.from({ length: 20 }, () => createState());
    expect(new Set(states).size).toBe(states.length);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('base64url-encodes without padding or URL-unsafe characters', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff, 0xfe]))).toBe('-__-');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });
});

describe('authorize URL', () => {
  const base = {
    imsBaseUrl: 'http://127.0.0.1:4870',
    clientId: 'cc-org-switcher-sandbox',
    redirectUri: 'https://abcdefghijklmnop.chromiumapp.org/',
    scopes: IMS_SCOPES,
    codeChallenge: RFC_CHALLENGE,
    state: 'st&te=1',
  };

  it('carries every parameter IMS needs for a PKCE code flow', () => {
    const url = new URL(buildAuthorizeUrl(base));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:4870/ims/authorize/v2');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'cc-org-switcher-sandbox',
      redirect_uri: 'https://abcdefghijklmnop.chromiumapp.org/',
      scope: 'openid,AdobeID,read_organizations,additional_info.projectedProductContext,creative_cloud',
      response_type: 'code',
      code_challenge: RFC_CHALLENGE,
      code_challenge_method: 'S256',
      state: 'st&te=1',
    });
  });

  it('adds prompt and locale only when asked', () => {
    const url = new URL(buildAuthorizeUrl({ ...base, prompt: 'login', locale: 'sv_SE' }));
    expect(url.searchParams.get('prompt')).toBe('login');
    expect(url.searchParams.get('locale')).toBe('sv_SE');
    expect(new URL(buildAuthorizeUrl({ ...base, prompt: 'none' })).searchParams.get('prompt')).toBe('none');
  });
});

describe('redirect parsing', () => {
  const redirect = 'https://abcdefghijklmnop.chromiumapp.org/';

  it('returns the code when the state matches', () => {
    expect(parseRedirect(`${redirect}?code=abc&state=s1`, 's1')).toEqual({ ok: true, code: 'abc' });
  });

  it('reads a fragment answer too', () => {
    expect(parseRedirect(`${redirect}#code=abc&state=s1`, 's1')).toEqual({ ok: true, code: 'abc' });
  });

  it.each([
    ['a different state', `${redirect}?code=abc&state=other`, 'STATE_MISMATCH'],
    ['no state', `${redirect}?code=abc`, 'STATE_MISMATCH'],
    ['an error for another attempt', `${redirect}?error=access_denied&state=other`, 'STATE_MISMATCH'],
    ['login_required (prompt=none without a session)', `${redirect}?error=login_required&state=s1`, 'LOGIN_REQUIRED'],
    ['access_denied (the user cancelled)', `${redirect}?error=access_denied&state=s1`, 'SIGN_IN_CANCELLED'],
    ['another IMS error', `${redirect}?error=server_error&error_description=down&state=s1`, 'SIGN_IN_FAILED'],
    ['neither code nor error', `${redirect}?state=s1`, 'SIGN_IN_FAILED'],
    ['something that is not a URL', 'not a url', 'SIGN_IN_FAILED'],
  ])('refuses %s with %s', (_name, url, code) => {
    const result = parseRedirect(url, 's1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('refuses any answer when no state was expected', () => {
    const result = parseRedirect(`${redirect}?code=abc&state=`, '');
    expect(result.ok || result.error.code).toBe('STATE_MISMATCH');
  });

  it('keeps the IMS description for the log', () => {
    const result = parseRedirect(`${redirect}?error=server_error&error_description=IMS+is+down&state=s1`, 's1');
    expect(result.ok || result.error.message).toBe('IMS answered server_error: IMS is down');
  });
});
