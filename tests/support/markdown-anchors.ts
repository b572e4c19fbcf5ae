import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Markdown headings and the anchors GitHub gives them, and the references the repository makes
 * to them, so a test can tell when a comment or a link names a section that is gone.
 */

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

export interface Heading {
  text: string;
  slug: string;
}

/** The headings of a Markdown text (not those inside code fences), with GitHub's anchors (`-1`, `-2` for repeats). */
export function headingsOf(markdown: string): Heading[] {
  const seen = new Map<string, number>();
  const headings: Heading[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match?.[1]) continue;
    const base = headingSlug(match[1]);
    const repeats = seen.get(base) ?? 0;
    seen.set(base, repeats + 1);
    headings.push({ text: match[1], slug: repeats === 0 ? base : `${base}-${repeats}` });
  }
  return headings;
}

export interface SectionReference {
  file: string;
  line: number;
  /** What the reference names: an anchor (`the-switch-step-by-step`) or a heading's text. */
  target: string;
}

/**
 * References to ARCHITECTURE.md's sections in a text: `ARCHITECTURE.md#<anchor>` (also inside a
 * Markdown link) and `ARCHITECTURE §"<heading>"` or `ARCHITECTURE §<anchor>`.
 */
export function architectureReferencesIn(file: string, text: string): SectionReference[] {
  const references: SectionReference[] = [];
  text.split('\n').forEach((content, index) => {
    for (const match of content.matchAll(/ARCHITECTURE\.md#([\p{L}\p{N}_-]+)/gu))
      references.push({ file, line: index + 1, target: match[1] ?? '' });
    for (const match of content.matchAll(/ARCHITECTURE §\s*(?:"([^"]+)"|([\p{L}\p{N}_-]*))/gu))
      references.push({ file, line: index + 1, target: match[1] ?? match[2] ?? '' });
  });
  return references;
}

/** Whether a reference's target is one of the headings (by anchor, or by the heading's exact text). */
export function resolves(target: string, headings: readonly Heading[]): boolean {
  return headings.some((heading) => heading.slug === target || heading.text === target);
}

const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '.output',
  '.wxt',
  '.git',
  'test-results',
  'bench-results',
  'playwright-report',
]);

/** The repository's own source and documentation files (relative paths), generated and installed ones left out. */
export function repositoryTextFiles(root: string, extensions = ['.ts', '.tsx', '.md', '.css', '.json']): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(path.join(root, directory), { withFileTypes: true })) {
      const relative = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(relative);
      } else if (extensions.some((extension) => entry.name.endsWith(extension))) {
        found.push(relative);
      }
    }
  };
  walk('');
  return found.filter((file) => file !== 'package-lock.json');
}

export interface MarkdownLink {
  file: string;
  line: number;
  /** The linked Markdown file, relative to the repository root. */
  linkedFile: string;
  anchor: string;
}

/** `[text](relative/file.md#anchor)` links in a Markdown file, their paths resolved from the repository root. */
export function markdownAnchorLinks(file: string, text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  text.split('\n').forEach((content, index) => {
    for (const match of content.matchAll(/\]\(([^)#\s]*\.md)?#([^)\s]+)\)/g)) {
      const linkedFile = match[1] ? path.join(path.dirname(file), match[1]) : file;
      links.push({ file, line: index + 1, linkedFile, anchor: match[2] ?? '' });
    }
  });
  return links;
}

export function readRepoFile(root: string, file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}
