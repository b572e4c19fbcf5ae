import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CONSOLE_CONTENT_SCRIPT_FILE, CONSOLE_UI_SCRIPT_FILE } from '../../lib/console-hosts';
import type { BundleName, SizeBudget } from './budgets';

/**
 * What each part of a built extension costs the browser to load: its entry file plus every
 * chunk it imports (popup and options share a chunk with Preact; each pays for it).
 */

export interface BundleSize extends SizeBudget {
  files: string[];
}

const CHUNK_IMPORT = /(?:from|import)\s*["']\.{1,2}\/(?:chunks\/)?([\w.-]+\.js)["']/g;

function withImports(dir: string, entry: string): string[] {
  const files = new Set<string>();
  const visit = (relative: string) => {
    if (files.has(relative)) return;
    files.add(relative);
    const code = readFileSync(path.join(dir, relative), 'utf8');
    for (const match of code.matchAll(CHUNK_IMPORT)) visit(path.posix.join('chunks', match[1] ?? ''));
  };
  visit(entry);
  return [...files];
}

/** The module scripts an HTML page loads (WXT writes `<script type="module" src="/chunks/…">`). */
function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(path.join(dir, page), 'utf8');
  const sources = [...html.matchAll(/<script[^>]+src="\/?([^"]+)"/g)].map((match) => match[1] ?? '');
  return sources.flatMap((source) => withImports(dir, source));
}

function measure(dir: string, files: string[]): BundleSize {
  const bytes = Buffer.concat(files.map((file) => readFileSync(path.join(dir, file))));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, files };
}

/** Sizes of every budgeted bundle in one build directory (`.output/chrome-mv3`, …). */
export function bundleSizes(dir: string): Record<BundleName, BundleSize> {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${dir} has no build: run npm run build first`);
  }
  const contentDir = path.join(dir, 'content-scripts');
  const cssFiles = readdirSync(contentDir)
    .filter((file) => file.endsWith('.css'))
    .map((file) => path.posix.join('content-scripts', file));
  return {
    detector: measure(dir, [CONSOLE_CONTENT_SCRIPT_FILE]),
    consoleUi: measure(dir, [CONSOLE_UI_SCRIPT_FILE]),
    consoleUiCss: measure(dir, cssFiles),
    worker: measure(dir, withImports(dir, 'background.js')),
    popup: measure(dir, pageScripts(dir, 'popup.html')),
    options: measure(dir, pageScripts(dir, 'options.html')),
  };
}
