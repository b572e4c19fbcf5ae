import { describe, expect, it } from 'vitest';
import { type HostInputRules, parseConsoleHost } from '@/lib/console-hosts/custom/input';
import { policyConsoleHostSchema } from '@/lib/policy/schemas';
import { matrixCaseStarted } from '../../support/matrix';

const production: HostInputRules = {
  addedMatches: ['https://aem.example.com/*'],
  allowLoopbackHttp: false,
};
const sandbox: HostInputRules = { ...production, allowLoopbackHttp: true };
const errorOf = (input: string, rules = production) => {
  const result = parseConsoleHost(input, rules);
  return result.ok ? 'accepted' : result.error;
};

describe('parseConsoleHost', () => {
  it('turns an https origin into the match pattern for that host', () => {
    expect(parseConsoleHost('https://aem.corp.example', production)).toEqual({
      ok: true,
      host: { origin: 'https://aem.corp.example', matchPattern: 'https://aem.corp.example/*' },
    });
  });

  it('accepts what people paste: spaces, upper case, a trailing slash', () => {
    expect(parseConsoleHost('  HTTPS://Console.Example.ORG/ ', production)).toEqual({
      ok: true,
      host: { origin: 'https://console.example.org', matchPattern: 'https://console.example.org/*' },
    });
  });

  it('keeps a port in the origin shown but not in the pattern (patterns ignore ports)', () => {
    expect(parseConsoleHost('https://console.example.org:8443', production)).toEqual({
      ok: true,
      host: { origin: 'https://console.example.org:8443', matchPattern: 'https://console.example.org/*' },
    });
  });

  it('refuses an empty field and text that is no address', () => {
    expect(errorOf('   ')).toBe('empty');
    expect(errorOf('aem.example.com')).toBe('notAUrl');
    expect(errorOf('https://')).toBe('notAUrl');
  });

  it('refuses plain http and other schemes in production builds, loopback included', () => {
    expect(errorOf('http://aem.example.com')).toBe('notHttps');
    expect(errorOf('http://console.localhost')).toBe('notHttps');
    expect(errorOf('ftp://aem.example.org')).toBe('notHttps');
    expect(errorOf('file:///etc')).toBe('notHttps');
  });

  it('takes plain http on *.localhost in sandbox builds only, never on other hosts', () => {
    expect(parseConsoleHost('http://console.localhost:4870', sandbox)).toEqual({
      ok: true,
      host: { origin: 'http://console.localhost:4870', matchPattern: 'http://console.localhost/*' },
    });
    expect(errorOf('http://aem.example.com', sandbox)).toBe('notHttps');
    expect(errorOf('http://localhost.example.com', sandbox)).toBe('notHttps');
  });

  it('refuses paths, queries, fragments and credentials', () => {
    expect(errorOf('https://aem.example.org/ui#/assets')).toBe('hasPath');
    expect(errorOf('https://aem.example.org/assets.html')).toBe('hasPath');
    expect(errorOf('https://aem.example.org/?tenant=acme')).toBe('hasPath');
    expect(errorOf('https://aem.example.org/?')).toBe('hasPath');
    expect(errorOf('https://user:secret@aem.example.org')).toBe('hasCredentials');
  });

  it('refuses wildcards anywhere', () => {
    expect(errorOf('https://*.example.org')).toBe('wildcard');
    expect(errorOf('https://*/*')).toBe('wildcard');
    expect(errorOf('*://aem.example.org')).toBe('wildcard');
  });

  it('refuses the built-in hosts and the ones already added', () => {
    expect(errorOf('https://experience.adobe.com')).toBe('builtIn');
    expect(errorOf('https://exc-unifiedcontent.experience.adobe.net/')).toBe('builtIn');
    expect(errorOf('http://localhost:4870', sandbox)).toBe('builtIn');
    expect(errorOf('https://AEM.example.com')).toBe('duplicate');
    expect(errorOf('https://aem.example.com:444')).toBe('duplicate');
  });

  it.each([
    ['the IMS host', 'https://ims-na1.adobelogin.com', 'https://ims-na1.adobelogin.com/*'],
    ['the stage IMS host', 'https://ims-na1-stg1.adobelogin.com', 'https://ims-na1-stg1.adobelogin.com/*'],
    ['the Access Profile host', 'https://aps-web.adobe.io', 'https://aps-web.adobe.io/*'],
    ['an AEM author host', 'https://author-p1-e2.adobeaemcloud.com', 'https://author-p1-e2.adobeaemcloud.com/*'],
    ['a built-in console host', 'https://experience.adobe.com', 'https://experience.adobe.com/*'],
  ])('refuses %s, as enterprise policy does', async (name, typed, pattern) => {
    const matrixCase = matrixCaseStarted('attack', `options console host: ${name} is refused as policy refuses it`);
    expect(errorOf(typed)).toMatch(/^(reserved|builtIn)$/);
    expect(policyConsoleHostSchema.safeParse(pattern).success).toBe(false);
    matrixCase.passed({ tokensFound: 0 });
  });
});
