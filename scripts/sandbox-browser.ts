import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { ScenarioName } from '../sandbox/scenarios';
import { type RunningSandbox, startSandbox } from '../sandbox/server';
import { type LaunchedExtension, launchChromiumWithExtension } from '../tests/e2e/support/chromium';
import { sandboxEnvironment, writeExtensionEnvironment } from '../tests/e2e/support/extension-environment';
import { BUILD_DIRS, REPO_ROOT } from '../tests/e2e/support/paths';

/** What `npm start` and `npm run screenshots` share: the sandbox build, the sandbox, Chromium with the extension. */

export function buildSandboxExtension(): void {
  console.log('Building the sandbox-mode Chrome extension…');
  const wxt = path.join(REPO_ROOT, 'node_modules/.bin/wxt');
  const result = spawnSync(wxt, ['build', '--mode', 'sandbox'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('wxt build --mode sandbox failed');
}

export interface SandboxBrowser extends LaunchedExtension {
  sandbox: RunningSandbox;
}

/** Starts the sandbox and Debian's Chromium with the sandbox build, pointed at that sandbox. */
export async function openSandboxBrowser(options: {
  port: number;
  scenario: ScenarioName;
  headless: boolean;
}): Promise<SandboxBrowser> {
  const sandbox = await startSandbox({ port: options.port, scenario: options.scenario });
  const launched = await launchChromiumWithExtension({
    extensionDir: BUILD_DIRS.chromeSandbox,
    headless: options.headless,
  });
  await writeExtensionEnvironment(launched.serviceWorker, sandboxEnvironment(sandbox.apiBaseUrl));
  return { ...launched, sandbox };
}
