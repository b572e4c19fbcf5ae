import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILD_DIRS } from './support/paths';

/** Fails the whole run at once, with the fix, instead of every test timing out on a missing build. */
export default function requireSandboxBuild(): void {
  const manifest = path.join(BUILD_DIRS.chromeSandbox, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(
      `The sandbox-mode Chrome extension is not built (${manifest} is missing): run npm run build:sandbox`,
    );
  }
}
