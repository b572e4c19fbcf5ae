import { describe, expect, it } from 'vitest';
import { aemAuthorHostFrom, aemAuthorOrigin, consoleUrlIdentity } from '@/lib/console-hosts/url';
import { readConsoleIdentity } from '@/lib/console-page/identity';
import { consoleIdentitySchema } from '@/lib/messaging/contract';

const AUTHOR = 'author-p12345-e123456-cm.adobeaemcloud.com';
const ORG_ID = '0123456789ABCDEF01234567@AdobeOrg';

describe('what a console URL names', () => {
  it("reads tenant and author host from the Assets view's shell URL", () => {
    expect(
      consoleUrlIdentity(`https://experience.adobe.com/?repoId=${AUTHOR}#/@acme/assets/settings/creative-cloud`),
    ).toEqual({ tenant: 'acme', authorHost: AUTHOR });
  });

  it('reads the org id itself from the shell’s #/@<ORGID>@AdobeOrg form', () => {
    expect(consoleUrlIdentity(`https://experience.adobe.com/?repoId=${AUTHOR}#/@${ORG_ID}/assets/browse`)).toEqual({
      orgId: ORG_ID,
      authorHost: AUTHOR,
    });
    // Adobe writes org ids in upper case; a lower-case link names the same org.
    expect(
      consoleUrlIdentity(
        `https://experience.adobe.com/#/@${ORG_ID.toLowerCase().replace('adobeorg', 'AdobeOrg')}/assets`,
      ),
    ).toEqual({
      orgId: ORG_ID,
    });
  });

  it('reads the author host from ?repo= as other AEM consoles name it', () => {
    expect(
      consoleUrlIdentity('https://experience.adobe.com/?repo=author-p9-e10.adobeaemcloud.com#/@globex/aem/sites'),
    ).toEqual({
      tenant: 'globex',
      authorHost: 'author-p9-e10.adobeaemcloud.com',
    });
  });

  it("reads only the author host from an app frame's own URL (it names no tenant)", () => {
    expect(
      consoleUrlIdentity(
        `https://exc-unifiedcontent.experience.adobe.net/solutions/CQ-assets/?repoId=${AUTHOR}#/settings`,
      ),
    ).toEqual({ authorHost: AUTHOR });
    expect(consoleUrlIdentity('http://localhost:4870/app/?lang=sv#/settings/creative-cloud')).toEqual({});
  });

  it('names nothing for what is not a console URL, or a tenant with characters no tenant has', () => {
    expect(consoleUrlIdentity('not a url')).toEqual({});
    expect(consoleUrlIdentity(undefined)).toEqual({});
    expect(consoleUrlIdentity('https://experience.adobe.com/#/@<script>/assets')).toEqual({});
    expect(consoleUrlIdentity(`https://experience.adobe.com/#/@${'a'.repeat(101)}/assets`)).toEqual({});
  });

  it('ignores an author host that is not exactly an AEM author host', () => {
    for (const repoId of [
      'evil.example.com',
      'author-p1-e2.adobeaemcloud.com.evil.test',
      'xauthor-p1-e2.adobeaemcloud.com',
      'https://author-p1-e2.adobeaemcloud.com',
      'author-p1-e2.adobeaemcloud.com/path',
      'user@author-p1-e2.adobeaemcloud.com',
      'author-pX-e2.adobeaemcloud.com',
      'publish-p1-e2.adobeaemcloud.com',
    ]) {
      expect(
        consoleUrlIdentity(`https://experience.adobe.com/?repoId=${encodeURIComponent(repoId)}#/@acme/assets`),
        repoId,
      ).toEqual({
        tenant: 'acme',
      });
    }
  });
});

describe('the AEM author host check', () => {
  it('accepts author hosts with and without -cm, in any case, as lower case', () => {
    expect(aemAuthorHostFrom('author-p12345-e123456.adobeaemcloud.com', false)).toBe(
      'author-p12345-e123456.adobeaemcloud.com',
    );
    expect(aemAuthorHostFrom('Author-P1-E2-CM.AdobeAemCloud.com', false)).toBe('author-p1-e2-cm.adobeaemcloud.com');
  });

  it('accepts loopback names only in sandbox builds, and only with a real port', () => {
    expect(aemAuthorHostFrom('127.0.0.1:4870', true)).toBe('127.0.0.1:4870');
    expect(aemAuthorHostFrom('localhost:4870', true)).toBe('localhost:4870');
    expect(aemAuthorHostFrom('127.0.0.1:4870', false)).toBeUndefined();
    expect(aemAuthorHostFrom('localhost:70000', true)).toBeUndefined();
    expect(aemAuthorHostFrom('127.0.0.2:4870', true)).toBeUndefined();
    expect(consoleUrlIdentity('https://experience.adobe.com/?repoId=127.0.0.1:4870#/@acme/assets', false)).toEqual({
      tenant: 'acme',
    });
  });

  it('calls an author host over https, the sandbox’s loopback host over http', () => {
    expect(aemAuthorOrigin(AUTHOR)).toBe(`https://${AUTHOR}`);
    expect(aemAuthorOrigin('127.0.0.1:4870')).toBe('http://127.0.0.1:4870');
  });

  it('is what the message contract accepts from a page, and nothing else', () => {
    expect(consoleIdentitySchema.safeParse({ authorHost: AUTHOR }).success).toBe(true);
    expect(consoleIdentitySchema.safeParse({ authorHost: 'evil.example.com' }).success).toBe(false);
    expect(consoleIdentitySchema.safeParse({ authorHost: AUTHOR.toUpperCase() }).success).toBe(false);
    expect(consoleIdentitySchema.safeParse({ orgId: 'not-an-org' }).success).toBe(false);
  });
});

/** The parts of a Window that identity reading touches. */
function fakeWindow(href: string, headerText?: string, top?: 'self' | 'cross-origin' | Window): Window {
  const win = {
    location: { href },
    document: {
      querySelector: (selector: string) =>
        headerText !== undefined && selector === 'header .shell-org-name' ? { textContent: headerText } : null,
    },
  } as unknown as Window & { top: Window | null };
  Object.defineProperty(win, 'top', {
    get() {
      if (top === 'cross-origin')
        return {
          location: {
            get href(): string {
              throw new DOMException('Blocked', 'SecurityError');
            },
          },
        };
      return top === undefined || top === 'self' ? win : top;
    },
  });
  return win;
}

describe('reading the console identity in a frame', () => {
  it("reports the header's org name in the shell's own frame (the worker reads the URLs itself)", () => {
    const win = fakeWindow('http://127.0.0.1:4870/?repoId=127.0.0.1:4870#/@acme/assets/browse', '  Acme   Corp ');
    expect(readConsoleIdentity(win)).toEqual({ orgName: 'Acme Corp' });
  });

  it('reports nothing from an app frame on another origin than the shell', () => {
    const win = fakeWindow(
      `https://exc-unifiedcontent.experience.adobe.net/?repoId=${AUTHOR}#/settings`,
      undefined,
      'cross-origin',
    );
    expect(readConsoleIdentity(win)).toEqual({});
  });

  it('reads the org name from a same-origin shell', () => {
    const shell = fakeWindow('https://experience.adobe.com/#/@initech/assets/browse', 'Initech');
    const frame = fakeWindow('https://experience.adobe.com/assets/app/', undefined, shell);
    expect(readConsoleIdentity(frame)).toEqual({ orgName: 'Initech' });
  });

  it('reports no org name longer than the contract allows', () => {
    expect(readConsoleIdentity(fakeWindow('http://localhost:4870/app/#/browse', 'a'.repeat(301)))).toEqual({});
  });
});
