import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, readSource, resolveSpecifier, sourceFiles } from '../support/imports';

// The layers: lib/ is the extension's logic (worker, page runtime, schemas) and knows nothing of
// the Preact UI in components/; the UI and the entry points build on lib/, never the other way.
// A lib/ module that needs something of the UI declares the shape it needs and is handed it.
// Inside lib/, the worker's own modules (lib/worker/) build on the rest, never the other way.

const inside = (target: string | undefined, folder: string) =>
  target !== undefined && (target === folder || target.startsWith(`${folder}${path.sep}`));

/** `file imports specifier` for every import in `dir` of a module inside `forbidden`. */
function importsInto(dir: string, forbidden: string): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importSpecifiers(readSource(file))
      .filter((specifier) => inside(resolveSpecifier(file, specifier), path.normalize(forbidden)))
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

describe('layers', () => {
  it('finds an import of components/ in every form a lib/ module could write it', () => {
    const source = [
      "import { mountConsoleUi } from '@/components/console/mount';",
      "import type { ConsoleUi } from '../../components/console/mount';",
      "export { Dialog } from '~/components/shared/Dialog';",
      "const lazy = await import('../../components/console/Badges');",
      "import '@/components/console/styles/console.css';",
      "import { z } from 'zod/mini';",
      "import { resolveLocale } from '../i18n';",
    ].join('\n');
    const hits = importSpecifiers(source).filter((specifier) =>
      inside(resolveSpecifier('lib/console-page/x.ts', specifier), 'components'),
    );
    expect(hits).toEqual([
      '@/components/console/mount',
      '../../components/console/mount',
      '~/components/shared/Dialog',
      '../../components/console/Badges',
      '@/components/console/styles/console.css',
    ]);
  });

  it('lib/ never imports components/', () => {
    expect(sourceFiles('lib').length).toBeGreaterThan(50);
    expect(importsInto('lib', 'components')).toEqual([]);
  });

  it('only the worker imports lib/worker/: settings, policy and the page runtime sit below it', () => {
    const outside = sourceFiles('lib').filter((file) => !inside(file, path.normalize('lib/worker')));
    expect(outside.length).toBeGreaterThan(50);
    const hits = outside.flatMap((file) =>
      importSpecifiers(readSource(file))
        .filter((specifier) => inside(resolveSpecifier(file, specifier), path.normalize('lib/worker')))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(hits).toEqual([]);
  });

  it('the console UI, the popup and the options page share UI pieces only through components/shared/', () => {
    const surfaces = ['components/console', 'components/popup', 'components/options'];
    const crossings = surfaces.flatMap((dir) =>
      surfaces.filter((other) => other !== dir).flatMap((other) => importsInto(dir, other)),
    );
    expect(crossings).toEqual([]);
  });

  it('build-time code (scripts/) stays out of what the extension runs', () => {
    expect(['lib', 'components', 'entrypoints'].flatMap((dir) => importsInto(dir, 'scripts'))).toEqual([]);
  });
});
