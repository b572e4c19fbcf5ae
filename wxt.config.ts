import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { isSandboxMode } from './lib/build-flavor';
import {
  ACCESS_PROFILE_HOST_PERMISSIONS,
  AEM_AUTHOR_HOST_PERMISSIONS,
  customConsoleHostPermissionsFor,
  IMS_HOST_PERMISSIONS,
  PRODUCTION_CONSOLE_MATCHES,
  SANDBOX_APP_FRAME_MATCHES,
  SANDBOX_CONSOLE_MATCHES,
} from './lib/console-hosts';
import { catalogAssets, exposeCatalogs } from './scripts/build/i18n-catalogs';
import { spectrumTokens } from './scripts/build/spectrum-tokens-plugin';

/** Firefox add-on id; stable across releases so settings and policies keep applying. */
export const GECKO_ID = 'aem-cc-org-switcher@extensions.example.org';

export default defineConfig({
  manifestVersion: 3,
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  // WXT's i18n module turns locales/*.json into _locales, so the browser shows the manifest's
  // description (`__MSG_extDescription__`) in the user's language.
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [
      preact(),
      spectrumTokens({ stylesDir: 'components/console/styles', pageStylesDir: 'components/pages/styles' }),
    ],
    resolve: {
      alias: {
        // WXT's content-script context tells the page the extension id (a postMessage and DOM
        // events on every start and route change); ours keeps all of it in the content script's
        // world. Every import of the class, WXT's own wrapper included, resolves here.
        'wxt/utils/content-script-context': fileURLToPath(
          new URL('./lib/console-page/quiet-context.ts', import.meta.url),
        ),
      },
    },
  }),
  zip: {
    // The sources zip (AMO review) holds what rebuilds the add-on; WXT already leaves out
    // node_modules, dotfiles (.output, .wxt) and *.test/*.spec files.
    excludeSources: ['tests/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '**/*.log'],
  },
  manifest: ({ browser, mode }) => ({
    name: 'AEM Assets CC Org Switcher',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: content scripts for the console hosts an admin adds in options (docs/ARCHITECTURE.md#console-hosts-and-detection).
    permissions: ['storage', 'identity', 'scripting'],
    // The console hosts (the shell's URL in `tab.url`), IMS, and the AEM author hosts the Assets
    // API lives on (the narrowest pattern for them: lib/console-hosts/index.ts).
    host_permissions: [
      ...PRODUCTION_CONSOLE_MATCHES,
      ...IMS_HOST_PERMISSIONS,
      ...AEM_AUTHOR_HOST_PERMISSIONS,
      ...ACCESS_PROFILE_HOST_PERMISSIONS,
      ...(isSandboxMode(mode) ? SANDBOX_CONSOLE_MATCHES : []),
    ],
    // Enterprise policy (README "Enterprise policy"): Chrome validates managed storage against
    // this schema; Firefox reads it from policies.json and has no manifest key for it.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
    // Custom console hosts: asked for one host at a time, at run time, from the options page.
    optional_host_permissions: customConsoleHostPermissionsFor(isSandboxMode(mode)),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // data_collection_permissions exists from Firefox 140 (142 on Android).
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // Content script matches are declared once in the entry point (production app frames); a
    // sandbox build also injects into the loopback console's app frame.
    'build:manifestGenerated': (wxt, manifest) => {
      if (isSandboxMode(wxt.config.mode)) {
        for (const script of manifest.content_scripts ?? []) {
          script.matches = [...(script.matches ?? []), ...SANDBOX_APP_FRAME_MATCHES];
        }
        // The content script's CSS (shadow-root UI) must be readable there too.
        for (const resource of manifest.web_accessible_resources ?? []) {
          if (typeof resource !== 'string')
            resource.matches = [...(resource.matches ?? []), ...SANDBOX_CONSOLE_MATCHES];
        }
      }
      exposeCatalogs(manifest);
      // A content script registered for a custom host (at run time) needs its CSS and catalogs
      // there too. They are static, non-secret files; use_dynamic_url keeps pages from probing.
      const customHosts = customConsoleHostPermissionsFor(isSandboxMode(wxt.config.mode));
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource !== 'string') resource.matches = [...(resource.matches ?? []), ...customHosts];
      }
    },
    // The console UI's catalogs, fetched by the content script for the console's language.
    'build:publicAssets': (_wxt, assets) => {
      assets.push(...catalogAssets('locales'));
    },
  },
});
