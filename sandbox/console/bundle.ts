import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The console's browser code, bundled once on first request and kept in memory. */
export const CONSOLE_ASSET_TYPES = {
  'shell.js': 'text/javascript; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
} as const;
export type ConsoleAssetName = keyof typeof CONSOLE_ASSET_TYPES;

const BROWSER_DIR = fileURLToPath(new URL('./browser/', import.meta.url));

let bundled: Promise<Map<string, string>> | undefined;

async function bundleConsole(): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: {
      shell: path.join(BROWSER_DIR, 'shell/main.ts'),
      app: path.join(BROWSER_DIR, 'app/main.ts'),
      console: path.join(BROWSER_DIR, 'console.css'),
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: 'console-assets',
    // Minified: the shared zod shapes pull in far more code than the pages use.
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    // The project's tsconfig is WXT's; the browser code needs none of its settings.
    tsconfigRaw: { compilerOptions: { strict: true } },
  });
  return new Map(result.outputFiles.map((file) => [path.basename(file.path), file.text]));
}

export async function consoleAsset(name: ConsoleAssetName): Promise<string> {
  // A failed build is not cached: fixing the source and reloading must work.
  bundled ??= bundleConsole().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  const asset = (await bundled).get(name);
  if (asset === undefined) throw new Error(`The console bundle has no ${name}`);
  return asset;
}

export function isConsoleAssetName(name: string): name is ConsoleAssetName {
  return Object.hasOwn(CONSOLE_ASSET_TYPES, name);
}
