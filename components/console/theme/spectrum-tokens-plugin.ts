import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Build time only: Spectrum's token files are ~200 KB, the UI uses a few dozen variables.
 * `import 'virtual:spectrum-tokens/<name>.css'` (a stylesheet) or
 * `import tokens from 'virtual:spectrum-tokens/<name>'` (a string) gives exactly the
 * `--spectrum-*` variables that `<stylesDir>/<name>.css` uses, resolved to plain values,
 * for light and dark: the OS preference decides unless the host carries `data-theme`.
 */
const PREFIX = 'virtual:spectrum-tokens/';
const RESOLVED = '\0spectrum-tokens:';
const DECLARATION = /(--spectrum-[\w-]+)\s*:\s*([^;]+);/g;
const REFERENCE = /var\((--spectrum-[\w-]+)\s*(?:,[^)]*)?\)/g;

type TokenMap = Map<string, string>;

function readTokens(file: string): TokenMap {
  const text = readFileSync(file, 'utf8');
  return new Map([...text.matchAll(DECLARATION)].map((match) => [match[1] ?? '', (match[2] ?? '').trim()]));
}

function tokenFiles() {
  const dir = join(dirname(createRequire(import.meta.url).resolve('@spectrum-css/tokens/package.json')), 'dist/css');
  const base = [readTokens(join(dir, 'global-vars.css')), readTokens(join(dir, 'medium-vars.css'))];
  return {
    light: [readTokens(join(dir, 'light-vars.css')), ...base],
    dark: [readTokens(join(dir, 'dark-vars.css')), ...base],
  };
}

function resolveToken(name: string, layers: TokenMap[], seen = new Set<string>()): string {
  if (seen.has(name)) throw new Error(`Spectrum token cycle at ${name}`);
  const raw = layers.map((layer) => layer.get(name)).find((value) => value !== undefined);
  if (raw === undefined) throw new Error(`Unknown Spectrum token ${name}`);
  return raw.replace(REFERENCE, (_, inner: string) => resolveToken(inner, layers, new Set([...seen, name])));
}

export function usedTokens(css: string): string[] {
  return [...new Set([...css.matchAll(REFERENCE)].map((match) => match[1] ?? ''))].sort();
}

export function tokenCss(names: readonly string[]): string {
  const { light, dark } = tokenFiles();
  const block = (pairs: [string, string][]) => pairs.map(([name, value]) => `${name}:${value}`).join(';');
  const lightValues = names.map((name): [string, string] => [name, resolveToken(name, light)]);
  const darkValues = names
    .map((name): [string, string] => [name, resolveToken(name, dark)])
    .filter(([name, value]) => value !== resolveToken(name, light));
  const darkBlock = `${block(darkValues)};color-scheme:dark`;
  return [
    `:host{${block(lightValues)};color-scheme:light}`,
    `:host([data-theme=dark]){${darkBlock}}`,
    `@media (prefers-color-scheme:dark){:host(:not([data-theme=light])){${darkBlock}}}`,
  ].join('\n');
}

export function spectrumTokens(options: { stylesDir: string }): Plugin {
  const sheetOf = (id: string) => id.slice(RESOLVED.length).replace(/\.css$/, '');
  return {
    name: 'spectrum-tokens',
    resolveId(id) {
      return id.startsWith(PREFIX) ? RESOLVED + id.slice(PREFIX.length) : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const source = join(options.stylesDir, `${sheetOf(id)}.css`);
      this.addWatchFile(source);
      const css = tokenCss(usedTokens(readFileSync(source, 'utf8')));
      return id.endsWith('.css') ? css : `export default ${JSON.stringify(css)};`;
    },
  };
}
