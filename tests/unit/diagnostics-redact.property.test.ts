import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmail, redact, redactDeep } from '@/lib/diagnostics/redact';

/** What the report must never carry, generated in every shape the redaction claims to catch. */
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
const HEX = '0123456789abcdefABCDEF'.split('');
const chars = (alphabet: string[], minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength, maxLength }).map((list) => list.join(''));

const jwt = fc
  .tuple(chars(BASE64URL, 10, 60), chars(BASE64URL, 10, 200), chars(BASE64URL, 10, 90))
  .map(([header, payload, signature]) => ({
    secret: `eyJ${header}.${payload}.${signature}`,
    text: `eyJ${header}.${payload}.${signature}`,
  }));
const hexRun = chars(HEX, 32, 128).map((secret) => ({ secret, text: secret }));
const base64Run = fc
  .tuple(fc.constantFrom('', 'at_', 'rt_'), chars([...BASE64URL, '+', '/'], 32, 120), fc.constantFrom('', '=', '=='))
  .map(([prefix, body, padding]) => ({ secret: `${prefix}${body}${padding}`, text: `${prefix}${body}${padding}` }));
const bearer = fc
  .tuple(fc.constantFrom('Bearer ', 'bearer  ', 'BEARER\t'), chars(BASE64URL, 8, 60))
  .map(([scheme, secret]) => ({ secret, text: `${scheme}${secret}` }));
const secretParam = fc
  .tuple(
    fc.constantFrom('access_token', 'refresh_token', 'id_token', 'token', 'client_secret', 'code_verifier', 'Cookie'),
    fc.constantFrom('=', ': ', '":"', "='"),
    chars([...BASE64URL, '.', '~'], 8, 60),
  )
  .map(([name, separator, secret]) => ({ secret, text: `${name}${separator}${secret}` }));
const basic = chars([...BASE64URL, '+', '/'], 8, 60).map((secret) => ({
  secret,
  text: `Authorization: Basic ${secret}`,
}));
const encodedParam = fc
  .tuple(fc.constantFrom('access_token', 'refresh_token', 'code_verifier'), fc.constantFrom('%3D', '%3d', '%22%3A%22'))
  .chain(([name, separator]) =>
    chars(BASE64URL, 8, 60).map((secret) => ({ secret, text: `${name}${separator}${secret}` })),
  );
/** Short opaque tokens the base64 run misses: a `~`, or a dotted label mixing cases and digits. */
const dottedToken = fc
  .oneof(
    fc.tuple(chars(BASE64URL, 8, 30), chars(BASE64URL, 7, 30)).map(([left, right]) => `${left}~${right}`),
    fc.tuple(chars(BASE64URL, 6, 20), chars([...BASE64URL, '~'], 6, 20)).map(([label, rest]) => `Ab1${label}.${rest}`),
  )
  .map((secret) => ({ secret, text: secret }));
const jsonCode = chars(BASE64URL, 8, 40).map((body) => ({ secret: `x${body}`, text: `{"code":"x${body}"}` }));
const tokenShaped = fc.oneof(jwt, hexRun, base64Run, bearer, secretParam, basic, encodedParam, dottedToken, jsonCode);

const LOCAL = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'.split('');
const LABEL = 'abcdefghijklmnopqrstuvwxyz0123456789-'.split('');
const email = fc
  .tuple(
    chars(LOCAL, 1, 30),
    fc.array(chars(LABEL, 1, 15), { minLength: 1, maxLength: 3 }),
    chars(LABEL.slice(0, 26), 2, 6),
  )
  .map(([local, labels, tld]) => `${local}@${labels.join('.')}.${tld}`);

/** An independent definition of "e-mail-shaped": something@domain.tld in ASCII. */
const EMAIL_SHAPED = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** Arbitrary text around and between the secrets, glued on with no separator at all. */
const embedded = <T>(secrets: fc.Arbitrary<T[]>) =>
  fc.tuple(secrets, fc.array(fc.string({ maxLength: 20 }), { minLength: 12, maxLength: 12 }));

describe('redaction', () => {
  it('leaves no token-shaped string in any text that embeds tokens', () => {
    fc.assert(
      fc.property(embedded(fc.array(tokenShaped, { minLength: 1, maxLength: 5 })), ([tokens, fillers]) => {
        const text = tokens.map((token, index) => `${fillers[index]}${token.text}`).join('') + fillers[11];
        const output = redact(text);
        for (const { secret } of tokens) expect(output).not.toContain(secret);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no e-mail-shaped string, whatever surrounds the addresses', () => {
    fc.assert(
      fc.property(embedded(fc.array(email, { minLength: 1, maxLength: 4 })), ([emails, fillers]) => {
        const text = emails.map((address, index) => `${fillers[index]}${address}`).join('') + fillers[11];
        expect(redact(text)).not.toMatch(EMAIL_SHAPED);
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a secret through in arbitrary text, also when run twice', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), tokenShaped, email, (filler, token, address) => {
        const once = redact(`${filler}${token.text} ${address}${filler}`);
        expect(once).not.toContain(token.secret);
        expect(once).not.toMatch(EMAIL_SHAPED);
        expect(redact(once)).not.toContain(token.secret);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps what support needs: org and user ids, error codes, operation ids, base URLs', () => {
    const text = [
      'Acme (0123456789ABCDEF01234567@AdobeOrg)',
      'A1B2C3D4E5F6A7B8C9D0E1F2@AdobeID',
      'NO_CC_ENTITLEMENT',
      '3f1c2a9e-4b7d-4c1e-9a2b-6d8e0f1a2b3c',
      'http://127.0.0.1:4870',
      'https://ims-na1-stg1.adobelogin.com',
      '| Time | Code | Request |',
    ].join('\n');
    expect(redact(text)).toBe(text);
  });

  it('names what it removed and keeps the parameter names', () => {
    expect(redact('GET /ims/logout?client_id=x&access_token=abc123def456')).toBe(
      'GET /ims/logout?client_id=x&access_token=[redacted]',
    );
    expect(redact('Authorization: Bearer at_abcdef')).toBe('Authorization: Bearer [redacted]');
    expect(redact('https://id.chromiumapp.org/?code=c0de&state=s')).toBe(
      'https://id.chromiumapp.org/?code=[redacted]&state=s',
    );
  });

  it('redacts every string of a JSON value, keys included, and keeps its shape', () => {
    const value = { user: 'ada@example.com', nested: [{ 'eyJhbGciOi.eyJzdWIiOiJ.c2lnbmF0dXJl': 1, n: 2, ok: true }] };
    expect(redactDeep(value)).toEqual({ user: 'a•••@example.com', nested: [{ '[redacted]': 1, n: 2, ok: true }] });
  });
});

describe('e-mail masking', () => {
  it.each([
    ['ada@example.com', 'a•••@example.com'],
    ['a@acme.example', 'a•••@acme.example'],
    ['first.last+tag@sub.acme.co.uk', 'f•••@sub.acme.co.uk'],
    ['odd@name@example.com', 'o•••@example.com'],
    ['not an address', '•••'],
    ['@example.com', '•••'],
  ])('masks %s as %s', (address, masked) => {
    expect(maskEmail(address)).toBe(masked);
  });

  it('never keeps more than the first character of the local part', () => {
    fc.assert(
      fc.property(email, (address) => {
        const masked = maskEmail(address);
        const local = address.slice(0, address.lastIndexOf('@'));
        expect(masked).toBe(`${local[0]}•••${address.slice(address.lastIndexOf('@'))}`);
        // Only the masked local part can leak it; the domain may happen to contain the same text.
        if (local.length > 1) expect(masked.slice(0, masked.lastIndexOf('@'))).not.toContain(local);
      }),
    );
  });
});
