import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/imports';

// No two files of the project need each other, directly or round a circle: a shared module below
// both, or a callback passed in, keeps every file readable on its own (CONTRIBUTING.md#working-on-the-code).
// A small check over the import statements rather than a dependency tool: it counts type-only
// imports (which bundler-based graphs drop) and needs no TypeScript compiler API.

const PROJECT = ['lib', 'components', 'entrypoints', 'sandbox', 'scripts', 'tests'];

describe('import cycles', () => {
  it('finds a circle of three, a pair and a file importing itself, and nothing in a line', () => {
    const graph = new Map<string, Set<string>>([
      ['a.ts', new Set(['b.ts'])],
      ['b.ts', new Set(['c.ts'])],
      ['c.ts', new Set(['a.ts', 'd.ts'])],
      ['d.ts', new Set(['e.ts'])],
      ['e.ts', new Set(['d.ts'])],
      ['f.ts', new Set(['f.ts'])],
      ['g.ts', new Set(['a.ts'])],
    ]);
    expect(importCycles(graph)).toEqual([['d.ts', 'e.ts'], ['a.ts', 'b.ts', 'c.ts'], ['f.ts']]);
  });

  it('none in the project', () => {
    const graph = importGraph(PROJECT);
    expect(graph.size).toBeGreaterThan(300);
    expect([...graph.values()].reduce((edges, targets) => edges + targets.size, 0)).toBeGreaterThan(800);
    expect(importCycles(graph)).toEqual([]);
  });
});
