import { type HistoryEntry, reportedBy } from './entry';

/** The switch history as files an admin can keep or open in a spreadsheet. */

export const HISTORY_CSV_COLUMNS = [
  'time',
  'userId',
  'aemOrgId',
  'aemOrgName',
  'authorHost',
  'fromId',
  'fromName',
  'toId',
  'toName',
  'result',
  'errorCode',
  'path',
  'reportedBy',
  'opId',
] as const;

/**
 * One CSV field (RFC 4180), always quoted, quotes doubled. Always: spreadsheets in locales whose
 * list separator is `;` (de, fr, sv) split an unquoted `Acme;=cmd|…` into a formula cell. A cell
 * a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) also gets a leading `'`
 * (OWASP's CSV-injection advice), since org names come from other people.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function row(entry: HistoryEntry): Record<(typeof HISTORY_CSV_COLUMNS)[number], string> {
  return {
    time: entry.time,
    userId: entry.userId,
    aemOrgId: entry.aemOrgId,
    aemOrgName: entry.aemOrgName,
    authorHost: entry.authorHost ?? '',
    fromId: entry.from?.id ?? '',
    fromName: entry.from?.name ?? '',
    toId: entry.to.id,
    toName: entry.to.name,
    result: entry.result,
    errorCode: entry.errorCode ?? '',
    path: entry.path,
    reportedBy: reportedBy(entry) ?? '',
    opId: entry.opId,
  };
}

export function historyToCsv(entries: readonly HistoryEntry[]): string {
  const lines = [
    HISTORY_CSV_COLUMNS.map(csvField).join(','),
    ...entries.map((entry) => {
      const values = row(entry);
      return HISTORY_CSV_COLUMNS.map((column) => csvField(values[column])).join(',');
    }),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Each entry as stored, plus `reportedBy` where it succeeded: `path` alone does not say that a
 * console-path success rests only on what the page showed.
 */
export function historyToJson(entries: readonly HistoryEntry[]): string {
  const files = entries.map((entry) => {
    const reporter = reportedBy(entry);
    return reporter ? { ...entry, reportedBy: reporter } : entry;
  });
  return `${JSON.stringify(files, null, 2)}\n`;
}

export type ResultFilter = 'all' | HistoryEntry['result'];

/** The table's filter: every word of `text` must appear in the entry's user, orgs or error code. */
export function filterHistory(entries: readonly HistoryEntry[], text: string, result: ResultFilter): HistoryEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (result !== 'all' && entry.result !== result) return false;
    const haystack = Object.values(row(entry)).join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
