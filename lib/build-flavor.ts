/**
 * Every build that is not a production build (sandbox, development, tests) is a sandbox
 * build: it matches the loopback console and talks to the sandbox by default. Vite replaces
 * `import.meta.env.MODE` at build time, so production bundles carry no sandbox code paths.
 */
// `?.`: Node-side importers (Playwright, the sandbox under tsx) have no import.meta.env; Vite
// still folds this to a constant, which the store-package test checks (no loopback in bundles).
export const isSandboxBuild: boolean = import.meta.env?.MODE !== 'production';

export function isSandboxMode(mode: string): boolean {
  return mode !== 'production';
}
