import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TEST_RESULTS_DIR } from '../e2e/support/paths';

/**
 * The reliability and security matrix (faults tried, attacks tried, switches applied vs
 * intended, tokens found), gathered from whichever runner runs a case: Playwright,
 * Vitest or the Firefox harness. Each case appends JSON lines to one file: `tried` when it
 * starts, `passed` with its figures when every assertion held. A case that throws never
 * writes `passed`, so it counts as tried and failed. `npm test` prints the totals.
 */

export const MATRIX_FILE = path.join(TEST_RESULTS_DIR, 'reports', 'matrix.jsonl');

export type MatrixKind = 'fault' | 'attack';

/**
 * Where a case ran: in Chromium, in firefox-esr, or in Node (unit and build tests, no browser).
 * Each runner's config names itself in `MATRIX_RUNNER`; a shared behaviour passes its driver's browser.
 */
export const MATRIX_RUNNERS = ['chromium', 'firefox', 'node'] as const;
export type MatrixRunner = (typeof MATRIX_RUNNERS)[number];
const runnerSchema = z.enum(MATRIX_RUNNERS);

function runnerFromEnvironment(): MatrixRunner {
  const parsed = runnerSchema.safeParse(process.env.MATRIX_RUNNER);
  if (!parsed.success)
    throw new Error('MATRIX_RUNNER is not set: the runner config names itself (chromium, firefox or node)');
  return parsed.data;
}

const figuresSchema = z.strictObject({
  /** Switches the case meant to make (0 for a case that must not switch). */
  intendedSwitches: z.optional(z.number().int().nonnegative()),
  /** Changes the sandbox server applied, read from its state/request log. */
  appliedSwitches: z.optional(z.number().int().nonnegative()),
  /** Real sandbox-issued tokens found on a surface a page or content script can reach. */
  tokensFound: z.optional(z.number().int().nonnegative()),
});
export type MatrixFigures = z.infer<typeof figuresSchema>;

const lineSchema = z.discriminatedUnion('event', [
  z.strictObject({
    event: z.literal('tried'),
    kind: z.enum(['fault', 'attack']),
    runner: runnerSchema,
    name: z.string(),
  }),
  z.strictObject({
    event: z.literal('passed'),
    kind: z.enum(['fault', 'attack']),
    runner: runnerSchema,
    name: z.string(),
    figures: figuresSchema,
  }),
]);

function append(line: z.infer<typeof lineSchema>): void {
  mkdirSync(path.dirname(MATRIX_FILE), { recursive: true });
  // One short line per append: concurrent workers never interleave within it.
  appendFileSync(MATRIX_FILE, `${JSON.stringify(line)}\n`);
}

export interface MatrixCase {
  /** Call last, after every assertion of the case held. */
  passed(figures?: MatrixFigures): void;
}

/**
 * Starts one matrix case. Names must be unique within their kind and runner (`"PUT 503 then success"`);
 * `runner` defaults to the one the runner's config names.
 *
 * @example
 *   const matrixCase = matrixCaseStarted('fault', 'PUT answers 503 twice, then 200');
 *   … act and assert …
 *   matrixCase.passed({ intendedSwitches: 1, appliedSwitches: applied });
 */
export function matrixCaseStarted(
  kind: MatrixKind,
  name: string,
  runner: MatrixRunner = runnerFromEnvironment(),
): MatrixCase {
  append({ event: 'tried', kind, runner, name });
  return { passed: (figures = {}) => append({ event: 'passed', kind, runner, name, figures }) };
}

export interface MatrixTotals {
  tried: number;
  passed: number;
}

export interface MatrixSummary {
  fault: MatrixTotals;
  attack: MatrixTotals;
  /** The same counts for each runner that ran a case. */
  byRunner: Partial<Record<MatrixRunner, { fault: MatrixTotals; attack: MatrixTotals }>>;
  intendedSwitches: number;
  appliedSwitches: number;
  tokensFound: number;
  /** Lines that did not parse: a broken recorder must not look like a clean run. */
  unreadableLines: number;
}

export function readMatrixSummary(file = MATRIX_FILE): MatrixSummary | undefined {
  if (!existsSync(file)) return undefined;
  // Keyed `<runner> <name>`: the same case in two browsers is two cases.
  const tried = { fault: new Set<string>(), attack: new Set<string>() };
  const passed = { fault: new Set<string>(), attack: new Set<string>() };
  const summary: MatrixSummary = {
    fault: { tried: 0, passed: 0 },
    attack: { tried: 0, passed: 0 },
    byRunner: {},
    intendedSwitches: 0,
    appliedSwitches: 0,
    tokensFound: 0,
    unreadableLines: 0,
  };
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    let parsed: ReturnType<typeof lineSchema.safeParse>;
    try {
      parsed = lineSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = { success: false } as ReturnType<typeof lineSchema.safeParse>;
    }
    if (!parsed.success) {
      summary.unreadableLines += 1;
      continue;
    }
    const line = parsed.data;
    const key = `${line.runner} ${line.name}`;
    if (line.event === 'tried') {
      tried[line.kind].add(key);
      continue;
    }
    passed[line.kind].add(key);
    summary.intendedSwitches += line.figures.intendedSwitches ?? 0;
    summary.appliedSwitches += line.figures.appliedSwitches ?? 0;
    summary.tokensFound += line.figures.tokensFound ?? 0;
  }
  const totals = (kind: MatrixKind, runner?: MatrixRunner): MatrixTotals => {
    const ofRunner = (key: string) => runner === undefined || key.startsWith(`${runner} `);
    const triedKeys = [...tried[kind]].filter(ofRunner);
    return { tried: triedKeys.length, passed: triedKeys.filter((key) => passed[kind].has(key)).length };
  };
  summary.fault = totals('fault');
  summary.attack = totals('attack');
  for (const runner of MATRIX_RUNNERS) {
    const byKind = { fault: totals('fault', runner), attack: totals('attack', runner) };
    if (byKind.fault.tried + byKind.attack.tried > 0) summary.byRunner[runner] = byKind;
  }
  return summary;
}
