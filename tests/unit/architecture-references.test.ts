import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../e2e/support/paths';
import {
  architectureReferencesIn,
  headingSlug,
  headingsOf,
  markdownAnchorLinks,
  readRepoFile,
  repositoryTextFiles,
  resolves,
} from '../support/markdown-anchors';

// Comments explain a design choice by pointing at docs/ARCHITECTURE.md. A pointer to a section
// that was renamed or never written sends the next engineer nowhere, so every one must resolve.

const ARCHITECTURE = 'docs/ARCHITECTURE.md';
// This test and its helper spell out the reference forms, so they are not references themselves.
const SELF = [path.relative(REPO_ROOT, import.meta.filename), 'tests/support/markdown-anchors.ts'];
const files = repositoryTextFiles(REPO_ROOT).filter((file) => !SELF.includes(file));
const architectureHeadings = headingsOf(readRepoFile(REPO_ROOT, ARCHITECTURE));

describe('references to docs/ARCHITECTURE.md', () => {
  const references = files.flatMap((file) => architectureReferencesIn(file, readRepoFile(REPO_ROOT, file)));

  it('are made from the code (the design is cited where it applies)', () => {
    expect(references.filter((reference) => /\.(ts|tsx)$/.test(reference.file)).length).toBeGreaterThan(10);
  });

  it('each name a heading the document has', () => {
    const broken = references.filter((reference) => !resolves(reference.target, architectureHeadings));
    expect(broken.map((reference) => `${reference.file}:${reference.line} → ${reference.target}`)).toEqual([]);
  });

  it('replace the design document and issue sections that are not in the repository', () => {
    const outside = files.flatMap((file) =>
      readRepoFile(REPO_ROOT, file)
        .split('\n')
        .flatMap((line, index) => (/DESIGN(\.md)? §|\bissue 6[ab]\b/i.test(line) ? [`${file}:${index + 1}`] : [])),
    );
    expect(outside).toEqual([]);
  });

  it('finds a reference to a missing section, in either form', () => {
    const text = [
      `// the switch (${'ARCHITECTURE'}.md#the-switch-step-by-step)`,
      `// gone (${'ARCHITECTURE'}.md#no-such-section)`,
      `// ${'ARCHITECTURE'} §"Budgets" and ${'ARCHITECTURE'} §"Fairy tales"`,
    ].join('\n');
    const unresolved = architectureReferencesIn('example.ts', text).filter(
      (reference) => !resolves(reference.target, architectureHeadings),
    );
    expect(unresolved.map((reference) => reference.target)).toEqual(['no-such-section', 'Fairy tales']);
  });
});

describe('Markdown links to a section of another document', () => {
  const markdownFiles = files.filter((file) => file.endsWith('.md'));

  it('each land on a file and a heading that exist', () => {
    const links = markdownFiles.flatMap((file) => markdownAnchorLinks(file, readRepoFile(REPO_ROOT, file)));
    expect(links.length).toBeGreaterThan(5);
    const broken = links.filter(
      (link) =>
        !existsSync(path.join(REPO_ROOT, link.linkedFile)) ||
        !headingsOf(readRepoFile(REPO_ROOT, link.linkedFile)).some((heading) => heading.slug === link.anchor),
    );
    expect(broken.map((link) => `${link.file}:${link.line} → ${link.linkedFile}#${link.anchor}`)).toEqual([]);
  });
});

describe("GitHub's heading anchors", () => {
  it('drop punctuation and join words with hyphens', () => {
    expect(headingSlug('The switch, step by step')).toBe('the-switch-step-by-step');
    expect(headingSlug('`npm start` and `npm test`')).toBe('npm-start-and-npm-test');
  });

  it('number repeated headings and ignore code fences', () => {
    const headings = headingsOf('# A\n```sh\n# not a heading\n```\n## A\n');
    expect(headings.map((heading) => heading.slug)).toEqual(['a', 'a-1']);
  });
});

describe('file paths the documentation names', () => {
  // A renamed module leaves the docs pointing at a file that is gone; a newcomer following
  // them finds nothing. Every `lib/…`-style path in backticks must exist (globs and
  // placeholders like `<version>` are not paths).
  const PATH_IN_BACKTICKS =
    /`((?:lib|components|entrypoints|scripts|tests|sandbox|docs|public|locales)\/[^`\s*<>:]*)`/g;
  const pathsIn = (file: string) =>
    readRepoFile(REPO_ROOT, file)
      .split('\n')
      .flatMap((line, index) =>
        [...line.matchAll(PATH_IN_BACKTICKS)].map((match) => ({
          where: `${file}:${index + 1}`,
          target: (match[1] ?? '').replace(/\/$/, '').split('#')[0] ?? '',
        })),
      );
  const named = files.filter((file) => file.endsWith('.md')).flatMap(pathsIn);

  it('exist in the repository', () => {
    expect(named.length).toBeGreaterThan(50);
    const missing = named.filter(({ target }) => !existsSync(path.join(REPO_ROOT, target)));
    expect(missing.map(({ where, target }) => `${where} → ${target}`)).toEqual([]);
  });

  // A module named without its folder (`schemas.ts`) must still be some file of the repository.
  it('name modules that exist, even without their folder', () => {
    const basenames = new Set(files.map((file) => path.basename(file)));
    const bare = files
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) =>
        [...readRepoFile(REPO_ROOT, file).matchAll(/`([\w.-]+\.tsx?)`/g)].map((match) => ({
          file,
          name: match[1] ?? '',
        })),
      );
    expect(bare.length).toBeGreaterThan(5);
    expect(bare.filter(({ name }) => !basenames.has(name)).map(({ file, name }) => `${file} → ${name}`)).toEqual([]);
  });
});
