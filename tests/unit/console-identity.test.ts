import { describe, expect, it } from 'vitest';
import { readConsoleIdentity, tenantFromUrl } from '@/lib/console/identity';

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

describe('the console tenant from a URL', () => {
  it("reads the shell's #/@tenant/assets/… route", () => {
    expect(tenantFromUrl('https://experience.adobe.com/#/@acme/assets/settings/creative-cloud')).toBe('acme');
  });

  it("reads an app frame's ?tenant= query when the hash is the app's own route", () => {
    expect(tenantFromUrl('http://localhost:4870/app/?lang=sv&tenant=globex#/settings/creative-cloud')).toBe('globex');
  });

  it('finds none on a URL without either', () => {
    expect(tenantFromUrl('http://localhost:4870/app/#/settings/creative-cloud')).toBeUndefined();
    expect(tenantFromUrl('not a url')).toBeUndefined();
  });

  it('ignores a tenant longer than the message contract allows', () => {
    expect(tenantFromUrl(`http://localhost/app/?tenant=${'a'.repeat(301)}`)).toBeUndefined();
  });
});

describe('reading the console identity', () => {
  it("reports the tenant and the header's org name in the shell's own frame", () => {
    const win = fakeWindow('http://127.0.0.1:4870/#/@acme/assets/browse', '  Acme   Corp ');
    expect(readConsoleIdentity(win)).toEqual({ tenant: 'acme', orgName: 'Acme Corp' });
  });

  it('reports only the tenant from an app frame on another origin than the shell', () => {
    const win = fakeWindow(
      'http://localhost:4870/app/?tenant=acme#/settings/creative-cloud',
      undefined,
      'cross-origin',
    );
    expect(readConsoleIdentity(win)).toEqual({ tenant: 'acme' });
  });

  it("reads tenant and org name from a same-origin shell when the frame's own URL has neither", () => {
    const shell = fakeWindow('https://experience.adobe.com/#/@initech/assets/browse', 'Initech');
    const frame = fakeWindow('https://experience.adobe.com/assets/app/', undefined, shell);
    expect(readConsoleIdentity(frame)).toEqual({ tenant: 'initech', orgName: 'Initech' });
  });

  it('reports nothing it cannot see', () => {
    expect(readConsoleIdentity(fakeWindow('http://localhost:4870/app/#/browse'))).toEqual({});
  });
});
