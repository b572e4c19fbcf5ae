import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Build time (wxt.config.ts): every `locales/<locale>.json` becomes the extension file
 * `i18n/<locale>.json`, minified, which the content script fetches for the console's language.
 * Content scripts read extension files only when they are web-accessible on the page's host.
 */
export const CATALOG_RESOURCES = ['i18n/*.json'];

export function catalogAssets(localesDir: string): { contents: string; relativeDest: string }[] {
  return readdirSync(localesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({
      relativeDest: `i18n/${basename(file)}`,
      contents: JSON.stringify(JSON.parse(readFileSync(join(localesDir, file), 'utf8'))),
    }));
}

interface ManifestWithResources {
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: (string | { resources: string[]; matches?: string[]; use_dynamic_url?: boolean })[];
}

/** The catalogs are readable on exactly the pages the content scripts run on (MV3 form). */
export function exposeCatalogs(manifest: ManifestWithResources): void {
  const matches = [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []))];
  if (matches.length === 0) return;
  manifest.web_accessible_resources = [
    ...(manifest.web_accessible_resources ?? []),
    { resources: CATALOG_RESOURCES, matches, use_dynamic_url: true },
  ];
}
