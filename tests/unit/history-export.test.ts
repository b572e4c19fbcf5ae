import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@/lib/history/entry';
import { csvField, filterHistory, HISTORY_CSV_COLUMNS, historyToCsv, historyToJson } from '@/lib/history/export';
import { parseCsv } from '../support/csv';
import { historyEntry } from '../support/history-entries';

const ACME = 'AAAAAAAAAAAAAAAAAAAAAAAA@AdobeOrg';
const BETA = 'BBBBBBBBBBBBBBBBBBBBBBBB@AdobeOrg';

const entry = (overrides: Partial<HistoryEntry> = {}) =>
  historyEntry({
    userId: 'A1B2C3D4@AdobeID',
    aemOrgId: ACME,
    from: { id: ACME, name: 'Acme' },
    to: { id: BETA, name: 'Beta' },
    ...overrides,
  });

describe('CSV export of the history', () => {
  it('has a header and one row per switch, with an empty "from" for a first connection', () => {
    const rows = parseCsv(
      historyToCsv([
        entry(),
        entry({
          from: null,
          result: 'failed',
          errorCode: 'CONNECTION_CHANGED',
          path: 'console',
          authorHost: 'author-p1-e2.adobeaemcloud.com',
        }),
      ]),
    );
    expect(rows[0]).toEqual([...HISTORY_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual([
      '2026-11-25T08:40:00.000Z',
      'A1B2C3D4@AdobeID',
      ACME,
      'Acme',
      'author-p1-e2.adobeaemcloud.com',
      '',
      '',
      BETA,
      'Beta',
      'failed',
      'CONNECTION_CHANGED',
      'console',
      '',
      '3f1c2a9e-4b7d-4c1e-9a2b-6d8e0f1a2b3c',
    ]);
  });

  it('quotes commas, quotes and line breaks so every org name reads back exactly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const [, row] = parseCsv(historyToCsv([entry({ aemOrgName: name })]));
        const read = row?.[HISTORY_CSV_COLUMNS.indexOf('aemOrgName')] ?? '';
        // Formula-looking cells come back with the leading apostrophe that defuses them.
        expect(read).toBe(/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2', `"'-2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['Acme, Inc.', '"Acme, Inc."'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ["Acme;=cmd|' /C calc'!A0;", `"Acme;=cmd|' /C calc'!A0;"`],
    ['Acme', '"Acme"'],
  ])('writes %j as %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});

describe('who reported a switch, in the CSV', () => {
  const reporterOf = (item: HistoryEntry) => {
    const [, row] = parseCsv(historyToCsv([item]));
    return row?.[HISTORY_CSV_COLUMNS.indexOf('reportedBy')];
  };

  it('names the console for a success through the console page, the Assets API otherwise, nobody for a failure', () => {
    expect(reporterOf(entry({ path: 'console' }))).toBe('console');
    expect(reporterOf(entry({ path: 'api' }))).toBe('assets-api');
    expect(reporterOf(entry({ path: 'console', result: 'failed', errorCode: 'CONSOLE_REFUSED' }))).toBe('');
  });
});

describe('JSON export of the history', () => {
  it('is the entries themselves, readable back, each success naming who reported it', () => {
    const entries = [entry(), entry({ result: 'failed', errorCode: 'NETWORK' })];
    expect(JSON.parse(historyToJson(entries))).toEqual([{ ...entries[0], reportedBy: 'assets-api' }, entries[1]]);
  });

  it('says a success through the console page was reported by the console, not by the Assets API', () => {
    const [exported] = JSON.parse(historyToJson([entry({ path: 'console' })]));
    expect(exported).toMatchObject({ result: 'success', path: 'console', reportedBy: 'console' });
  });
});

describe('filtering the history', () => {
  const entries = [
    entry({ opId: '1', to: { id: BETA, name: 'Beta Studio' } }),
    entry({ opId: '2', result: 'failed', errorCode: 'NOT_ELIGIBLE', aemOrgName: 'Globex' }),
    entry({ opId: '3', userId: 'FFFF@AdobeID' }),
  ];
  const ids = (list: HistoryEntry[]) => list.map((item) => item.opId);

  it('matches every word, case-insensitively, in users, orgs and error codes', () => {
    expect(ids(filterHistory(entries, 'beta STUDIO', 'all'))).toEqual(['1']);
    expect(ids(filterHistory(entries, 'not_eligible', 'all'))).toEqual(['2']);
    expect(ids(filterHistory(entries, 'ffff', 'all'))).toEqual(['3']);
    expect(ids(filterHistory(entries, '  ', 'all'))).toEqual(['1', '2', '3']);
  });

  it('filters by result', () => {
    expect(ids(filterHistory(entries, '', 'failed'))).toEqual(['2']);
    expect(ids(filterHistory(entries, '', 'success'))).toEqual(['1', '3']);
    expect(ids(filterHistory(entries, 'globex', 'success'))).toEqual([]);
  });
});
