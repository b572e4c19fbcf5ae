/**
 * Redaction for anything that leaves the extension as text (the diagnostics report). The
 * report is built from an allowlist of fields first; this is the second line of defence for
 * a secret that slips into an allowed field (an error message quoting a URL, a header…).
 */

const REDACTED = '[redacted]';

/** `a•••@example.com`: enough for a support engineer to recognise the account, not to mail it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const BEARER = /\bBearer\s+[^\s"',;]+/gi;
/** `access_token=…`, `"refresh_token": "…"`, `code=…`, cookies: the value goes, the name stays. */
const SECRET_PARAM =
  /\b(access_token|refresh_token|id_token|token|code|code_verifier|client_secret|password|authorization|cookie|set-cookie)(["']?\s*[:=]\s*["']?)[^\s"'&,;]+/gi;
/** JWT-like: three base64url segments, the first one usually a `{"` header (`eyJ`). */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?|[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
/** Long base64/base64url/hex runs: opaque tokens, keys, session ids. Org and user ids are 24 hex digits. */
const LONG_RUN = /[A-Za-z0-9+/_=-]{32,}/g;
/** A bare UUID (operation ids in the history) is an identifier, not a secret. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function redact(text: string): string {
  return text
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(SECRET_PARAM, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(EMAIL, maskEmail)
    .replace(LONG_RUN, (run) => (UUID.test(run) ? run : REDACTED));
}

/** Redacts every string in a JSON-shaped value (keys included), keeping its shape. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactDeep(item)])) as T;
  }
  return value;
}
