import badgeTokens from 'virtual:spectrum-tokens/badges';
import { render } from 'preact';
import { uiShadowMode } from '@/lib/build-flavor';
import { BADGE_LOOK } from '@/lib/entitlement/badges';
import type { OrgEntitlement } from '@/lib/entitlement/schemas';
import { loadCatalog, resolveLocale, t } from '@/lib/i18n';
import badgeSheet from './styles/badges.css?inline';
import { applyConsoleTheme } from './theme/console-theme';

/** The stylesheet of a badge list, for any shadow root that shows one. */
export const BADGE_CSS = `${badgeTokens}\n${badgeSheet}`;

/**
 * The badges of one org: text with an icon, the list named for screen readers. An `… unknown`
 * badge carries its explanation as a tooltip and as its description (hidden text in the same
 * shadow root, so `aria-describedby` resolves).
 */
export function BadgeList({ org, locale }: { org: OrgEntitlement; locale: string }) {
  return (
    <ul class="badges" aria-label={t(locale, 'badges')}>
      {org.badges.map((badge) => {
        const look = BADGE_LOOK[badge];
        const help = look.help && t(locale, look.help);
        // Each org is listed once per shadow root, so its id and the badge make a unique id.
        const helpId = help && `${org.orgId}-${badge}`;
        return (
          <li key={badge} class={`badge tone-${look.tone}`} data-badge={badge} title={help} aria-describedby={helpId}>
            <span class="badge-icon" aria-hidden="true">
              {look.icon}
            </span>
            {t(locale, look.label)}
            {help && (
              <span id={helpId} hidden>
                {help}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Renders one org's badges into `host` (next to a native picker option), inside a shadow root attached
 * here (closed in production, lib/build-flavor.ts), with the same look as in our switcher. Returns the
 * unmount function.
 */
export function renderBadges(host: HTMLElement, org: OrgEntitlement, locale: string): () => void {
  const root = host.attachShadow({ mode: uiShadowMode });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial}\n${BADGE_CSS}`;
  const container = document.createElement('span');
  container.lang = locale;
  root.append(style, container);
  applyConsoleTheme(host, document);
  let removed = false;
  // At once when the UI has loaded the catalog already (the usual case), else once it has.
  void loadCatalog(resolveLocale(locale, undefined)).then(() => {
    if (!removed) render(<BadgeList org={org} locale={locale} />, container);
  });
  return () => {
    removed = true;
    render(null, container);
    container.remove();
    style.remove();
  };
}
