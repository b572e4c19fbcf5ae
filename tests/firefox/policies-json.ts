import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Firefox reads enterprise policy from `distribution/policies.json` in its installation folder
 * (docs/ENTERPRISE.md#enterprise-policy). That folder is machine-wide, and every Firefox test on
 * the machine shares it; so this builds a private installation instead: the firefox-esr
 * executable copied (Firefox finds its installation from its own executable's path), every other
 * file linked to the real one, and a `distribution/` of its own with the policy.
 */
export function firefoxInstallationWithPolicies(
  installDir: string,
  policies: Record<string, unknown>,
): { executablePath: string; remove(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'firefox-policies-'));
  for (const entry of readdirSync(installDir)) {
    if (entry === 'distribution' || entry === 'firefox-esr') continue;
    symlinkSync(path.join(installDir, entry), path.join(root, entry));
  }
  copyFileSync(path.join(installDir, 'firefox-esr'), path.join(root, 'firefox-esr'));
  mkdirSync(path.join(root, 'distribution'));
  writeFileSync(path.join(root, 'distribution', 'policies.json'), JSON.stringify({ policies }));
  return {
    executablePath: path.join(root, 'firefox-esr'),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A copy of the Firefox build under another add-on id, so no other test's add-on is named by the policy. */
export function firefoxBuildWithGeckoId(buildDir: string, geckoId: string): { dir: string; remove(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'firefox-policy-extension-'));
  const dir = path.join(root, 'extension');
  cpSync(buildDir, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.browser_specific_settings.gecko.id = geckoId;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
