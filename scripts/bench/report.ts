import type { Sampled } from './stats';

/** One line of the benchmark's table: what, how it did, against which budget. */
export interface BenchRow {
  metric: string;
  unit: 'ms' | 'ratio' | 'KB' | 'MB' | 'requests';
  median: number;
  p95: number;
  /** Where the budget applies: the median (ratios, counts, sizes) or the p95 (latencies). */
  budget?: { value: number; on: 'median' | 'p95' };
  samples?: number;
  note?: string;
}

export const verdict = (row: BenchRow): 'pass' | 'FAIL' | '—' => {
  if (!row.budget) return '—';
  return row[row.budget.on] <= row.budget.value ? 'pass' : 'FAIL';
};

export function latencyRow(metric: string, sampled: Sampled, budgetMs?: number, note?: string): BenchRow {
  return {
    metric,
    unit: 'ms',
    median: sampled.median,
    p95: sampled.p95,
    budget: budgetMs === undefined ? undefined : { value: budgetMs, on: 'p95' },
    samples: sampled.samples.length,
    note,
  };
}

const format = (value: number, unit: BenchRow['unit']) => {
  if (Number.isNaN(value)) return 'n/a';
  if (unit === 'ratio') return `${value.toFixed(3)}×`;
  if (unit === 'requests') return String(value);
  return `${value.toFixed(unit === 'ms' ? 1 : 2)} ${unit}`;
};

/** A Markdown table (CONTRIBUTING.md pastes it as is under Performance). */
export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = ['| metric | median | p95 | budget | result | n |', '| --- | --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const budget = row.budget ? `≤ ${format(row.budget.value, row.unit)} (${row.budget.on})` : '—';
    const note = row.note ? ` (${row.note})` : '';
    lines.push(
      `| ${row.metric}${note} | ${format(row.median, row.unit)} | ${format(row.p95, row.unit)} | ${budget} | ${verdict(row)} | ${row.samples ?? 1} |`,
    );
  }
  return lines.join('\n');
}
