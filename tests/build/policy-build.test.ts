import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERF_MARKS } from '../../lib/console-page/perf-marks';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { SANDBOX_POLICY_KEY } from '../../lib/policy/managed';
import { BUILD_DIRS } from '../e2e/support/paths';
import { matrixCaseStarted } from '../support/matrix';

/** Every JavaScript file of a build, as one string. */
function bundleText(dir: string): string {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  expect(files.length).toBeGreaterThan(0);
  return files.map((file) => readFileSync(path.join(dir, file), 'utf8')).join('\n');
}

// The test-only policy injection must be dead code in what users install (docs/ENTERPRISE.md "Enterprise policy").
describe('the injected test policy', () => {
  it.each(['chromeSandbox', 'firefoxSandbox'] as const)('is read by the %s build', (build) => {
    expect(bundleText(BUILD_DIRS[build])).toContain(SANDBOX_POLICY_KEY);
  });

  it.each(['chrome', 'firefox'] as const)('is absent from the production %s build', (build) => {
    const text = bundleText(BUILD_DIRS[build]);
    expect(text).toContain('managed');
    expect(text).not.toContain(SANDBOX_POLICY_KEY);
  });
});

// Production leftovers: the sandbox is neither offered nor named in what users install.
describe('the sandbox environment', () => {
  it.each(['chromeSandbox', 'firefoxSandbox'] as const)('is offered by the %s build', (build) => {
    expect(bundleText(BUILD_DIRS[build])).toContain('optionsEnvSandbox');
  });

  it.each(['chrome', 'firefox'] as const)('is not offered by the production %s build', (build) => {
    const matrixCase = matrixCaseStarted('attack', `production ${build} build offers no sandbox environment`);
    const text = bundleText(BUILD_DIRS[build]);
    expect(text).toContain('optionsEnvProduction');
    expect(text).not.toContain('optionsEnvSandbox');
    matrixCase.passed({ tokensFound: 0 });
  });
});

// The sandbox's IMS client id has its own name (not the project's or the UI tag's), so its
// absence from production bundles can be asserted.
describe('the sandbox IMS client id', () => {
  it.each(['chromeSandbox', 'firefoxSandbox'] as const)('is the default of the %s build', (build) => {
    expect(bundleText(BUILD_DIRS[build])).toContain(SANDBOX_CLIENT_ID);
  });

  it.each(['chrome', 'firefox'] as const)('is absent from the production %s build', (build) => {
    const matrixCase = matrixCaseStarted('attack', `production ${build} build carries no sandbox IMS client id`);
    expect(bundleText(BUILD_DIRS[build])).not.toContain(SANDBOX_CLIENT_ID);
    matrixCase.passed({ tokensFound: 0 });
  });
});

// Marks on the console frame's timeline are readable by the page: only the sandbox (bench) writes them.
describe('the performance marks', () => {
  const marks = Object.values(PERF_MARKS);

  it.each(['chromeSandbox', 'firefoxSandbox'] as const)('are written by the %s build', (build) => {
    const text = bundleText(BUILD_DIRS[build]);
    expect(marks.filter((mark) => !text.includes(mark))).toEqual([]);
  });

  it.each(['chrome', 'firefox'] as const)('are absent from the production %s build', (build) => {
    const matrixCase = matrixCaseStarted(
      'attack',
      `production ${build} build leaves no performance marks for the page`,
    );
    const text = bundleText(BUILD_DIRS[build]);
    expect(marks.filter((mark) => text.includes(mark))).toEqual([]);
    matrixCase.passed({ tokensFound: 0 });
  });
});
