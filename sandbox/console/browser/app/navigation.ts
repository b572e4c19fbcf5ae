import { el } from '../dom';
import type { StringKey, Translate } from '../locales';
import { ROUTES } from '../routes';

export interface NavEntry {
  route: string;
  label: StringKey;
}
interface NavGroup {
  heading?: StringKey;
  entries: NavEntry[];
}

/** The real console's left navigation, in its order (docs/ARCHITECTURE.md#the-console-sandbox). */
export const NAV_GROUPS: NavGroup[] = [
  {
    entries: [
      { route: ROUTES.myWorkspace, label: 'navMyWorkspace' },
      { route: ROUTES.search, label: 'navSearch' },
      { route: ROUTES.tasks, label: 'navTasks' },
      { route: ROUTES.recentlyViewed, label: 'navRecentlyViewed' },
      { route: ROUTES.libraries, label: 'navLibraries' },
      { route: ROUTES.insights, label: 'navInsights' },
    ],
  },
  {
    heading: 'navGroupAssetsManagement',
    entries: [
      { route: ROUTES.assets, label: 'navAssets' },
      { route: ROUTES.collections, label: 'navCollections' },
      { route: ROUTES.trash, label: 'navTrash' },
    ],
  },
  {
    heading: 'navGroupSettings',
    entries: [
      { route: ROUTES.metadataForms, label: 'navMetadataForms' },
      { route: ROUTES.reports, label: 'navReports' },
      { route: ROUTES.taxonomyManagement, label: 'navTaxonomyManagement' },
      { route: ROUTES.creativeCloud, label: 'navCreativeCloud' },
      { route: ROUTES.bulkImports, label: 'navBulkImports' },
      { route: ROUTES.generalSettings, label: 'navGeneralSettings' },
      { route: ROUTES.blockedTags, label: 'navBlockedTags' },
    ],
  },
];

export function navEntryFor(route: string): NavEntry | undefined {
  return NAV_GROUPS.flatMap((group) => group.entries).find((entry) => entry.route === route);
}

export interface Navigation {
  element: HTMLElement;
  markCurrent(route: string): void;
}

export function navigation(t: Translate): Navigation {
  const links = new Map<string, HTMLAnchorElement>();
  const list = (entries: NavEntry[], labelledBy?: string) =>
    el(
      'ul',
      { class: 'nav-list', 'aria-labelledby': labelledBy },
      ...entries.map((entry) => {
        const link = el('a', { href: `#${entry.route}`, class: 'nav-link' }, t(entry.label));
        links.set(entry.route, link);
        return el('li', {}, link);
      }),
    );
  const groups = NAV_GROUPS.map((group, index) => {
    if (!group.heading) return list(group.entries);
    const headingId = `nav-group-${index}`;
    return el(
      'div',
      { class: 'nav-group' },
      el('h2', { id: headingId, class: 'nav-heading' }, t(group.heading)),
      list(group.entries, headingId),
    );
  });
  const element = el('nav', { class: 'app-nav', 'aria-label': t('navLabel') }, ...groups);

  return {
    element,
    markCurrent(route) {
      for (const [linkRoute, link] of links) {
        if (linkRoute === route) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
  };
}
