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
// No leading \b on these: a secret glued to other text must go too (over-redacting is fine).
/** `access_token=…`, `"refresh_token": "…"`, `Cookie: …`: the value goes, the name stays. */
const SECRET_NAME =
  '(?:access_token|refresh_token|id_token|code_verifier|client_secret|password|authorization|set-cookie|cookie|token)';
/** `=`, `:` and their quotes, also URL-encoded (`access_token%3D…` in a logged URL). */
const QUOTE = `(?:["']|%22)?`;
const SEPARATOR = `${QUOTE}\\s*(?:[:=]|%3[ad])\\s*${QUOTE}`;
// A value ends where another secret begins, so secrets glued together are each caught.
const VALUE = `(?:(?!${SECRET_NAME}${SEPARATOR}|(?:bearer|basic)\\s)[^\\s"'&,;])+`;
/** `Bearer …` and `Basic …` credentials: the scheme stays, the credential goes. */
const AUTH_SCHEME = new RegExp(`(bearer|basic)\\s+${VALUE}`, 'gi');
const SECRET_PARAM = new RegExp(`(${SECRET_NAME})(${SEPARATOR})${VALUE}`, 'gi');
/** An OAuth authorization code in a URL (`?code=…`); a bare "code" is a word the report uses. */
const URL_CODE = /([?&#]code=)[^\s"'&#,;]+/gi;
/** An authorization code in quoted JSON (`"code":"…"`); our own error codes (`NOT_SIGNED_IN`) stay. */
const JSON_CODE = /("code"\s*:\s*")([^"]*)"/gi;
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;
/** JWT-like: three base64url segments, the first one usually a `{"` header (`eyJ`). */
const JWT =
  /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?|[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
/** Long base64/base64url/hex runs: opaque tokens, keys, session ids. Org and user ids are 24 hex digits. */
const LONG_RUN = /[A-Za-z0-9+/_=-]{32,}/g;
/**
 * Shorter opaque tokens with `.` or `~` (the base64 run above stops at them): a run with a `~`,
 * which no host name has, or with a label that mixes upper case, lower case and digits, which
 * host names (lower case) and Adobe's ids (upper-case hex) never do.
 */
const DOTTED_RUN = /[A-Za-z0-9+/_=.~-]{12,}/g;
const isOpaqueToken = (run: string) =>
  (run.includes('.') || run.includes('~')) &&
  (run.includes('~') ||
    run
      .split('.')
      .some((label) => label.length >= 6 && /[a-z]/.test(label) && /[A-Z]/.test(label) && /\d/.test(label)));
/** A bare UUID (operation ids in the history) is an identifier, not a secret. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Masks until none is left: one pass can leave an address behind whose local part was the
 * previous address's domain (`a@b.cc@d.ee`). Each pass puts `•` before an `@` for good, so it ends.
 */
function maskEmails(text: string): string {
  let current = text;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(EMAIL, maskEmail);
  }
  return current;
}

export function redact(text: string): string {
  const named = text
    .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SECRET_PARAM, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(URL_CODE, (_match, name: string) => `${name}${REDACTED}`)
    .replace(JSON_CODE, (match, start: string, value: string) =>
      ERROR_CODE.test(value) ? match : `${start}${REDACTED}"`,
    )
    // Before e-mails: after an `@` a dotted token would read as a domain, which masking keeps.
    .replace(DOTTED_RUN, (run) => (isOpaqueToken(run) ? REDACTED : run));
  return maskEmails(named)
    .replace(JWT, REDACTED)
    .replace(LONG_RUN, (run) => (UUID.test(run) ? run : REDACTED));
}

/** Redacts every string in a JSON-shaped value (keys included), keeping its shape; `first` runs before `redact`. */
export function redactDeep<T>(value: T, first: (text: string) => string = (text) => text): T {
  if (typeof value === 'string') return redact(first(value)) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, first)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(first(key)), redactDeep(item, first)]),
    ) as T;
  }
  return value;
}
