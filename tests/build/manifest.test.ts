import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONSOLE_CONTENT_SCRIPT_FILE,
  CONSOLE_UI_SCRIPT_FILE,
  CUSTOM_CONSOLE_HOST_PERMISSIONS,
  PRODUCTION_APP_FRAME_MATCHES,
  PRODUCTION_SHELL_MATCHES,
  SANDBOX_APP_FRAME_MATCHES,
  SANDBOX_CONSOLE_MATCHES,
  SANDBOX_CUSTOM_CONSOLE_HOST_PERMISSIONS,
} from '../../lib/console-hosts';
import { POLICY_FIELDS, POLICY_FIELDS_DECLARATION } from '../../lib/policy/schemas';
import { BUILD_DIRS } from '../e2e/support/paths';
import { readBuiltManifest } from './build-output';

/** Loopback spellings a manifest could carry: hosts, IPv4, IPv6 and the catch-all address. */
const LOOPBACK = /localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0/i;
const sorted = (values: readonly string[]) => [...values].sort();

// The exact permission lists of the production builds are a recorded attack-matrix case:
// tests/build/attack-build.test.ts.
describe.each(['chrome', 'firefox'] as const)('the production %s manifest', (browser) => {
  const { raw, manifest } = readBuiltManifest(browser);

  it('mentions no loopback host anywhere', () => {
    expect(raw).not.toMatch(LOOPBACK);
  });

  it("declares only the detector, and makes the UI's styles and catalogs readable on console and custom hosts", () => {
    expect(manifest.content_scripts.flatMap((script) => script.js ?? [])).toEqual([CONSOLE_CONTENT_SCRIPT_FILE]);
    // The UI bundle is injected by the worker, never web-accessible: a page cannot probe for it.
    expect(JSON.stringify(manifest.web_accessible_resources)).not.toContain(CONSOLE_UI_SCRIPT_FILE);
    for (const resources of ['content-scripts/console-ui.css', 'i18n/*.json']) {
      const entry = manifest.web_accessible_resources.find((resource) => resource.resources.includes(resources));
      expect(entry?.matches, resources).toEqual(expect.arrayContaining(CUSTOM_CONSOLE_HOST_PERMISSIONS));
    }
  });

  // The shell's own page never shows the view: one injected script per console page, not two.
  it("injects the detector into the production app frames only, never the shell's own page", () => {
    const matches = manifest.content_scripts.flatMap((script) => script.matches);
    expect(sorted(matches)).toEqual(sorted(PRODUCTION_APP_FRAME_MATCHES));
    expect(matches).toEqual(
      expect.arrayContaining([
        'https://exc-unifiedcontent.experience.adobe.net/*',
        'https://exc-unifiedcontent.experience-stage.adobe.net/*',
      ]),
    );
    expect(matches).not.toContain('https://experience.adobe.com/*');
    // The shell stays a host permission: the worker reads the console from its URL (`sender.tab.url`).
    expect(manifest.host_permissions).toEqual(expect.arrayContaining(PRODUCTION_SHELL_MATCHES));
    // Creative Cloud Assets is not AEM.
    expect(raw).not.toContain('assets.adobe.com');
  });

  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('ships its icon in every size the stores and toolbars ask for, as real PNG files', () => {
    for (const size of ['16', '32', '48', '128']) {
      const file = manifest.icons[size];
      expect(file, `${size}px icon`).toBeDefined();
      const bytes = readFileSync(path.join(BUILD_DIRS[browser], file ?? ''));
      expect(bytes.subarray(1, 4).toString('latin1'), `${size}px icon is a PNG`).toBe('PNG');
      // PNG header: width and height are big-endian at bytes 16 and 20.
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });
});

describe.each([
  ['chromeSandbox', 'chrome'],
  ['firefoxSandbox', 'firefox'],
] as const)('the sandbox-mode %s manifest', (build, production) => {
  const { manifest } = readBuiltManifest(build);

  it("injects the detector into the loopback console's app frame as well, never its shell", () => {
    const matches = manifest.content_scripts.flatMap((script) => script.matches);
    expect(sorted(matches)).toEqual(sorted([...PRODUCTION_APP_FRAME_MATCHES, ...SANDBOX_APP_FRAME_MATCHES]));
  });

  it('adds host access to the loopback console and nothing else', () => {
    const productionHosts = readBuiltManifest(production).manifest.host_permissions;
    expect(sorted(manifest.host_permissions)).toEqual(sorted([...productionHosts, ...SANDBOX_CONSOLE_MATCHES]));
  });

  it('also offers *.localhost as an optional console host, for a local console', () => {
    expect(sorted(manifest.optional_host_permissions ?? [])).toEqual(
      sorted([...CUSTOM_CONSOLE_HOST_PERMISSIONS, ...SANDBOX_CUSTOM_CONSOLE_HOST_PERMISSIONS]),
    );
  });
});

describe.each(['firefox', 'firefoxSandbox'] as const)('the %s manifest', (build) => {
  const { manifest } = readBuiltManifest(build);

  it('carries a Gecko add-on id', () => {
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
  });

  it('declares an MV3 background with scripts, which Firefox runs as an event page', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.scripts?.length).toBeGreaterThan(0);
    expect(manifest.background.service_worker).toBeUndefined();
  });
});

describe.each(['chrome', 'chromeSandbox'] as const)('the %s manifest', (build) => {
  const { manifest } = readBuiltManifest(build);

  it('has no Firefox-only settings', () => {
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });

  it('runs its background as a service worker', () => {
    expect(manifest.background.service_worker).toBeTruthy();
    expect(manifest.background.scripts).toBeUndefined();
  });
});

// Enterprise policy: Chrome reads the managed-storage schema named in the manifest; Firefox
// takes policies from policies.json and has no manifest key for it.
describe.each(['chrome', 'chromeSandbox'] as const)('the %s manifest (enterprise policy)', (build) => {
  const { raw } = readBuiltManifest(build);
  const schemaFile = (JSON.parse(raw) as { storage?: { managed_schema?: string } }).storage?.managed_schema ?? '';

  it('names a managed-storage schema that ships with the build and declares every policy field', () => {
    expect(schemaFile).toBe('managed_schema.json');
    const schema = JSON.parse(readFileSync(path.join(BUILD_DIRS[build], schemaFile), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(
      sorted([...Object.keys(POLICY_FIELDS), POLICY_FIELDS_DECLARATION]),
    );
  });
});

describe.each(['firefox', 'firefoxSandbox'] as const)('the %s manifest (enterprise policy)', (build) => {
  it('has no storage.managed_schema key, which Firefox does not know', () => {
    expect(readBuiltManifest(build).manifest).not.toHaveProperty('storage');
  });
});
