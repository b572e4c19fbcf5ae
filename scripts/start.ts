import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { SANDBOX_DEFAULT_PORT } from '../lib/environment';
import { SCENARIOS, scenarioNameSchema } from '../sandbox/scenarios';
import { startSandbox } from '../sandbox/server';
import { launchChromiumWithExtension } from '../tests/e2e/support/chromium';
import { sandboxEnvironment, writeExtensionEnvironment } from '../tests/e2e/support/extension-environment';
import { BUILD_DIRS, REPO_ROOT } from '../tests/e2e/support/paths';
import { creativeCloudUrl } from '../tests/e2e/support/sandbox-control';
import { ensureBrowsers } from './ensure-browsers';

/**
 * `npm start`: build the sandbox-mode Chrome extension, start the console sandbox, and open
 * Debian's Chromium with the extension on the sandbox's Settings > Creative Cloud page.
 * Headed when there is a display; otherwise headless, with a screenshot to look at.
 */

const USAGE = 'Usage: npm start -- [--port <port>] [--scenario <name>] [--lang <en|sv|de|fr|ja>]';
const SCREENSHOT_PATH = path.join(REPO_ROOT, '.output/start-screenshot.png');

function readOptions() {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, scenario: { type: 'string' }, lang: { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? SANDBOX_DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Not a port: ${values.port}`);
  const scenario = scenarioNameSchema.safeParse(values.scenario ?? 'default');
  if (!scenario.success)
    throw new Error(`Unknown scenario ${values.scenario}; one of ${scenarioNameSchema.options.join(', ')}`);
  return { port, scenario: scenario.data, lang: values.lang };
}

function buildSandboxExtension(): void {
  console.log('Building the sandbox-mode Chrome extension…');
  const wxt = path.join(REPO_ROOT, 'node_modules/.bin/wxt');
  const result = spawnSync(wxt, ['build', '--mode', 'sandbox'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('wxt build --mode sandbox failed');
}

/** The console loads asynchronously inside its iframe: wait for its data, not just the page. */
async function waitForCreativeCloudView(page: Page): Promise<boolean> {
  const app = page.frameLocator('iframe');
  try {
    await app.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 10_000 });
    await app
      .locator('[aria-busy="true"], [role="progressbar"]')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  ensureBrowsers();
  buildSandboxExtension();

  const sandbox = await startSandbox({ port: options.port, scenario: options.scenario });
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const { context, serviceWorker } = await launchChromiumWithExtension({
    extensionDir: BUILD_DIRS.chromeSandbox,
    headless,
  });
  await writeExtensionEnvironment(serviceWorker, sandboxEnvironment(sandbox.apiBaseUrl));

  let closing = false;
  const shutDown = async (exitCode: number) => {
    if (closing) return;
    closing = true;
    console.log('\nClosing Chromium and the sandbox…');
    await context.close().catch(() => undefined);
    await sandbox.close();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutDown(0));
  process.on('SIGTERM', () => void shutDown(0));
  context.on('close', () => void shutDown(0));

  const settingsUrl = creativeCloudUrl(sandbox.shellUrl, SCENARIOS[options.scenario].aemOrg.tenant, options.lang);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(settingsUrl);

  console.log(`
Console sandbox   ${sandbox.shellUrl} (scenario ${options.scenario})
Settings > CC     ${settingsUrl}
IMS and API base  ${sandbox.apiBaseUrl}
Control API       ${sandbox.apiBaseUrl}/__sandbox/
Chromium          ${headless ? 'headless (no display found)' : 'headed'}, extension from ${BUILD_DIRS.chromeSandbox}`);

  if (headless) {
    const ready = await waitForCreativeCloudView(page);
    if (!ready) console.warn('The Creative Cloud view did not appear within 10 s; the screenshot shows what did.');
    mkdirSync(path.dirname(SCREENSHOT_PATH), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_PATH, fullPage: true });
    console.log(`Screenshot        ${SCREENSHOT_PATH}`);
  }
  console.log('\nRunning. Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
