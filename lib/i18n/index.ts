import { browser } from 'wxt/browser';
import type en from '../../locales/en.json';

/**
 * The console UI speaks the console's language, which `browser.i18n` (browser language only)
 * cannot give. The catalogs in `locales/` are shipped as extension files (`i18n/<locale>.json`,
 * see scripts/build/i18n-catalogs.ts) and only the one in use is loaded, so five languages cost the content
 * script nothing.
 */
export const LOCALES = ['en', 'sv', 'de', 'fr', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;
const catalogs: Partial<Record<Locale, Partial<Catalog>>> = {};

/** A catalog file is a flat object of strings (checked by hand: zod's record costs the content script bytes). */
function isCatalog(value: unknown): value is Partial<Catalog> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((text) => typeof text === 'string')
  );
}

function supported(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language);
}

/** The console's `lang` first, then the browser's language, then English. */
export function resolveLocale(documentLang: string | null | undefined, browserLang: string | null | undefined): Locale {
  return supported(documentLang) ?? supported(browserLang) ?? 'en';
}

export const catalogPath = (locale: Locale) => `/i18n/${locale}.json` as const;

export function registerCatalog(locale: Locale, catalog: Partial<Catalog>): void {
  catalogs[locale] = catalog;
}

/** Loads one locale's catalog from the extension once; resolves false when it cannot be read. */
export async function loadCatalog(locale: Locale): Promise<boolean> {
  if (catalogs[locale]) return true;
  try {
    // WXT types getURL for files it knows of; the catalogs are emitted by a build hook.
    const urlOf = browser.runtime.getURL as (path: string) => string;
    const response = await fetch(urlOf(catalogPath(locale)));
    const catalog: unknown = await response.json();
    if (isCatalog(catalog)) registerCatalog(locale, catalog);
    return isCatalog(catalog);
  } catch {
    return false;
  }
}

function template(locale: string, key: MessageKey): string {
  return catalogs[supported(locale) ?? 'en']?.[key] ?? catalogs.en?.[key] ?? key;
}

/** The message for `key` in `locale` (any tag; unsupported ones fall back to English). */
export function t(locale: string, key: MessageKey, params?: MessageParams): string {
  const text = template(locale, key);
  if (!params) return text;
  return text.replace(PLACEHOLDER, (match, name: string) => (name in params ? String(params[name]) : match));
}

/**
 * The message split at its placeholders, for callers that render some values as elements
 * (e.g. a bold "all users"): literal text and the given values, in order.
 */
export function messageParts<V>(locale: string, key: MessageKey, values: Record<string, V>): (string | V)[] {
  const text = template(locale, key);
  const parts: (string | V)[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (!(name in values)) continue;
    parts.push(text.slice(last, match.index), values[name] as V);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.filter((part) => part !== '');
}

/** Placeholder names in a message, for the catalog completeness test. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}
