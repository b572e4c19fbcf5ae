/**
 * Every build that is not a production build (sandbox, development, tests) is a sandbox
 * build: it matches the loopback console and talks to the sandbox by default. Vite replaces
 * `import.meta.env.MODE` at build time, so production bundles carry no sandbox code paths.
 */
// `?.`: Node-side importers (Playwright, the sandbox under tsx) have no import.meta.env; Vite
// still folds this to a constant, which the store-package test checks (no loopback in bundles).
export const isSandboxBuild: boolean = import.meta.env?.MODE !== 'production';

/**
 * The mode of the shadow roots our UI and badges live in. Closed in production: a script on
 * the console's page cannot reach into them (read org data, click our buttons, type into our
 * search). Open in sandbox builds, where the end-to-end tests read and attack them.
 */
export const uiShadowMode: ShadowRootMode = isSandboxBuild ? 'open' : 'closed';

export function isSandboxMode(mode: string): boolean {
  return mode !== 'production';
}
