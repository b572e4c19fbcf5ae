import { type ComponentType, render } from 'preact';
import { browser } from 'wxt/browser';
import { LocaleContext } from '@/components/shared/i18n-context';
import { type Locale, loadCatalog, resolveLocale } from '@/lib/i18n';
import 'virtual:spectrum-tokens/pages.css';
import './styles/page.css';

/** The language of the extension's own pages: the browser's (the page's `navigator`), else its UI language. */
export function pageLocale(): Locale {
  return resolveLocale(navigator.language, browser.i18n.getUILanguage());
}

/**
 * Renders a popup or options page in the browser's language. Light or dark follows the OS
 * (`prefers-color-scheme`) through the page's Spectrum variables. The catalog is loaded
 * before the first render so no English flashes up in a Swedish browser.
 */
export async function mountPage(root: HTMLElement | null, Page: ComponentType): Promise<void> {
  if (!root) return;
  const locale = pageLocale();
  document.documentElement.lang = locale;
  // English is the fallback for every key, so it is loaded when the locale's file cannot be.
  if (!(await loadCatalog(locale))) await loadCatalog('en');
  render(
    <LocaleContext.Provider value={locale}>
      <Page />
    </LocaleContext.Provider>,
    root,
  );
}
