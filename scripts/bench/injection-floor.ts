import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * The injection floor: a copy of a built extension whose console content script is empty. Same
 * manifest, matches, frames, run_at and worker; only our detector's code is gone. Loading the
 * console with it against loading it with no extension shows what the browser charges for
 * injecting any content script into every console frame, which no change to our code can remove.
 */
export async function emptyContentScriptCopy(buildDir: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'injection-floor-'));
  const dir = path.join(parent, path.basename(buildDir));
  await cp(buildDir, dir, { recursive: true });
  await writeFile(path.join(dir, 'content-scripts/console.js'), '(function(){})();\n');
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}
