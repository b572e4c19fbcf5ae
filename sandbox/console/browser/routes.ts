/**
 * Routes of the Assets app (`/app/#/settings/creative-cloud`) and how the shell carries them
 * (`/?repoId=<author host>#/@<tenant>/assets/settings/creative-cloud`), as the Experience Cloud shell does.
 */
export const ROUTES = {
  myWorkspace: '/my-workspace',
  search: '/search',
  tasks: '/tasks',
  recentlyViewed: '/recent',
  libraries: '/libraries',
  insights: '/insights',
  assets: '/browse',
  collections: '/collections',
  trash: '/trash',
  metadataForms: '/settings/metadata-forms',
  reports: '/settings/reports',
  taxonomyManagement: '/settings/taxonomy',
  creativeCloud: '/settings/creative-cloud',
  bulkImports: '/settings/bulk-imports',
  generalSettings: '/settings/general',
  blockedTags: '/settings/blocked-tags',
} as const;

export const DEFAULT_ROUTE = ROUTES.assets;

const ROUTE_PATTERN = /^\/[a-z0-9-]+(\/[a-z0-9-]+)*$/;

export function isRoute(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200 && ROUTE_PATTERN.test(value);
}

/** `#/settings/general` → `/settings/general`; anything else → the default route. */
export function appRouteFromHash(hash: string): string {
  const route = hash.replace(/^#/, '').replace(/\/+$/, '');
  return isRoute(route) ? route : DEFAULT_ROUTE;
}

export interface ShellLocation {
  /** What the shell's hash names the console by: the tenant, or the IMS org id (`<24 hex>@AdobeOrg`). */
  console: string;
  route: string;
}

const SHELL_HASH_PATTERN = /^#\/@([A-Za-z0-9._-]+|[0-9A-F]{24}@AdobeOrg)\/assets(\/.*)?$/;

/**
 * `#/@acme/assets/settings/creative-cloud` → `{ console: 'acme', route: '/settings/creative-cloud' }`;
 * the real shell also takes the org id in place of the tenant (`#/@<ORGID>@AdobeOrg/assets/…`).
 */
export function shellLocationFromHash(hash: string): ShellLocation | undefined {
  const match = SHELL_HASH_PATTERN.exec(hash);
  if (!match?.[1]) return undefined;
  const route = (match[2] ?? '').replace(/\/+$/, '');
  return { console: match[1], route: isRoute(route) ? route : DEFAULT_ROUTE };
}

export function shellHashFor(location: ShellLocation): string {
  return `#/@${location.console}/assets${location.route}`;
}
