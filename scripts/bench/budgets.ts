/**
 * The budgets of docs/ARCHITECTURE.md#budgets, in one place: `npm run bench` reports against all of them,
 * `npm test` enforces the bundle sizes (deterministic; timings are never asserted).
 * Sizes are in bytes; 1 KB = 1,000 bytes; gzip at level 9.
 */

export const BUNDLES = ['detector', 'consoleUi', 'consoleUiCss', 'worker', 'popup', 'options'] as const;
export type BundleName = (typeof BUNDLES)[number];

export interface SizeBudget {
  raw: number;
  gzip: number;
}

/**
 * Detector: the content script every app frame of a console parses at `document_idle`, so it only
 * recognises the view (no Preact, no UI): 4 KB gzip. Console UI: Preact, signals, the store, the
 * components, the console-driven switch (with virtualized pickers and toasts), the confirmation of
 * a view found by structure and the author-host confirmation, injected only into the frame that
 * shows the view: ~24.6 KB measured, 25 KB. Worker: ~39.0 KB measured (three entitlement sources, the console switch, the protected store
 * with idb-keyval, the console profile's policy corrections, the diagnostics page shape with its
 * redaction, the author-host binding with its messages and policy fields); it is not on the page's
 * load path, and its cold wake has its own budget: 39 KB.
 * Popup and options: ~18–20 KB today and growing with their own features, so 40 KB gzip each.
 */
export const BUNDLE_BUDGETS: Record<BundleName, SizeBudget> = {
  detector: { raw: 12_000, gzip: 4_000 },
  consoleUi: { raw: 72_000, gzip: 25_000 },
  consoleUiCss: { raw: 16_000, gzip: 4_000 },
  worker: { raw: 125_000, gzip: 39_000 },
  popup: { raw: 130_000, gzip: 40_000 },
  options: { raw: 130_000, gzip: 40_000 },
};

/** Timing and memory budgets: reported by the benchmark, never asserted in tests. */
export const RUNTIME_BUDGETS = {
  /** Load event with the extension vs with the injection floor (the same extension, empty content script). */
  pageLoadRatio: 1.02,
  pickerToBadgesWarmMs: 16,
  viewToStatusColdMs: 100,
  manyOrgsRenderMs: 50,
  manyOrgsKeystrokeMs: 16,
  workerColdWakeMs: 100,
  memoryGrowthBytes: 2_000_000,
  addedRequests: 0,
  /** Each distinct call at most once per refresh, so a page load adds no duplicate calls. */
  callsPerEndpoint: 1,
} as const;
