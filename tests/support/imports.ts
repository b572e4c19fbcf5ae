import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's imports as text: every module specifier of a source file, resolved to the
 * project file it names. Type-only imports count: two files that need each other's types are
 * still two files a reader cannot understand one at a time. For the layers and import-cycle tests.
 */

export const ROOT = path.resolve(__dirname, '../..');

/** WXT's path aliases, all of which point at the project root. */
const ROOT_ALIASES = ['@/', '~/', '@@/', '~~/'];

/** Every module specifier in a source file: static imports and re-exports, dynamic imports. */
export function importSpecifiers(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return Array.from(source.matchAll(pattern), (match) => match[1] ?? '');
}

/** The project-relative path a specifier in `file` points to, or undefined for a package. */
export function resolveSpecifier(file: string, specifier: string): string | undefined {
  const alias = ROOT_ALIASES.find((prefix) => specifier.startsWith(prefix));
  if (alias) return path.normalize(specifier.slice(alias.length));
  if (specifier.startsWith('.'))
    return path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), specifier));
  return undefined;
}

const MODULE_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The source file a resolved specifier loads, as the bundler would pick it; undefined for assets. */
export function moduleFile(target: string): string | undefined {
  return MODULE_SUFFIXES.map((suffix) => `${target}${suffix}`).find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate)),
  );
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.join(dir, file));
}

export const readSource = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** File → the project files it imports. */
export function importGraph(dirs: readonly string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of dirs.flatMap(sourceFiles)) {
    const targets = importSpecifiers(readSource(file))
      .map((specifier) => resolveSpecifier(file, specifier))
      .map((target) => target && moduleFile(target))
      .filter((target): target is string => target !== undefined);
    graph.set(file, new Set(targets));
  }
  return graph;
}

/** The import cycles of a graph: each strongly connected group of two or more files (Tarjan). */
export function importCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(file, Math.min(lowLink.get(file) ?? 0, lowLink.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowLink.set(file, Math.min(lowLink.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1 || graph.get(file)?.has(file)) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
