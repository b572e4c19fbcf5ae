/** Summaries of repeated measurements: the benchmark reports medians and 95th percentiles. */

export interface Sampled {
  samples: number[];
  median: number;
  p95: number;
}

/** Nearest-rank percentile of the sorted samples. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Sampled {
  return { samples: [...samples], median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}
