/**
 * PKCE (RFC 7636) for the IMS authorization-code flow, with the platform's own crypto:
 * `crypto.getRandomValues` for secrets and `crypto.subtle` for SHA-256 (both exist in
 * MV3 service workers and in node).
 */

type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

const defaultRandomBytes: RandomBytes = (bytes) => crypto.getRandomValues(bytes);

/** base64url without padding (RFC 7636 appendix A): every character is in the "unreserved" set. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A code verifier: 32 random octets, base64url-encoded = 43 characters, the RFC's
 * recommendation (256 bits of entropy, the shortest length IMS accepts).
 */
export function createCodeVerifier(randomBytes: RandomBytes = defaultRandomBytes): string {
  return base64Url(randomBytes(new Uint8Array(32)));
}

/** `S256`: BASE64URL(SHA256(ASCII(code_verifier))). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** An unguessable `state` to tie the redirect to the request that started it (CSRF defence). */
export function createState(randomBytes: RandomBytes = defaultRandomBytes): string {
  return base64Url(randomBytes(new Uint8Array(16)));
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export async function createPkcePair(randomBytes: RandomBytes = defaultRandomBytes): Promise<PkcePair> {
  const verifier = createCodeVerifier(randomBytes);
  return { verifier, challenge: await codeChallengeS256(verifier) };
}
