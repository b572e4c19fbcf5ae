import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Build time only: Spectrum's token files are ~200 KB, the UI uses a few dozen variables.
 * `import 'virtual:spectrum-tokens/<name>.css'` (a stylesheet) or
 * `import tokens from 'virtual:spectrum-tokens/<name>'` (a string) gives exactly the
 * `--spectrum-*` variables that `<stylesDir>/<name>.css` uses, resolved to plain values,
 * for light and dark: the OS preference decides unless the host carries `data-theme`.
 * `virtual:spectrum-tokens/pages.css` does the same for the extension's own pages (popup,
 * options): the variables every stylesheet in `pageStylesDir` uses, on `:root`.
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

/** Where the variables live: a shadow host (the console UI) or a document root (extension pages). */
const SCOPES = {
  host: { base: ':host', dark: ':host([data-theme=dark])', auto: ':host(:not([data-theme=light]))' },
  root: { base: ':root', dark: ':root[data-theme=dark]', auto: ':root:not([data-theme=light])' },
} as const;

export function tokenCss(names: readonly string[], scope: keyof typeof SCOPES = 'host'): string {
  const selectors = SCOPES[scope];
  const { light, dark } = tokenFiles();
  const block = (pairs: [string, string][]) => pairs.map(([name, value]) => `${name}:${value}`).join(';');
  const lightValues = names.map((name): [string, string] => [name, resolveToken(name, light)]);
  const darkValues = names
    .map((name): [string, string] => [name, resolveToken(name, dark)])
    .filter(([name, value]) => value !== resolveToken(name, light));
  const darkBlock = `${block(darkValues)};color-scheme:dark`;
  return [
    `${selectors.base}{${block(lightValues)};color-scheme:light}`,
    `${selectors.dark}{${darkBlock}}`,
    `@media (prefers-color-scheme:dark){${selectors.auto}{${darkBlock}}}`,
  ].join('\n');
}

const PAGES_SHEET = 'pages';

export function spectrumTokens(options: { stylesDir: string; pageStylesDir: string }): Plugin {
  const sheetOf = (id: string) => id.slice(RESOLVED.length).replace(/\.css$/, '');
  return {
    name: 'spectrum-tokens',
    resolveId(id) {
      return id.startsWith(PREFIX) ? RESOLVED + id.slice(PREFIX.length) : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const isPages = sheetOf(id) === PAGES_SHEET;
      const sources = isPages
        ? readdirSync(options.pageStylesDir)
            .filter((file) => file.endsWith('.css'))
            .map((file) => join(options.pageStylesDir, file))
        : [join(options.stylesDir, `${sheetOf(id)}.css`)];
      for (const source of sources) this.addWatchFile(source);
      const used = usedTokens(sources.map((source) => readFileSync(source, 'utf8')).join('\n'));
      const css = tokenCss(used, isPages ? 'root' : 'host');
      return id.endsWith('.css') ? css : `export default ${JSON.stringify(css)};`;
    },
  };
}
