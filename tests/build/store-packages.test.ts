import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT } from '../e2e/support/paths';
import { builtManifestSchema } from './build-output';
import { readZip } from './zip-archive';

/**
 * The store packages `npm run zip` makes (npm test runs it before the unit tests): what a
 * reviewer at the Chrome Web Store or AMO receives. Run alone: `npm run zip` first.
 */

const packageJson = z
  .looseObject({ name: z.string(), version: z.string() })
  .parse(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')));
const zipPath = (suffix: string) =>
  path.join(REPO_ROOT, '.output', `${packageJson.name}-${packageJson.version}-${suffix}.zip`);

function openZip(suffix: string): Map<string, Buffer> {
  const file = zipPath(suffix);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run zip (npm test does)`);
  return readZip(file);
}

/** Loopback in any spelling, and the sandbox's control API: none of it may reach a store. */
const SANDBOX_TRACES = /localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|__sandbox/i;
const TEXT_FILE = /\.(js|json|html|css|svg|txt)$/;
const ICON_SIZES = ['16', '32', '48', '128'];
const LOCALES = ['de', 'en', 'fr', 'ja', 'sv'];

describe.each(['chrome', 'firefox'] as const)('the %s store package', (browser) => {
  const files = openZip(browser);
  const manifestText = files.get('manifest.json')?.toString('utf8') ?? '';
  const manifest = builtManifestSchema.parse(JSON.parse(manifestText || '{}'));

  it('has its manifest at the root, with the package version', () => {
    expect(manifestText).not.toBe('');
    expect(manifest.version).toBe(packageJson.version);
    expect(manifest.manifest_version).toBe(3);
  });

  it('mentions no loopback host and no sandbox URL in any file', () => {
    const offenders = [...files]
      .filter(([name, bytes]) => TEXT_FILE.test(name) && SANDBOX_TRACES.test(bytes.toString('utf8')))
      .map(([name, bytes]) => `${name}: ${bytes.toString('utf8').match(SANDBOX_TRACES)?.[0]}`);
    expect(offenders).toEqual([]);
  });

  it('carries its icons in every required size', () => {
    for (const size of ICON_SIZES) {
      const icon = manifest.icons[size];
      expect(icon && files.get(icon)?.subarray(1, 4).toString('latin1'), `${size}px icon`).toBe('PNG');
    }
  });

  it('carries every locale the extension is translated into, with each message its manifest names', () => {
    const named = [...manifestText.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] ?? '');
    expect(named).toContain('extDescription');
    for (const locale of LOCALES) {
      const messages = files.get(`_locales/${locale}/messages.json`);
      expect(messages, `_locales/${locale}`).toBeDefined();
      const catalog = z
        .record(z.string(), z.object({ message: z.string().min(1) }))
        .parse(JSON.parse(messages?.toString('utf8') ?? '{}'));
      expect(
        named.filter((key) => !catalog[key]),
        `_locales/${locale}`,
      ).toEqual([]);
    }
  });

  it('carries every file its manifest names', () => {
    const named = [
      ...Object.values(manifest.icons),
      ...manifest.content_scripts.flatMap((script) => script.js ?? []),
      ...(manifest.background.scripts ?? []),
      ...(manifest.background.service_worker ? [manifest.background.service_worker] : []),
    ];
    expect(named.filter((name) => !files.has(name))).toEqual([]);
  });
});

describe('the Firefox sources package (for AMO review)', () => {
  const files = [...openZip('sources').keys()];

  it('holds what a reviewer needs to rebuild: manifest inputs, lock file, sources, README', () => {
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((file) => file.startsWith('entrypoints/'))).toBe(true);
    expect(files.some((file) => file.startsWith('lib/'))).toBe(true);
  });

  it('leaves out dependencies, build output, test results, benchmark results and tests', () => {
    const excluded = /^(node_modules|\.output|\.wxt|\.git|test-results|playwright-report|bench-results|tests)\/|\.log$/;
    expect(files.filter((file) => excluded.test(file))).toEqual([]);
  });
});

describe("Mozilla's linter on the Firefox store package", () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'amo-lint-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('finds no errors and no warnings beyond the documented Preact innerHTML ones', async () => {
    // Lint exactly what was zipped, unpacked.
    const packaged = path.join(workDir, 'firefox');
    for (const [name, bytes] of openZip('firefox')) {
      mkdirSync(path.dirname(path.join(packaged, name)), { recursive: true });
      writeFileSync(path.join(packaged, name), bytes);
    }
    const webExt = path.join(REPO_ROOT, 'node_modules/.bin/web-ext');
    const { stdout } = await promisify(execFile)(
      webExt,
      ['lint', '--source-dir', packaged, '--output', 'json', '--no-config-discovery'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = z
      .looseObject({
        errors: z.array(z.looseObject({ code: z.string() })),
        warnings: z.array(z.looseObject({ code: z.string() })),
      })
      .parse(JSON.parse(stdout));
    expect(report.errors.map((error) => error.code)).toEqual([]);
    expect(report.warnings.map((warning) => warning.code).filter((code) => code !== 'UNSAFE_VAR_ASSIGNMENT')).toEqual(
      [],
    );
  }, 60_000);
});
