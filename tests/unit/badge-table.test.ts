import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BADGE_TABLE, BADGES, badgesOf } from '@/lib/entitlement/badges';
import { badgeSchema } from '@/lib/entitlement/schemas';
import en from '@/locales/en.json';

const doc = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the badge table, the one place a badge is defined', () => {
  it('gives every badge one row, and the schema accepts exactly those badges in that order', () => {
    expect(new Set(BADGES).size).toBe(BADGE_TABLE.length);
    expect(badgeSchema.options).toEqual(BADGES);
  });

  it('shows badges in the table order, whatever order the rules hold', () => {
    const everything = {
      connected: true,
      ccEntitlement: 'unknown',
      express: 'active',
      libraries: 'unknown',
      blockedByPolicy: true,
    } as const;
    expect(badgesOf(everything, { isAssetsAdmin: 'met', sameUserId: 'unmet' })).toEqual([
      'connected',
      'ccUnknown',
      'express',
      'librariesUnknown',
      'differentUserId',
      'blockedByPolicy',
    ]);
  });

  it.each(['README.md', 'docs/ARCHITECTURE.md'])('is listed whole, by its English labels, in %s', (path) => {
    const text = doc(path);
    const missing = BADGE_TABLE.map((row) => en[row.label]).filter((label) => !text.includes(`\`${label}\``));
    expect(missing).toEqual([]);
  });
});
