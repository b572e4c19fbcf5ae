import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Organization } from '@/lib/ims/schemas';
import { consoleIdentityFor, rememberAemOrgChoice, rememberedAemOrgChoice, resolveAemOrg } from '@/lib/worker/aem-org';
import { matrixCaseStarted } from '../support/matrix';

// The AEM org an admin once chose for a console must not let a page steer another console's
// resolution.

const org = (ident: string, orgName: string): Organization => ({ orgName, orgRef: { ident, authSrc: 'AdobeOrg' } });
const acme = org('0123456789ABCDEF01234567', 'Acme Marketing');
const decoy = org('FEDCBA9876543210FEDCBA98', 'Decoy Corp');
const SHELL = 'https://experience.adobe.com/#/@acme/assets/settings/creative-cloud';
const HOSTILE = 'https://console.hostile.example/#/@acme/assets/settings/creative-cloud';

describe('a remembered AEM-org choice', () => {
  beforeEach(() => fakeBrowser.reset());

  it('never beats an exact match of the header name', () => {
    const matrixCase = matrixCaseStarted('attack', 'remembered AEM org does not beat the exact header name');
    const decoyId = '0123456789ABCDEF01234567@AdobeOrg'.replace('0123456789ABCDEF01234567', 'FEDCBA9876543210FEDCBA98');
    expect(resolveAemOrg({ tenant: 'acme', orgName: 'Acme Marketing' }, [acme, decoy], decoyId)).toEqual({
      status: 'resolved',
      org: { id: '0123456789ABCDEF01234567@AdobeOrg', name: 'Acme Marketing' },
    });
    expect(resolveAemOrg({ tenant: 'acmemarketing' }, [acme, decoy], decoyId)).toMatchObject({
      org: { name: 'Acme Marketing' },
    });
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });

  it('made on one console host does not apply to the same tenant on another', async () => {
    const matrixCase = matrixCaseStarted('attack', 'AEM org chosen on another console host is not used');
    const onHostile = consoleIdentityFor({ tenant: 'acme' }, HOSTILE);
    const onShell = consoleIdentityFor({ tenant: 'acme' }, SHELL);
    await rememberAemOrgChoice(onHostile, '0123456789ABCDEF01234567@AdobeOrg'.replace('0123', 'FFFF'));
    expect(await rememberedAemOrgChoice(onHostile)).toBeDefined();
    expect(await rememberedAemOrgChoice(onShell)).toBeUndefined();
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });

  it("is keyed by the tab's origin, never the one the page reported", async () => {
    const matrixCase = matrixCaseStarted('attack', 'page-reported console origin is ignored');
    const forged = consoleIdentityFor({ tenant: 'acme', consoleOrigin: 'https://experience.adobe.com' }, HOSTILE);
    expect(forged.consoleOrigin).toBe('https://console.hostile.example');
    await rememberAemOrgChoice(forged, '0123456789ABCDEF01234567@AdobeOrg');
    expect(await rememberedAemOrgChoice(consoleIdentityFor({ tenant: 'acme' }, SHELL))).toBeUndefined();
    matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
  });

  it('still settles an ambiguous console for the admin who chose on it', async () => {
    const twin = org('1123456789ABCDEF01234567', 'Acme Marketing');
    const onShell = consoleIdentityFor({ tenant: 'acme', orgName: 'Acme Marketing' }, SHELL);
    await rememberAemOrgChoice(onShell, '1123456789ABCDEF01234567@AdobeOrg');
    expect(resolveAemOrg(onShell, [acme, twin], await rememberedAemOrgChoice(onShell))).toMatchObject({
      status: 'resolved',
      org: { id: '1123456789ABCDEF01234567@AdobeOrg' },
    });
  });
});
