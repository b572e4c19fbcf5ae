import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMatrixSummary } from '../support/matrix';

function summaryOf(lines: unknown[]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'matrix-')), 'matrix.jsonl');
  writeFileSync(file, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n'));
  return readMatrixSummary(file);
}

describe('the reliability and security matrix summary', () => {
  it('counts a case that started but never passed as tried and failed', () => {
    const summary = summaryOf([
      { event: 'tried', kind: 'fault', runner: 'chromium', name: 'PUT 503' },
      { event: 'tried', kind: 'fault', runner: 'chromium', name: 'PUT dropped' },
      {
        event: 'passed',
        kind: 'fault',
        runner: 'chromium',
        name: 'PUT 503',
        figures: { intendedSwitches: 1, appliedSwitches: 1 },
      },
    ]);
    expect(summary?.fault).toEqual({ tried: 2, passed: 1 });
    expect(summary?.appliedSwitches).toBe(1);
    expect(summary?.intendedSwitches).toBe(1);
  });

  it('adds up tokens found and keeps fault and attack cases apart', () => {
    const summary = summaryOf([
      { event: 'tried', kind: 'attack', runner: 'node', name: 'scan DOM' },
      { event: 'passed', kind: 'attack', runner: 'node', name: 'scan DOM', figures: { tokensFound: 2 } },
    ]);
    expect(summary?.attack).toEqual({ tried: 1, passed: 1 });
    expect(summary?.fault).toEqual({ tried: 0, passed: 0 });
    expect(summary?.tokensFound).toBe(2);
  });

  it('counts the same case in two browsers as two cases, and each browser apart', () => {
    const summary = summaryOf([
      { event: 'tried', kind: 'fault', runner: 'chromium', name: '429 on the PUT' },
      { event: 'passed', kind: 'fault', runner: 'chromium', name: '429 on the PUT', figures: {} },
      { event: 'tried', kind: 'fault', runner: 'firefox', name: '429 on the PUT' },
    ]);
    expect(summary?.fault).toEqual({ tried: 2, passed: 1 });
    expect(summary?.byRunner).toEqual({
      chromium: { fault: { tried: 1, passed: 1 }, attack: { tried: 0, passed: 0 } },
      firefox: { fault: { tried: 1, passed: 0 }, attack: { tried: 0, passed: 0 } },
    });
  });

  it('reports a line without its runner as unreadable', () => {
    expect(summaryOf([{ event: 'tried', kind: 'fault', name: 'PUT 503' }])?.unreadableLines).toBe(1);
  });

  it('reports unreadable lines instead of skipping them silently', () => {
    const summary = summaryOf(['{not json', { event: 'passed', kind: 'fault' }]);
    expect(summary?.unreadableLines).toBe(2);
  });

  it('says there is no matrix when no case ran', () => {
    expect(readMatrixSummary(path.join(tmpdir(), 'no-such-dir', 'matrix.jsonl'))).toBeUndefined();
  });
});
