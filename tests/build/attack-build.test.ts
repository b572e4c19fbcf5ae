import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_PROFILE_HOST_PERMISSIONS,
  AEM_AUTHOR_HOST_PERMISSIONS,
  CUSTOM_CONSOLE_HOST_PERMISSIONS,
  IMS_HOST_PERMISSIONS,
  PRODUCTION_CONSOLE_MATCHES,
} from '../../lib/console-hosts';
import { BUILD_DIRS } from '../e2e/support/paths';
import { matrixCaseStarted } from '../support/matrix';
import { readBuiltManifest } from './build-output';

// Attack matrix, build level: what the production packages may do is fixed here. A new
// permission, a remote script or a relaxed CSP fails a recorded case until this list changes.

/** Every permission the production builds ask for. Adding one is a decision: change it here. */
const EXPECTED_PERMISSIONS = {
  // `scripting` registers the console content script on hosts an admin adds (options).
  permissions: ['identity', 'scripting', 'storage'],
  optional_permissions: [],
  // The console's shell and app-frame hosts, IMS, the AEM author hosts the Assets API is on, and
  // the Access Profile API (production and stage) that feeds the entitlement badges.
  host_permissions: [
    ...PRODUCTION_CONSOLE_MATCHES,
    ...IMS_HOST_PERMISSIONS,
    ...AEM_AUTHOR_HOST_PERMISSIONS,
    ...ACCESS_PROFILE_HOST_PERMISSIONS,
  ].sort(),
  // Asked one host at a time, at run time, from the options page: nothing is granted up front.
  optional_host_permissions: CUSTOM_CONSOLE_HOST_PERMISSIONS,
};

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Dynamic code and remote code: what a reviewer (and the default CSP) refuses. */
const DYNAMIC_CODE: [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['a string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['a remote import', /import\s*\(\s*['"`](https?:)?\/\//],
  ['importScripts', /importScripts\s*\(/],
];
/** The event WXT's content-script context announces each start with, named after the extension id. */
const SCRIPT_STARTED_EVENT = 'wxt:content-script-started';
const REMOTE_SCRIPT_TAG = /<script[^>]*\ssrc\s*=\s*["']?(https?:)?\/\//i;

describe.each(['chrome', 'firefox'] as const)('the production %s build', (browser) => {
  const dir = BUILD_DIRS[browser];
  const { manifest } = readBuiltManifest(browser);
  const raw = manifest as Record<string, unknown>;

  it('asks for exactly the expected permissions, and no more', () => {
    const matrixCase = matrixCaseStarted(
      'attack',
      `production ${browser} manifest permissions equal the expected list`,
    );
    const asked = Object.fromEntries(
      Object.keys(EXPECTED_PERMISSIONS).map((key) => [key, [...((raw[key] as string[] | undefined) ?? [])].sort()]),
    );
    expect(asked).toEqual(EXPECTED_PERMISSIONS);
    expect(raw).not.toHaveProperty('externally_connectable');
    matrixCase.passed({ tokensFound: 0 });
  });

  it('ships no remote or dynamic code', () => {
    const matrixCase = matrixCaseStarted('attack', `production ${browser} bundles: no remote or dynamic code`);
    const files = filesOf(dir);
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(2);
    const findings: string[] = [];
    for (const file of scripts) {
      const text = readFileSync(file, 'utf8');
      for (const [what, pattern] of DYNAMIC_CODE) {
        if (pattern.test(text)) findings.push(`${path.relative(dir, file)}: ${what}`);
      }
    }
    for (const file of files.filter((candidate) => candidate.endsWith('.html'))) {
      if (REMOTE_SCRIPT_TAG.test(readFileSync(file, 'utf8')))
        findings.push(`${path.relative(dir, file)}: remote script`);
    }
    expect(findings).toEqual([]);
    matrixCase.passed({ tokensFound: 0 });
  });

  it('ships content scripts that announce nothing to the page', () => {
    const matrixCase = matrixCaseStarted('attack', `production ${browser} content scripts: no start announcement`);
    const contentScripts = filesOf(path.join(dir, 'content-scripts')).filter((file) => file.endsWith('.js'));
    expect(contentScripts.length).toBeGreaterThan(1);
    // WXT's own content-script context posts this (with the extension id) to every page it starts
    // in; wxt.config.ts replaces that context with lib/console-page/quiet-context.ts.
    const announcing = contentScripts.filter((file) => readFileSync(file, 'utf8').includes(SCRIPT_STARTED_EVENT));
    expect(announcing.map((file) => path.relative(dir, file))).toEqual([]);
    matrixCase.passed({ tokensFound: 0 });
  });

  it('keeps the browser’s default content security policy', () => {
    const matrixCase = matrixCaseStarted('attack', `production ${browser} manifest keeps the default CSP`);
    expect(raw).not.toHaveProperty('content_security_policy');
    matrixCase.passed({ tokensFound: 0 });
  });
});

describe('the dynamic-code patterns', () => {
  it.each([
    ['eval("1")', true],
    ['window.eval(x)', true],
    ['retrieval(x)', false],
    ['new Function("return 1")', true],
    ['setTimeout("alert(1)", 1)', true],
    ['setTimeout(() => 1, 1)', false],
    ['import("https://cdn.example/x.js")', true],
    ['import("./chunk.js")', false],
  ])('flags %s: %s', (code, flagged) => {
    expect(DYNAMIC_CODE.some(([, pattern]) => pattern.test(code))).toBe(flagged);
  });
});
