/**
 * `npm run bench`: measures the extension in Debian's Chromium (and the load event in firefox-esr) against the console sandbox
 * and reports against docs/ARCHITECTURE.md#budgets. Prints a Markdown table (median, p95, budget, result) and
 * writes every sample to bench-results/latest.json and the table to docs/benchmark.md. Timings are reported, never asserted:
 * `npm test` enforces only the bundle sizes, which are deterministic.
 *
 * Options: --pairs N (page loads with/without, default 20), --runs N (other repeats, default 20),
 * --skip-build (measure the builds already in .output), --page-loads-only (the sizes and the page
 * load sections, nothing else). The load-event budget is against the injection floor: the same
 * extension with an empty content script (bench/injection-floor.ts), so it measures what our
 * detector costs, not what the browser charges for injecting any script.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIOS, userOf } from '../sandbox/scenarios';
import { BUILD_DIRS, REPO_ROOT } from '../tests/e2e/support/paths';
import { signIn } from '../tests/e2e/support/sign-in';
import { BUNDLE_BUDGETS, BUNDLES, RUNTIME_BUDGETS } from './bench/budgets';
import { bundleSizes } from './bench/bundle-sizes';
import { measureFirefoxPageLoads } from './bench/firefox-page-load';
import { emptyContentScriptCopy } from './bench/injection-floor';
import { memoryOverRouteChanges } from './bench/memory';
import { CONSOLE_ROUTES, type ConsoleRoute, type InjectionFloor, measurePageLoads } from './bench/page-load';
import { type BenchRow, latencyRow, markdownTable, verdict } from './bench/report';
import { type BenchSession, openBenchSession } from './bench/session';
import {
  manyOrgsSwitcher,
  pickerToBadgesCold,
  pickerToBadgesWarm,
  viewToStatusCold,
  virtualizedPickerBadges,
} from './bench/ui-timings';
import { switchOverhead, workerWake } from './bench/worker';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string' },
    runs: { type: 'string' },
    'skip-build': { type: 'boolean' },
    'page-loads-only': { type: 'boolean' },
  },
});
const PAIRS = Number(values.pairs ?? 20);
const RUNS = Number(values.runs ?? 20);
const RESULTS_FILE = path.join(REPO_ROOT, 'bench-results/latest.json');
const REPORT_FILE = path.join(REPO_ROOT, 'docs/benchmark.md');
const KB = 1000;
const MB = 1_000_000;

const step = (label: string) => console.log(`· ${label}`);

function sizeRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const browser of ['chrome', 'firefox'] as const) {
    const sizes = bundleSizes(BUILD_DIRS[browser]);
    for (const bundle of BUNDLES) {
      const { raw, gzip } = sizes[bundle];
      const budget = BUNDLE_BUDGETS[bundle];
      rows.push({
        metric: `${browser} ${bundle}, gzip`,
        unit: 'KB',
        median: gzip / KB,
        p95: gzip / KB,
        budget: { value: budget.gzip / KB, on: 'median' },
      });
      rows.push({
        metric: `${browser} ${bundle}, raw`,
        unit: 'KB',
        median: raw / KB,
        p95: raw / KB,
        budget: { value: budget.raw / KB, on: 'median' },
      });
    }
  }
  return rows;
}

async function main() {
  if (!values['skip-build']) {
    step('production and sandbox builds');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
    execFileSync('npm', ['run', '--silent', 'build:sandbox'], { cwd: REPO_ROOT, stdio: 'ignore' });
  }
  const rows = sizeRows();
  const raw: Record<string, unknown> = {};
  const chromeFloor = await emptyContentScriptCopy(BUILD_DIRS.chromeSandbox);
  const firefoxFloor = await emptyContentScriptCopy(BUILD_DIRS.firefoxSandbox);

  const session = await openBenchSession({ floorDir: chromeFloor.dir });
  try {
    const acme = SCENARIOS.default;
    const ada = userOf(acme, acme.consoleUserId);
    if (!ada) throw new Error('The default scenario has no console user');
    await signIn(session.withExtension, session.extensionId, ada);
    const tenant = acme.aemOrg.tenant;

    const ratioRow = (metric: string, value: number): BenchRow => ({
      metric,
      unit: 'ratio',
      median: value,
      p95: Number.NaN,
      budget: { value: RUNTIME_BUDGETS.pageLoadRatio, on: 'median' },
      samples: PAIRS,
    });
    for (const route of Object.keys(CONSOLE_ROUTES) as ConsoleRoute[]) {
      step(`chromium page loads on ${route}, ${PAIRS} pairs with/without the extension`);
      const loads = await measurePageLoads(session, tenant, PAIRS, route, session.injectionFloor);
      raw[`pageLoads ${route}`] = loads;
      rows.push(...loadEventRows('chromium', route, loads));
      rows.push(ratioRow(`chromium ${route}: LCP with / without extension`, loads.lcpRatio));
      rows.push({
        metric: `chromium ${route}: worker requests to the network before the load event`,
        unit: 'requests',
        ...pick(loads.workerRequestsBeforeLoad),
        budget: { value: RUNTIME_BUDGETS.addedRequests, on: 'p95' },
        samples: PAIRS,
      });
      if (route !== 'Settings > Creative Cloud') continue;
      rows.push({
        metric: `chromium ${route}: worker requests after the load event (state refresh)`,
        unit: 'requests',
        ...pick(loads.workerRequestsAfterLoad),
        samples: PAIRS,
        note: 'cached state first, then one refresh',
      });
      for (const [endpoint, count] of Object.entries(loads.requestsPerEndpoint)) {
        rows.push({
          metric: `worker calls per load: ${endpoint}`,
          unit: 'requests',
          ...pick(count),
          budget: { value: RUNTIME_BUDGETS.callsPerEndpoint, on: 'p95' },
          samples: PAIRS,
        });
      }
    }

    if (!values['page-loads-only']) await otherSections(session, rows, raw);
  } finally {
    await session.close();
    await chromeFloor.remove();
  }
  await firefoxSection(rows, raw, firefoxFloor.dir).finally(() => firefoxFloor.remove());
  report(rows);
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  const measuredAt = new Date().toISOString();
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ measuredAt, pairs: PAIRS, runs: RUNS, rows, raw }, null, 2)}\n`);
  writeFileSync(REPORT_FILE, benchmarkReport(rows, measuredAt));
}

/** The committed record of the last run (CONTRIBUTING.md#performance links it). */
function benchmarkReport(rows: BenchRow[], measuredAt: string): string {
  return [
    '# Benchmark: the last run',
    '',
    `Written by \`npm run bench\` on ${measuredAt.slice(0, 10)} (${PAIRS} page-load pairs, ${RUNS} runs of the rest),`,
    'headless Debian Chromium and firefox-esr against the console sandbox. How each figure is taken, and',
    'what the budgets are: [CONTRIBUTING.md](../CONTRIBUTING.md#performance). Every sample of the run is in',
    '`bench-results/latest.json` (not committed).',
    '',
    markdownTable(rows),
    '',
  ].join('\n');
}

async function otherSections(session: BenchSession, rows: BenchRow[], raw: Record<string, unknown>) {
  const acme = SCENARIOS.default;
  const ada = userOf(acme, acme.consoleUserId);
  if (!ada) throw new Error('The default scenario has no console user');
  const tenant = acme.aemOrg.tenant;
  step(`picker opened → badges shown, ${RUNS} runs warm and cold`);
  const warm = await pickerToBadgesWarm(session, tenant, RUNS);
  const cold = await pickerToBadgesCold(session, tenant, RUNS);
  raw.pickerToBadges = { warm, cold };
  rows.push(latencyRow('native picker opened → badges shown, warm', warm, RUNTIME_BUDGETS.pickerToBadgesWarmMs));
  rows.push(latencyRow('native picker opened → badges shown, cold worker + new tab', cold, undefined));

  step(`view shown → status, cold worker, ${RUNS} runs`);
  const viewCold = await viewToStatusCold(session, tenant, RUNS);
  raw.viewToStatusCold = viewCold;
  rows.push(latencyRow('view shown → status + badges, cold worker', viewCold, RUNTIME_BUDGETS.viewToStatusColdMs));

  step('worker cold wake → first answer');
  const wake = await workerWake(session, RUNS);
  raw.workerWake = wake;
  rows.push(latencyRow('worker cold wake → first answer', wake.cold, RUNTIME_BUDGETS.workerColdWakeMs));
  rows.push(latencyRow('worker warm round trip', wake.warm));

  step('memory over route changes');
  const memory = await memoryOverRouteChanges(session, tenant);
  raw.memory = memory;
  const memoryRow = (metric: string, after1: number, after50: number): BenchRow => ({
    metric,
    unit: 'MB',
    median: (after50 - after1) / MB,
    p95: Number.NaN,
    budget: { value: RUNTIME_BUDGETS.memoryGrowthBytes / MB, on: 'median' },
    note: `${(after1 / MB).toFixed(2)} MB after 1, ${(after50 / MB).toFixed(2)} MB after 50`,
  });
  rows.push(
    memoryRow(
      'console renderer JS heap growth, 50 vs 1 route round trips',
      memory.rendererAfter1,
      memory.rendererAfter50,
    ),
  );
  rows.push(memoryRow('worker JS heap growth, 50 vs 1 route round trips', memory.workerAfter1, memory.workerAfter50));
  rows.push({
    ...memoryRow('extension process PSS growth (no GC, informative)', memory.processAfter1, memory.processAfter50),
    budget: undefined,
  });

  step(`switch end to end vs the sandbox's PUT + GET, ${Math.min(RUNS, 10)} runs`);
  const switches = await switchOverhead(
    session,
    { tenant, aemOrgId: acme.aemOrg.id, userId: ada.userId },
    Math.min(RUNS, 10),
  );
  raw.switchOverhead = switches;
  rows.push(latencyRow('switch through the extension, end to end', switches.extension));
  rows.push(latencyRow("the sandbox's own PUT + verifying GET", switches.sandboxPutGet));
  rows.push({
    metric: 'extension overhead per switch (median difference)',
    unit: 'ms',
    median: switches.overheadMs,
    p95: Number.NaN,
  });

  step(`1,000 orgs: switcher render and filter keystroke, ${RUNS} runs`);
  const many = SCENARIOS['many-orgs'];
  const hedy = userOf(many, many.consoleUserId);
  if (!hedy) throw new Error('The many-orgs scenario has no console user');
  await session.control('POST', 'scenario', { name: 'many-orgs' });
  await signIn(session.withExtension, session.extensionId, hedy);
  const manyOrgs = await manyOrgsSwitcher(session, many.aemOrg.tenant, RUNS);
  raw.manyOrgs = manyOrgs;
  rows.push(
    latencyRow('1,000 orgs: switcher opened → list rendered', manyOrgs.firstRender, RUNTIME_BUDGETS.manyOrgsRenderMs),
  );
  rows.push(
    latencyRow('1,000 orgs: filter keystroke → list rendered', manyOrgs.keystroke, RUNTIME_BUDGETS.manyOrgsKeystrokeMs),
  );

  step(`1,000 orgs, virtualized native picker: opened → badges, scroll → badges redrawn, ${RUNS} runs`);
  const virtualized = await virtualizedPickerBadges(session, many.aemOrg.tenant, RUNS);
  raw.virtualizedPicker = virtualized;
  rows.push(
    latencyRow(
      '1,000 orgs, virtualized picker: opened → badges shown, warm',
      virtualized.opened,
      RUNTIME_BUDGETS.pickerToBadgesWarmMs,
    ),
  );
  rows.push(
    latencyRow(
      '1,000 orgs, virtualized picker: rows reused on scroll → badges redrawn',
      virtualized.scrolled,
      RUNTIME_BUDGETS.pickerToBadgesWarmMs,
    ),
  );
}

async function firefoxSection(rows: BenchRow[], raw: Record<string, unknown>, floorDir: string) {
  step(`firefox page loads on ${Object.keys(CONSOLE_ROUTES).join(' and ')}, ${PAIRS} pairs with/without the extension`);
  const acme = SCENARIOS.default;
  const ada = userOf(acme, acme.consoleUserId);
  if (!ada) throw new Error('The default scenario has no console user');
  const firefox = await measureFirefoxPageLoads(acme.aemOrg.tenant, ada, PAIRS, floorDir);
  raw.firefoxPageLoads = firefox;
  for (const [route, loads] of Object.entries(firefox)) {
    const ms = (sampled: { median: number } | undefined) => (sampled ? `${sampled.median.toFixed(1)} ms` : 'n/a');
    const note = `with ${ms(loads.withExtension)}, without ${ms(loads.withoutExtension)}, floor ${ms(loads.injectionFloor?.load)}`;
    const [budgeted, ...informative] = loadEventRows('firefox', route, loads);
    if (budgeted) rows.push({ ...budgeted, note }, ...informative);
  }
}

function report(rows: BenchRow[]) {
  const table = markdownTable(rows);
  console.log(`\n${table}\n`);
  const failed = rows.filter((row) => verdict(row) === 'FAIL').length;
  console.log(
    `${rows.length} measurements, ${failed} over budget; samples in ${path.relative(REPO_ROOT, RESULTS_FILE)}`,
  );
}

/**
 * The load event, three ways. The budget is against the injection floor (the same extension with
 * an empty content script): what the browser charges for injecting any content script into every
 * console frame is not our code, and only the `webNavigation` permission could avoid it, which the
 * extension does not take. The ratios to no extension at all are shown beside it.
 */
function loadEventRows(
  browser: string,
  route: string,
  loads: { loadRatio: number; injectionFloor?: InjectionFloor },
): BenchRow[] {
  const ratio = (metric: string, median: number, note?: string): BenchRow => ({
    metric: `${browser} ${route}: load event ${metric}`,
    unit: 'ratio',
    median,
    p95: Number.NaN,
    samples: PAIRS,
    ...(note && { note }),
  });
  const floor = loads.injectionFloor;
  if (!floor) throw new Error(`No injection-floor loads for ${browser} ${route}: the page-load budget needs them`);
  return [
    {
      ...ratio('with the extension / with the injection floor', loads.loadRatio / floor.loadRatio),
      budget: { value: RUNTIME_BUDGETS.pageLoadRatio, on: 'median' },
    },
    ratio('with the extension / without any extension', loads.loadRatio, 'informative'),
    ratio(
      'with the injection floor / without any extension',
      floor.loadRatio,
      'what injecting any content script costs',
    ),
  ];
}

function pick(sampled: { median: number; p95: number }) {
  return { median: sampled.median, p95: sampled.p95 };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
