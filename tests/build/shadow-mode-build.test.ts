import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIRS, type BuildName } from '../e2e/support/paths';
import { matrixCaseStarted } from '../support/matrix';

// A script on the console's page must not reach into our UI or badges: in production every
// shadow root the UI attaches is closed. Sandbox builds keep them open for the e2e tests.

/** The mode of every `attachShadow` call in the UI bundle, a literal or a constant the minifier kept. */
function attachedShadowModes(build: BuildName): string[] {
  const file = path.join(BUILD_DIRS[build], 'content-scripts', 'console-ui.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build && npm run build:sandbox`);
  const bundle = readFileSync(file, 'utf8');
  return Array.from(bundle.matchAll(/attachShadow\(\{mode:([^})]+)\}\)/g), ([, mode = '']) => {
    const literal = /^["'`](\w+)["'`]$/.exec(mode)?.[1];
    if (literal) return literal;
    const constant = new RegExp(`(?:^|[^\\w$.])${mode.replace(/\$/g, '\\$')}=["'\`](\\w+)["'\`]`).exec(bundle)?.[1];
    return constant ?? `unresolved ${mode}`;
  });
}

describe('the shadow roots of the console UI', () => {
  it.each([
    ['chrome', 'closed'],
    ['firefox', 'closed'],
    ['chromeSandbox', 'open'],
    ['firefoxSandbox', 'open'],
  ] as const)('in the %s build are %s', (build, mode) => {
    const production = mode === 'closed';
    const matrixCase = production
      ? matrixCaseStarted('attack', `page script reads our UI's shadow root (${build})`)
      : undefined;
    const modes = attachedShadowModes(build);
    // The switcher's host and the native picker's badge hosts.
    expect(modes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(modes)).toEqual(new Set([mode]));
    matrixCase?.passed();
  });
});
