import { render } from 'preact';
import { deepActiveElement } from '@/components/shared/Dialog';
import type { ContentScriptLifetime } from '@/lib/console-page/quiet-context';
import { createShadowHost, loadContentScriptCss, type ShadowHost } from '@/lib/console-page/shadow-host';
import { type ConsoleStore, createConsoleStore } from '@/lib/console-page/store';
import type { OrgEntitlement } from '@/lib/entitlement/schemas';
import { loadCatalog, resolveLocale } from '@/lib/i18n';
import type { ConsoleIdentity } from '@/lib/messaging/contract';
import { BADGE_CSS } from './Badges';
import { ConsoleApp } from './ConsoleApp';
import { createGuard } from './NativeGuard';
import { applyConsoleTheme } from './theme/console-theme';
import { CONSOLE_UI_TAG } from './ui-tag';
import 'virtual:spectrum-tokens/console.css';
import './styles/console.css';

export interface ConsoleUiOptions {
  ctx: ContentScriptLifetime;
  anchor: Element;
  position: 'before' | 'after';
  console: ConsoleIdentity;
  locale: string;
}

export interface ConsoleUi {
  store: ConsoleStore;
  remove(): void;
  /** Asks before the native switch goes to an org that cannot work: true = proceed, false = cancel. */
  confirmIneligibleNativeSwitch(org: OrgEntitlement | undefined, orgLabel: string): Promise<boolean>;
}

/**
 * Mounts the console UI in one shadow root next to `anchor`: status panel, switcher and the
 * native guard's dialog. Styles (the content script's CSS) and the locale's catalog load in
 * parallel; the store starts loading at once.
 */
export function mountConsoleUi(options: ConsoleUiOptions): ConsoleUi {
  const { ctx, anchor, position } = options;
  const locale = resolveLocale(options.locale, navigator.language);
  const store = createConsoleStore(options.console);
  const guard = createGuard();
  let ui: ShadowHost | undefined;
  let removed = false;

  function remove() {
    if (removed) return;
    removed = true;
    guard.settle(false);
    if (ui) render(null, ui.body);
    ui?.remove();
    store.dispose();
  }

  function mount(css: string) {
    ui = createShadowHost(CONSOLE_UI_TAG, `${BADGE_CSS}\n${css}`);
    anchor.parentElement?.insertBefore(ui.host, position === 'after' ? anchor.nextElementSibling : anchor);
    applyConsoleTheme(ui.host, document);
    ui.html.setAttribute('lang', locale);
    render(<ConsoleApp store={store} guard={guard} locale={locale} />, ui.body);
  }

  void Promise.all([
    // English is the fallback for every key, so it is loaded when the locale's file cannot be.
    loadCatalog(locale).then((loaded) => loaded || loadCatalog('en')),
    loadContentScriptCss(),
  ]).then(([, css]) => {
    if (!removed) mount(css);
  });
  void store.load();
  ctx.onInvalidated(remove);

  return {
    store,
    remove,
    confirmIneligibleNativeSwitch: (org, orgLabel) =>
      removed ? Promise.resolve(false) : guard.ask(org, orgLabel, store.orgsKnown.value, deepActiveElement()),
  };
}
