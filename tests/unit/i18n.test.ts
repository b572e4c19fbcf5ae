import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_TYPES, ERROR_MESSAGES, REASON_MESSAGES } from '@/components/shared/messages';
import { BADGE_LOOK } from '@/lib/entitlement/badges';
import { ERROR_CODES } from '@/lib/errors';
import {
  type Catalog,
  LOCALES,
  type MessageKey,
  messageParts,
  placeholdersOf,
  registerCatalog,
  resolveLocale,
  t,
} from '@/lib/i18n';
import de from '@/locales/de.json';
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import ja from '@/locales/ja.json';
import sv from '@/locales/sv.json';
import { catalogAssets, exposeCatalogs } from '@/scripts/build/i18n-catalogs';

const CATALOGS: Record<(typeof LOCALES)[number], Record<string, string>> = { en, sv, de, fr, ja };
const englishKeys = Object.keys(en).sort();

describe('the catalogs', () => {
  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has the same placeholders as English', (locale) => {
    for (const key of englishKeys) {
      expect(placeholdersOf(CATALOGS[locale][key] ?? ''), `${locale}.${key}`).toEqual(
        placeholdersOf(en[key as MessageKey]),
      );
    }
  });

  it.each(LOCALES)('%s has no empty message and is not English copied over', (locale) => {
    const catalog = CATALOGS[locale];
    expect(Object.values(catalog).every((text) => text.trim().length > 0)).toBe(true);
    // Product names (Express, Enterprise ID…) stay English; sentences must not.
    const copied = englishKeys.filter((key) => catalog[key] === en[key as MessageKey]);
    if (locale !== 'en') expect(copied.length).toBeLessThan(8);
  });

  it('uses key names that Chrome accepts in _locales', () => {
    expect(englishKeys.every((key) => /^[A-Za-z0-9_]+$/.test(key))).toBe(true);
  });

  it('has a message for every error code, ineligibility reason, badge and account type the UI maps', () => {
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
    const used = [
      ...Object.values(ERROR_MESSAGES),
      ...Object.values(REASON_MESSAGES),
      ...Object.values(BADGE_LOOK).map((look) => look.label),
      ...Object.values(ACCOUNT_TYPES),
    ];
    expect(used.filter((key) => !(key in en))).toEqual([]);
  });
});

describe('the locale of the console UI', () => {
  it('follows the console’s lang, then the browser, then English', () => {
    expect(resolveLocale('sv', 'de-DE')).toBe('sv');
    expect(resolveLocale('ja-JP', 'en')).toBe('ja');
    expect(resolveLocale('', 'fr-CA')).toBe('fr');
    expect(resolveLocale('pt-BR', 'de_AT')).toBe('de');
    expect(resolveLocale(undefined, 'nl')).toBe('en');
    expect(resolveLocale(null, null)).toBe('en');
  });
});

describe('t', () => {
  beforeAll(() => {
    for (const locale of LOCALES) registerCatalog(locale, CATALOGS[locale] as Catalog);
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(t('sv', 'summary', { eligible: 2, total: 6 })).toBe('2 av 6 organisationer kan anslutas');
    expect(t('en', 'switching', {})).toBe('Switching to {org}…');
  });

  it('falls back to English for a language it does not speak', () => {
    expect(t('pt-BR', 'signIn')).toBe('Sign in with Adobe');
  });

  it('inserts values as given, never as markup', () => {
    expect(t('en', 'switching', { org: '<img src=x onerror=alert(1)>' })).toBe(
      'Switching to <img src=x onerror=alert(1)>…',
    );
  });

  it('splits a message at its placeholders so values can be elements', () => {
    const bold = (text: string) => ({ bold: text });
    expect(
      messageParts('en', 'confirmReplaces', {
        current: bold('Acme'),
        target: bold('Beta'),
        allUsers: bold('all users'),
        aemOrg: bold('Acme AEM'),
      }),
    ).toEqual([
      'This replaces ',
      bold('Acme'),
      ' with ',
      bold('Beta'),
      ' for ',
      bold('all users'),
      ' of ',
      bold('Acme AEM'),
      '.',
    ]);
  });
});

describe('the catalog files in the build', () => {
  it('emits every locale minified under i18n/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    writeFileSync(join(dir, 'en.json'), '{\n  "signIn": "Sign in"\n}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a catalog');
    expect(catalogAssets(dir)).toEqual([{ relativeDest: 'i18n/en.json', contents: '{"signIn":"Sign in"}' }]);
  });

  it('makes them readable on exactly the content scripts’ pages', () => {
    const manifest = {
      content_scripts: [
        { matches: ['https://a.example/*'] },
        { matches: ['https://a.example/*', 'https://b.example/*'] },
      ],
    };
    exposeCatalogs(manifest);
    expect(manifest).toMatchObject({
      web_accessible_resources: [
        { resources: ['i18n/*.json'], matches: ['https://a.example/*', 'https://b.example/*'], use_dynamic_url: true },
      ],
    });
  });
});
