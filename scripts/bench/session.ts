import { type BrowserContext, chromium, type Frame, type Page, type Worker } from '@playwright/test';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import { chromiumArgsFor, launchChromiumWithExtension } from '../../tests/e2e/support/chromium';
import {
  bindSandboxAuthorHost,
  sandboxEnvironment,
  writeExtensionEnvironment,
} from '../../tests/e2e/support/extension-environment';
import { BUILD_DIRS, CHROMIUM_PATH } from '../../tests/e2e/support/paths';
import {
  creativeCloudUrl,
  type SandboxControl,
  sandboxAuthorHost,
  sandboxControl,
} from '../../tests/e2e/support/sandbox-control';
import { killServiceWorker, reacquireServiceWorker } from '../../tests/e2e/support/service-worker';

/**
 * What every measurement needs: one sandbox, Debian's Chromium with the sandbox build loaded
 * (signed in by the caller), and a second Chromium without any extension for the baseline.
 */
export interface BenchSession {
  sandbox: RunningSandbox;
  control: SandboxControl;
  withExtension: BrowserContext;
  extensionId: string;
  worker(): Worker;
  /** Closes the worker's target, as Chrome does to an idle MV3 worker; the next message wakes it. */
  killWorker(): Promise<void>;
  /** The live worker handle after a kill (wakes the worker if nothing else has). */
  reacquireWorker(): Promise<Worker>;
  withoutExtension: BrowserContext;
  /** Chromium with the injection-floor copy of the extension (an empty content script), if asked for. */
  injectionFloor?: BrowserContext;
  ccUrl(tenant: string): string;
  close(): Promise<void>;
}

export async function openBenchSession(options: { floorDir?: string } = {}): Promise<BenchSession> {
  const sandbox = await startSandbox({ port: 0 });
  const launched = await launchChromiumWithExtension({ extensionDir: BUILD_DIRS.chromeSandbox, headless: true });
  await writeExtensionEnvironment(launched.serviceWorker, sandboxEnvironment(sandbox.apiBaseUrl));
  // The admin has trusted the sandbox's author host once, as a user of the console would have.
  await bindSandboxAuthorHost(launched.serviceWorker, sandboxAuthorHost(sandbox.shellUrl));
  let worker = launched.serviceWorker;
  // The baseline: the same kind of browser (persistent context, same flags) minus the extension.
  const withoutExtension = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgsFor('').filter((flag) => !flag.includes('extension')),
  });
  const floor = options.floorDir
    ? await launchChromiumWithExtension({ extensionDir: options.floorDir, headless: true })
    : undefined;
  if (floor) await writeExtensionEnvironment(floor.serviceWorker, sandboxEnvironment(sandbox.apiBaseUrl));
  return {
    sandbox,
    control: sandboxControl(sandbox.apiBaseUrl),
    withExtension: launched.context,
    extensionId: launched.extensionId,
    worker: () => worker,
    async killWorker() {
      await killServiceWorker(launched.context, launched.extensionId);
    },
    async reacquireWorker() {
      worker = await reacquireServiceWorker(launched.context);
      return worker;
    },
    withoutExtension,
    injectionFloor: floor?.context,
    ccUrl: (tenant) => creativeCloudUrl(sandbox.shellUrl, tenant),
    async close() {
      await launched.context.close();
      await withoutExtension.close();
      await floor?.context.close();
      await sandbox.close();
    },
  };
}

/** The console app's frame (second origin) once the shell has loaded it. */
export async function appFrame(page: Page, appOrigin: string, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(appOrigin));
    if (frame) return frame;
    await page.waitForEvent('frameattached', { timeout: 1000 }).catch(() => undefined);
  }
  throw new Error('The console app frame did not load');
}

/**
 * Waits in `frame` for the first performance mark `name` at or after `since` (the frame's own
 * clock) and answers its time; content-script marks share the page's timeline.
 */
export async function waitForMark(frame: Frame, name: string, since: number, timeoutMs = 15_000): Promise<number> {
  const handle = await frame.waitForFunction(
    ({ name, since }) =>
      performance.getEntriesByName(name, 'mark').find((entry) => entry.startTime >= since)?.startTime,
    { name, since },
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}
