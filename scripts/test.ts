import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TEST_RESULTS_DIR } from '../tests/e2e/support/paths';
import { MATRIX_RUNNERS, type MatrixSummary, readMatrixSummary } from '../tests/support/matrix';
import { ensureBrowsers } from './ensure-browsers';
import { type ReportKind, readTestCounts, type TestCounts } from './test-reports';

/**
 * `npm test`: every check the project has, in order, each streaming its own output. All
 * stages run even after a failure so one report shows everything; then a summary table and,
 * as the very last line, `N passed, N failed` over the tests of all runners.
 */

const REPORTS_DIR = path.join(TEST_RESULTS_DIR, 'reports');
const bin = (name: string) => path.join(REPO_ROOT, 'node_modules/.bin', name);
const report = (name: string) => path.join(REPORTS_DIR, `${name}.json`);

interface Stage {
  name: string;
  /** A command to spawn, or an in-process step. */
  run: { command: string; args: string[]; env?: Record<string, string> } | (() => void | Promise<void>);
  report?: { kind: ReportKind; file: string };
}

const vitestJson = (file: string) => ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`];

const STAGES: Stage[] = [
  { name: 'lint', run: { command: bin('biome'), args: ['check', '.'] } },
  { name: 'typecheck', run: { command: bin('tsc'), args: ['--noEmit'] } },
  { name: 'build:sandbox', run: { command: 'npm', args: ['run', '--silent', 'build:sandbox'] } },
  // The production build and its store packages (`wxt zip` builds, then zips); unit tests check both.
  { name: 'build + zip', run: { command: 'npm', args: ['run', '--silent', 'zip'] } },
  {
    name: 'unit',
    run: { command: bin('vitest'), args: ['run', ...vitestJson(report('unit'))] },
    report: { kind: 'vitest', file: report('unit') },
  },
  { name: 'browsers', run: ensureBrowsers },
  {
    name: 'e2e (Chromium)',
    run: {
      command: bin('playwright'),
      args: ['test', '--reporter=list,json'],
      env: { PLAYWRIGHT_JSON_OUTPUT_FILE: report('e2e') },
    },
    report: { kind: 'playwright', file: report('e2e') },
  },
  {
    name: 'Firefox',
    run: {
      command: bin('vitest'),
      args: ['run', '--config', 'vitest.firefox.config.ts', ...vitestJson(report('firefox'))],
    },
    report: { kind: 'vitest', file: report('firefox') },
  },
];

interface StageResult {
  name: string;
  ok: boolean;
  seconds: number;
  tests?: TestCounts;
}

function spawnStreaming(command: string, args: string[], env: Record<string, string> = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(false);
    });
    child.on('exit', (code) => resolve(code === 0));
  });
}

async function runStage(stage: Stage): Promise<StageResult> {
  console.log(`\n━━ ${stage.name} ━━`);
  const started = performance.now();
  let ok: boolean;
  if (typeof stage.run === 'function') {
    try {
      await stage.run();
      ok = true;
    } catch (error) {
      console.error((error as Error).message);
      ok = false;
    }
  } else {
    ok = await spawnStreaming(stage.run.command, stage.run.args, stage.run.env);
  }
  const seconds = (performance.now() - started) / 1000;
  const tests = stage.report ? readTestCounts(stage.report.kind, stage.report.file) : undefined;
  return { name: stage.name, ok, seconds, tests };
}

function printSummary(results: StageResult[]): TestCounts {
  const width = Math.max(...results.map((result) => result.name.length));
  console.log('\n━━ summary ━━');
  console.log(`${'stage'.padEnd(width)}  result  seconds  tests`);
  const total: TestCounts = { passed: 0, failed: 0 };
  for (const result of results) {
    const tests = result.tests ? `${result.tests.passed} passed, ${result.tests.failed} failed` : '';
    const seconds = result.seconds.toFixed(1).padStart(7);
    console.log(`${result.name.padEnd(width)}  ${result.ok ? 'PASS  ' : 'FAIL  '}  ${seconds}  ${tests}`);
    total.passed += result.tests?.passed ?? 0;
    total.failed += result.tests?.failed ?? 0;
    // A failing stage without a failing test (lint, typecheck, build, a runner that crashed)
    // still counts once, so the closing line never reads "0 failed" for a red run.
    if (!result.ok && !result.tests?.failed) total.failed += 1;
  }
  return total;
}

/** The reliability and security figures (tests/support/matrix.ts); false when they show a problem. */
function printMatrix(matrix: MatrixSummary | undefined): boolean {
  console.log('\n━━ reliability and security matrix ━━');
  if (!matrix) {
    console.log('no matrix case ran');
    return false;
  }
  const ratio = ({ tried, passed }: { tried: number; passed: number }) => `${tried} / ${passed}`;
  // One column per runner (each browser, and Node for unit and build tests), then the whole run.
  const runners = MATRIX_RUNNERS.filter((runner) => matrix.byRunner[runner]);
  const perRunner = (kind: 'fault' | 'attack') =>
    runners.map((runner) => ratio(matrix.byRunner[runner]?.[kind] ?? { tried: 0, passed: 0 }));
  const rows: string[][] = [
    ['', ...runners, 'all'],
    ['fault cases tried / passed', ...perRunner('fault'), ratio(matrix.fault)],
    ['attack cases tried / passed', ...perRunner('attack'), ratio(matrix.attack)],
    ['switches applied / intended', ...runners.map(() => ''), `${matrix.appliedSwitches} / ${matrix.intendedSwitches}`],
    ['tokens found', ...runners.map(() => ''), String(matrix.tokensFound)],
  ];
  if (matrix.unreadableLines)
    rows.push(['unreadable records', ...runners.map(() => ''), String(matrix.unreadableLines)]);
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  '),
    );
  }
  const allPassed = matrix.fault.tried === matrix.fault.passed && matrix.attack.tried === matrix.attack.passed;
  return (
    allPassed &&
    matrix.appliedSwitches <= matrix.intendedSwitches &&
    matrix.tokensFound === 0 &&
    matrix.unreadableLines === 0
  );
}

rmSync(REPORTS_DIR, { recursive: true, force: true });
mkdirSync(REPORTS_DIR, { recursive: true });
const results: StageResult[] = [];
for (const stage of STAGES) results.push(await runStage(stage));
const total = printSummary(results);
const matrixOk = printMatrix(readMatrixSummary());
if (!matrixOk) total.failed += 1;
process.exitCode = results.every((result) => result.ok) && matrixOk ? 0 : 1;
console.log(`${total.passed} passed, ${total.failed} failed`);
