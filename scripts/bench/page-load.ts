import type { BrowserContext } from '@playwright/test';
import { PERF_MARKS } from '../../lib/console-page/perf-marks';
import { countPerEndpoint, type LoggedRequest, settledExtensionRequests } from '../../sandbox/request-log';
import { creativeCloudUrl } from '../../tests/e2e/support/sandbox-control';
import { appFrame, type BenchSession, waitForMark } from './session';
import { type Sampled, summarize } from './stats';

/**
 * Console page loads with and without the extension, alternating (which browser goes first
 * changes every round), so machine load hits both sides alike; optionally a third side, the
 * injection floor (the extension with an empty content script), in the same rounds. Also counts what the extension's
 * worker asked the sandbox for because of each load: before the load event, and after it.
 */

export interface PageLoadResult {
  withExtension: { load: Sampled; lcp: Sampled };
  withoutExtension: { load: Sampled; lcp: Sampled };
  loadRatio: number;
  lcpRatio: number;
  /** The same loads with an empty content script in place of ours (scripts/bench/injection-floor.ts). */
  injectionFloor?: InjectionFloor;
  workerRequestsBeforeLoad: Sampled;
  workerRequestsAfterLoad: Sampled;
  /** What the worker requested on one load, for the report (method and path). */
  exampleRequests: string[];
  /** How often the worker called each endpoint on each measured load (budget: once per refresh). */
  requestsPerEndpoint: Record<string, Sampled>;
}

/**
 * The console routes the load ratio is measured on: the view the UI shows on (the Settings >
 * Creative Cloud deep link) and a route without it (Assets), where only the detector runs.
 */
export const CONSOLE_ROUTES = {
  'Settings > Creative Cloud': (shellUrl: string, tenant: string) => creativeCloudUrl(shellUrl, tenant),
  Assets: (shellUrl: string, tenant: string) => {
    const url = new URL(creativeCloudUrl(shellUrl, tenant));
    url.hash = `/@${tenant}/assets/browse`;
    return url.toString();
  },
} as const;
export type ConsoleRoute = keyof typeof CONSOLE_ROUTES;

/** Loads with the empty-content-script copy of the extension, and their ratio to loads without. */
export interface InjectionFloor {
  load: Sampled;
  loadRatio: number;
}
export const floorOf = (load: Sampled, without: Sampled): InjectionFloor => ({
  load,
  loadRatio: load.median / without.median,
});

async function timedLoad(context: BrowserContext, url: string) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const timing = await page.evaluate(
    () =>
      new Promise<{ load: number; lcp: number; loadEnd: number }>((resolve) => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const loadEnd = performance.timeOrigin + navigation.loadEventEnd;
        // A page with no contentful paint yet has no LCP entry: report none rather than wait.
        setTimeout(() => resolve({ load: navigation.loadEventStart, lcp: Number.NaN, loadEnd }), 2000);
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          const lcp = entries.at(-1)?.startTime ?? Number.NaN;
          resolve({ load: navigation.loadEventStart, lcp, loadEnd });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  return { page, ...timing };
}

export async function measurePageLoads(
  session: BenchSession,
  tenant: string,
  pairs: number,
  route: ConsoleRoute = 'Settings > Creative Cloud',
  /** A browser with the empty-content-script copy of the extension: measured in the same rounds. */
  floor?: BrowserContext,
): Promise<PageLoadResult> {
  const url = CONSOLE_ROUTES[route](session.sandbox.shellUrl, tenant);
  const showsView = route === 'Settings > Creative Cloud';
  const sides = {
    with: { load: [] as number[], lcp: [] as number[] },
    without: { load: [] as number[], lcp: [] as number[] },
  };
  const floorLoads: number[] = [];
  const before: number[] = [];
  const after: number[] = [];
  let exampleRequests: string[] = [];
  let perEndpoint: Record<string, number>[] = [];

  const loadWith = async () => {
    await session.control('DELETE', 'requests');
    const { page, load, lcp, loadEnd } = await timedLoad(session.withExtension, url);
    sides.with.load.push(load);
    sides.with.lcp.push(lcp);
    // The UI has shown the state this load asked for; then let any refresh finish.
    if (showsView) await waitForMark(await appFrame(page, session.sandbox.appOrigin), PERF_MARKS.statusShown, 0);
    const requests = await settledExtensionRequests(() => session.control<LoggedRequest[]>('GET', 'requests'));
    const beforeLoad = requests.filter((request) => Date.parse(request.time) <= loadEnd);
    before.push(beforeLoad.length);
    after.push(requests.length - beforeLoad.length);
    exampleRequests = requests.map((request) => `${request.method} ${request.path}`);
    perEndpoint.push(countPerEndpoint(requests));
    await page.close();
  };
  const loadWithout = async () => {
    const { page, load, lcp } = await timedLoad(session.withoutExtension, url);
    sides.without.load.push(load);
    sides.without.lcp.push(lcp);
    await page.close();
  };

  const loadFloor = async (context: BrowserContext) => {
    const { page, load } = await timedLoad(context, url);
    floorLoads.push(load);
    await page.close();
  };
  // Each round loads every side once, in an order that rotates every round, so each side takes
  // every place (first, last, in between) equally often.
  const order = [loadWith, loadWithout, ...(floor ? [() => loadFloor(floor)] : [])];
  const round = async (index: number) => {
    const rotated = [...order.slice(index % order.length), ...order.slice(0, index % order.length)];
    for (const load of rotated) await load();
  };

  // One unmeasured round: caches, compiled code and the worker's cached state are warm.
  await round(0);
  for (const list of [sides.with.load, sides.with.lcp, sides.without.load, sides.without.lcp, before, after]) {
    list.length = 0;
  }
  floorLoads.length = 0;
  perEndpoint = [];
  for (let pair = 0; pair < pairs; pair += 1) await round(pair);
  const withLoad = summarize(sides.with.load);
  const withoutLoad = summarize(sides.without.load);
  const withLcp = summarize(sides.with.lcp);
  const withoutLcp = summarize(sides.without.lcp);
  return {
    withExtension: { load: withLoad, lcp: withLcp },
    withoutExtension: { load: withoutLoad, lcp: withoutLcp },
    loadRatio: withLoad.median / withoutLoad.median,
    lcpRatio: withLcp.median / withoutLcp.median,
    ...(floor && { injectionFloor: floorOf(summarize(floorLoads), withoutLoad) }),
    workerRequestsBeforeLoad: summarize(before),
    workerRequestsAfterLoad: summarize(after),
    exampleRequests,
    requestsPerEndpoint: Object.fromEntries(
      [...new Set(perEndpoint.flatMap(Object.keys))].map((endpoint) => [
        endpoint,
        summarize(perEndpoint.map((counts) => counts[endpoint] ?? 0)),
      ]),
    ),
  };
}
