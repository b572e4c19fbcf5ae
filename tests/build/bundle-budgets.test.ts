import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGETS, BUNDLES } from '../../scripts/bench/budgets';
import { bundleSizes } from '../../scripts/bench/bundle-sizes';
import { BUILD_DIRS } from '../e2e/support/paths';

// Sizes of a build are deterministic, so unlike timings they are enforced here (docs/ARCHITECTURE.md#budgets).
describe.each(['chrome', 'firefox'] as const)('the production %s build', (browser) => {
  const sizes = bundleSizes(BUILD_DIRS[browser]);

  it.each(BUNDLES)('keeps %s within its raw and gzip budgets', (bundle) => {
    const size = sizes[bundle];
    const budget = BUNDLE_BUDGETS[bundle];
    expect(size.files.length, `${bundle} was found in the build`).toBeGreaterThan(0);
    expect(size.raw, `${bundle} raw bytes (${size.files.join(', ')})`).toBeLessThanOrEqual(budget.raw);
    expect(size.gzip, `${bundle} gzip bytes (${size.files.join(', ')})`).toBeLessThanOrEqual(budget.gzip);
  });

  // zod/mini costs ~8 KB gzip; the worker validates with it, the tab checks envelopes only.
  it('ships zod in the worker but in neither content script', () => {
    const zodInternals = /\$Zod[A-Z]|\._zod\b/;
    expect(readFileSync(path.join(BUILD_DIRS[browser], sizes.worker.files[0] ?? ''), 'utf8')).toMatch(zodInternals);
    for (const file of [...sizes.detector.files, ...sizes.consoleUi.files]) {
      expect(readFileSync(path.join(BUILD_DIRS[browser], file), 'utf8')).not.toMatch(zodInternals);
    }
  });

  // Every console frame parses the detector: the UI's framework must stay out of it.
  it('keeps Preact and the UI out of the detector', () => {
    const detector = readFileSync(path.join(BUILD_DIRS[browser], sizes.detector.files[0] ?? ''), 'utf8');
    const consoleUi = readFileSync(path.join(BUILD_DIRS[browser], sizes.consoleUi.files[0] ?? ''), 'utf8');
    const preactInternals = /__H|__k|\.__e\b/;
    expect(consoleUi).toMatch(preactInternals);
    expect(detector).not.toMatch(preactInternals);
    expect(detector).not.toContain('attachShadow');
  });
});
