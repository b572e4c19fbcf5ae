import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import type { ChromiumGlobals } from './extension-apis';
import { CHROMIUM_PATH } from './paths';

/** Flags for Debian's Chromium with unpacked extensions loaded. */
export function chromiumArgsFor(...extensionDirs: string[]): string[] {
  return [
    `--disable-extensions-except=${extensionDirs.join(',')}`,
    `--load-extension=${extensionDirs.join(',')}`,
    ...chromiumFlags(),
  ];
}

/** Flags for Debian's Chromium on this kind of machine, whatever it loads. */
export function chromiumFlags(): string[] {
  return [
    // Root in containers: Chromium's own sandbox cannot start there.
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    // Nothing but the sandbox on the wire: no updates, sync or QUIC probes.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
}

export interface LaunchedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  /** The host of the worker's `chrome-extension://<id>/background.js` URL. */
  extensionId: string;
}

/**
 * A persistent context (extensions need one) with the unpacked build loaded. `userDataDir`
 * '' makes Playwright use a fresh temporary profile that it deletes on close.
 */
export async function launchChromiumWithExtension(options: {
  extensionDir: string;
  headless: boolean;
  userDataDir?: string;
  /** The browser's language for every page (e.g. 'sv-SE'), as Playwright's `locale` sets it. */
  locale?: string;
}): Promise<LaunchedExtension> {
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    args: chromiumArgsFor(options.extensionDir),
    ...(options.locale && { locale: options.locale }),
  });
  try {
    const serviceWorker = await extensionServiceWorker(context);
    return { context, serviceWorker, extensionId: extensionIdOf(serviceWorker) };
  } catch (error) {
    await context.close();
    throw error;
  }
}

export const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');

export function extensionIdOf(worker: Worker): string {
  return new URL(worker.url()).host;
}

/** The extension's worker: already registered, or the next one to start. */
export async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find(isExtensionWorker);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 10_000 });
}

/** Every extension's worker by its manifest name, once `count` of them are running. */
export async function extensionWorkersByName(context: BrowserContext, count: number): Promise<Map<string, Worker>> {
  while (context.serviceWorkers().filter(isExtensionWorker).length < count) {
    await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 10_000 });
  }
  const byName = new Map<string, Worker>();
  for (const worker of context.serviceWorkers().filter(isExtensionWorker)) {
    const name = await worker.evaluate(() => (globalThis as ChromiumGlobals).chrome?.runtime.getManifest().name);
    if (name) byName.set(name, worker);
  }
  return byName;
}
