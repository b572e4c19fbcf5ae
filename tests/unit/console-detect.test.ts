import { describe, expect, it } from 'vitest';
import { localesMatching, orgIdFromOptionText, preferredLocale } from '@/lib/console-page/detect';
import { pickedValueText, resolvePickedOrg } from '@/lib/console-page/picked-org';
import type { OrgEntitlement } from '@/lib/entitlement/schemas';

const ACME_ID = '0123456789ABCDEF01234567@AdobeOrg';
const BETA_ID = 'BBBBBBBBBBBBBBBBBBBBBBBB@AdobeOrg';

function entitlement(orgId: string, orgName: string, eligible: boolean): OrgEntitlement {
  return {
    orgId,
    orgName,
    ccEntitlement: eligible ? 'active' : 'none',
    express: 'none',
    libraries: 'none',
    decidedBy: { ccEntitlement: 'accessProfile', express: 'accessProfile', libraries: 'accessProfile' },
    connected: false,
    blockedByPolicy: false,
    eligible,
    reasons: eligible ? [] : ['NO_CC_ENTITLEMENT'],
    unknowns: [],
    badges: eligible ? ['ccActive'] : ['noCcEntitlement'],
  };
}

describe('recognising the controls by accessible name', () => {
  it('matches the picker by its label followed by the picked value', () => {
    expect(localesMatching('Select new Creative Cloud org ID Acme Design Studio', 'picker')).toEqual(['en', 'sv']);
  });

  it('matches the picker label alone, ignoring case and extra spaces', () => {
    expect(localesMatching('  select new creative cloud   ORG ID ', 'picker')).toEqual(['en', 'sv']);
  });

  it('does not take a longer word for the label', () => {
    expect(localesMatching('Select new Creative Cloud org IDs', 'picker')).toEqual([]);
  });

  it('recognises the German, French and Japanese labels', () => {
    expect(localesMatching('Neue Creative Cloud-Organisations-ID auswählen Beta', 'picker')).toEqual(['de']);
    expect(localesMatching("Changer d'organisation", 'switchButton')).toEqual(['fr']);
    expect(localesMatching('組織を切り替え', 'switchButton')).toEqual(['ja']);
  });

  it('matches the switch button exactly, not by prefix', () => {
    expect(localesMatching('Switch orgs', 'switchButton')).toEqual(['en', 'sv']);
    expect(localesMatching('Switch orgs now', 'switchButton')).toEqual([]);
  });

  it("prefers the document's language when several share the labels (Swedish keeps English ones)", () => {
    expect(preferredLocale(['en', 'sv'], 'sv-SE')).toBe('sv');
    expect(preferredLocale(['en', 'sv'], 'de')).toBe('en');
    expect(preferredLocale(['en', 'sv'], undefined)).toBe('en');
    expect(preferredLocale([], 'en')).toBeUndefined();
  });
});

describe('mapping a native option to its org id', () => {
  it('reads the id after the name', () => {
    expect(orgIdFromOptionText(`Acme Design Studio${ACME_ID}`)).toBe(ACME_ID);
  });

  it('takes the id shown after the name when the name itself looks like an id', () => {
    expect(orgIdFromOptionText(`${ACME_ID} (old)${BETA_ID}`)).toBe(BETA_ID);
  });

  it('finds nothing in an option without a well-formed id', () => {
    expect(orgIdFromOptionText('No organizations available')).toBeUndefined();
    expect(orgIdFromOptionText('Acme 0123456789abcdef01234567@AdobeOrg')).toBeUndefined();
    expect(orgIdFromOptionText(null)).toBeUndefined();
  });

  it('does not mistake markup in an org name for anything but text', () => {
    expect(orgIdFromOptionText(`<img src=x onerror=alert(1)> ${BETA_ID}`)).toBe(BETA_ID);
  });
});

describe('which org the native picker holds', () => {
  const orgs = [entitlement(ACME_ID, 'Acme Design Studio', true), entitlement(BETA_ID, 'Beta Corp', false)];

  it('reads the shown value from the picker name', () => {
    expect(pickedValueText('Select new Creative Cloud org ID Beta Corp', 'Select new Creative Cloud org ID')).toBe(
      'Beta Corp',
    );
  });

  it('takes the chosen option when the picker still shows its name', () => {
    expect(resolvePickedOrg(BETA_ID, 'Beta Corp', orgs).org?.orgId).toBe(BETA_ID);
  });

  it('falls back to a unique name when the chosen option no longer matches the value', () => {
    expect(resolvePickedOrg(BETA_ID, 'Acme Design Studio', orgs).org?.orgId).toBe(ACME_ID);
  });

  it('knows nothing when two orgs share the shown name and no option was seen', () => {
    const twins = [...orgs, entitlement('CCCCCCCCCCCCCCCCCCCCCCCC@AdobeOrg', 'Beta Corp', true)];
    expect(resolvePickedOrg(undefined, 'Beta Corp', twins)).toEqual({});
  });

  it('keeps the id of a chosen org the worker does not list, so the warning can name it', () => {
    expect(resolvePickedOrg(BETA_ID, 'Beta Corp', [])).toEqual({ orgId: BETA_ID });
  });
});
