import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

export interface TestCounts {
  passed: number;
  failed: number;
}

/** Vitest's `json` reporter (the Jest-compatible shape). */
const vitestReportSchema = z.looseObject({ numPassedTests: z.number(), numFailedTests: z.number() });

/** Playwright's `json` reporter: `expected` passed, `unexpected` failed, `flaky` passed on retry (retries are 0). */
const playwrightReportSchema = z.looseObject({
  stats: z.looseObject({ expected: z.number(), unexpected: z.number(), flaky: z.number() }),
});

export type ReportKind = 'vitest' | 'playwright';

/** The counts a runner wrote, or undefined when it wrote nothing readable (it crashed or never ran). */
export function readTestCounts(kind: ReportKind, file: string): TestCounts | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (kind === 'vitest') {
    const report = vitestReportSchema.safeParse(json);
    return report.success ? { passed: report.data.numPassedTests, failed: report.data.numFailedTests } : undefined;
  }
  const report = playwrightReportSchema.safeParse(json);
  if (!report.success) return undefined;
  const { expected, unexpected, flaky } = report.data.stats;
  return { passed: expected + flaky, failed: unexpected };
}
