import { describe, expect, it } from 'vitest';
import { reportToMarkdown } from '@/lib/diagnostics/markdown';
import { redact } from '@/lib/diagnostics/redact';
import type { DiagnosticsReport } from '@/lib/diagnostics/schemas';
import type { HistoryEntry } from '@/lib/history/entry';
import { historyToCsv } from '@/lib/history/export';
import { historyEntry } from '../support/history-entries';
import { matrixCaseStarted } from '../support/matrix';

// Attacks through data other people control (org names) or that slips into text the extension
// writes out (exports, the diagnostics report). Each is a case of the attack matrix.

const ACME = '0123456789ABCDEF01234567@AdobeOrg';
const hostileOrgName = "Acme;=cmd|' /C calc'!A0;";

const entry = (overrides: Partial<HistoryEntry> = {}) =>
  historyEntry({ to: { id: ACME, name: hostileOrgName }, ...overrides });

/**
 * How a spreadsheet in a locale whose list separator is `;` (de, fr, sv) reads a CSV file:
 * it splits on `;` outside quotes, and a quoted field is one cell.
 */
function spreadsheetCells(csv: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const char of csv) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === separator || char === '\n')) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

describe('the history export in a spreadsheet', () => {
  it.each([',', ';'])('runs no org name as a formula when the list separator is %j', (separator) => {
    const matrixCase = matrixCaseStarted('attack', `CSV export opened with "${separator}" as the separator`);
    const csv = historyToCsv([entry()]);
    const formulas = spreadsheetCells(csv, separator).filter((cell) => /^[=+\-@]/.test(cell));
    expect(formulas).toEqual([]);
    expect(csv).toContain(hostileOrgName);
    matrixCase.passed({ tokensFound: 0 });
  });
});

describe('redaction of secrets in the diagnostics report', () => {
  it.each([
    ['Basic credentials', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA'],
    ['a URL-encoded token', 'redirect=%2Fcb%3Faccess_token%3Dsbx_at_abc123XYZ', 'sbx_at_abc123XYZ'],
    ['a short opaque token with a tilde', 'token ab12Cd~efGh34ij', 'ab12Cd~efGh34ij'],
    ['a short opaque token with a dot', 'seen 1AbCdEf9x.qQ2zz in a log', '1AbCdEf9x.qQ2zz'],
    ['an authorization code in JSON', '{"code":"eu-c0de-Xy12","state":"s"}', 'eu-c0de-Xy12'],
  ])('removes %s', (name, text, secret) => {
    const matrixCase = matrixCaseStarted('attack', `diagnostics redaction: ${name}`);
    const redacted = redact(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('[redacted]');
    matrixCase.passed({ tokensFound: 0 });
  });

  it('keeps error codes, ids and host names support searches for', () => {
    const text = `{"code":"NOT_SIGNED_IN"} ${ACME} https://author-p12345-e123456-cm.adobeaemcloud.com`;
    expect(redact(text)).toBe(text);
  });
});

describe('the diagnostics report as Markdown', () => {
  const link = '[Click me](https://evil.example/steal)';
  const image = '![x](https://evil.example/pixel.png)';
  const report: DiagnosticsReport = {
    generatedAt: '2026-11-25T08:40:00.000Z',
    extensionVersion: '0.1.0',
    browser: { name: 'Chrome', version: '156' },
    environment: { name: 'production', imsBaseUrl: 'https://ims-na1.adobelogin.com', assetsBaseUrl: null },
    readOnly: false,
    signedIn: true,
    accountType: 'enterprise',
    policyProblems: [],
    consoles: [],
    lastErrors: [],
    history: [entry({ to: { id: ACME, name: link }, aemOrgName: image })],
  } as unknown as DiagnosticsReport;

  it('shows links and images in org names as text, never as markup', () => {
    const matrixCase = matrixCaseStarted('attack', 'org names with Markdown links and images in the report');
    const markdown = reportToMarkdown(report);
    expect(markdown).not.toContain(link);
    expect(markdown).not.toContain(image);
    expect(markdown).toContain('\\[Click me\\]\\(https://evil.example/steal\\)');
    expect(markdown).toContain('\\!\\[x\\]');
    matrixCase.passed({ tokensFound: 0 });
  });
});
