import { isSandboxBuild } from '../build-flavor';

/**
 * Performance marks the content script leaves on the console frame's timeline, where
 * `npm run bench` reads them (a content script's marks are on the page's own timeline, visible to the page).
 * Sandbox builds only: in production a page could read them to tell when the user opened the
 * switcher or typed a filter (production bundles carry no sandbox-only names); a build test checks they are gone.
 */
export const PERF_MARKS = {
  /** The Creative Cloud view was recognised and the UI mounted. */
  viewDetected: 'cc-switcher:view-detected',
  /** The status panel committed the worker's state for this console (signed in, org resolved). */
  statusShown: 'cc-switcher:status-shown',
  /** Badges were put into a newly opened native picker. */
  badgesShown: 'cc-switcher:badges-shown',
  /** Badges in an open native picker were redrawn because options changed org (a virtualized list scrolled). */
  badgesUpdated: 'cc-switcher:badges-updated',
  /** Our switcher's list committed after it was opened. */
  switcherRendered: 'cc-switcher:switcher-rendered',
  /** Our switcher's list committed after the filter text changed. */
  filterApplied: 'cc-switcher:filter-applied',
} as const;

export type PerfMark = (typeof PERF_MARKS)[keyof typeof PERF_MARKS];

export function markPerf(mark: PerfMark): void {
  if (isSandboxBuild) performance.mark(mark);
}
