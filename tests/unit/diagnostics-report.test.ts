import { describe, expect, it } from 'vitest';
import { reportToMarkdown } from '@/lib/diagnostics/markdown';
import {
  browserFromUserAgent,
  buildDiagnosticsReport,
  REPORT_HISTORY_ENTRIES,
  REPORT_ORGS_PER_CONSOLE,
  type ReportInput,
} from '@/lib/diagnostics/report';
import { diagnosticsReportSchema } from '@/lib/diagnostics/schemas';
import { buildEntitlementModel, summarize } from '@/lib/entitlement/model';
import type { HistoryEntry } from '@/lib/history/entry';
import type { ConsoleState } from '@/lib/messaging/contract';
import { ACME, BETA, consoleInput, org } from './entitlement-fixtures';

const EMAIL = 'kim.admin@example.com';
const SECRET = 'at_9f8e7d6c5b4a39281706f5e4d3c2b1a0ZYXWVUTSRQ';

function signedInState(organizations = consoleInput().organizations): ConsoleState {
  const model = buildEntitlementModel(consoleInput({ organizations }));
  return {
    signedIn: true,
    identity: { userId: 'A1B2C3D4@AdobeID', name: 'Kim Admin', email: EMAIL, accountType: 'enterprise' },
    aemOrg: { status: 'resolved', org: { id: ACME, name: 'Acme' } },
    console: {
      connection: {
        connectedOrg: { id: BETA, name: 'Beta' },
        updatedAt: '2026-11-01T10:42:00Z',
        updatedBy: 'X@AdobeID',
      },
      consoleUserId: 'A1B2C3D4@AdobeID',
      switchPath: 'api',
      model,
      summary: summarize(model),
      readOnly: false,
      fetchedAt: 0,
    },
  };
}

const historyEntry = (index: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  opId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
  time: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString(),
  userId: 'A1B2C3D4@AdobeID',
  aemOrgId: ACME,
  aemOrgName: 'Acme',
  from: { id: BETA, name: 'Beta' },
  to: { id: ACME, name: 'Acme' },
  result: 'success',
  path: 'api',
  ...overrides,
});

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    now: new Date('2026-11-25T08:40:00Z'),
    extensionVersion: '1.2.3',
    browser: { name: 'Chrome', version: '131.0.0.0' },
    environment: {
      name: 'sandbox',
      endpoints: { imsBaseUrl: 'http://127.0.0.1:4870', assetsBaseUrl: 'http://127.0.0.1:4870' },
      setByPolicy: false,
    },
    readOnly: true,
    signedIn: true,
    policyProblems: [],
    consoles: [{ tenant: 'acme', state: signedInState() }],
    lastErrors: [{ code: 'NETWORK', time: '2026-11-25T08:39:00.000Z', request: 'getConsoleState' }],
    history: Array.from({ length: 25 }, (_, index) => historyEntry(index)),
    ...overrides,
  };
}

describe('the diagnostics report', () => {
  it('holds what support asks for, in the contract shape', () => {
    const report = diagnosticsReportSchema.parse(buildDiagnosticsReport(input()));

    expect(report).toMatchObject({
      extensionVersion: '1.2.3',
      browser: { name: 'Chrome', version: '131.0.0.0' },
      environment: { name: 'sandbox', imsBaseUrl: 'http://127.0.0.1:4870' },
      readOnly: true,
      signedIn: true,
      accountType: 'enterprise',
      lastErrors: [{ code: 'NETWORK', request: 'getConsoleState' }],
    });
    expect(report.consoles).toEqual([
      expect.objectContaining({
        tenant: 'acme',
        aemOrg: { id: ACME, name: 'Acme' },
        connectedOrg: { id: BETA, name: 'Beta' },
        isAssetsAdmin: true,
        entitlementSources: { productContexts: 'answered', serviceAccounts: 'missing', accessProfile: 'answered' },
        individualCreativeCloud: 'unknown',
        summary: { total: 4, eligible: 2, ccActive: 2, blockedByPolicy: 0 },
      }),
    ]);
    expect(report.consoles[0]?.orgs.find((entry) => entry.id === ACME)).toMatchObject({ eligible: true });
  });

  it('lists the last 20 switches, newest first', () => {
    const report = buildDiagnosticsReport(input());
    expect(report.history).toHaveLength(REPORT_HISTORY_ENTRIES);
    expect(report.history[0]?.opId).toBe(historyEntry(0).opId);
  });

  it('says a success through the console page was reported by the console, in Markdown', () => {
    const report = buildDiagnosticsReport(
      input({ history: [historyEntry(0, { path: 'console' }), historyEntry(1, { path: 'api' })] }),
    );
    const rows = reportToMarkdown(report)
      .split('\n')
      .filter((line) => line.includes(historyEntry(0).time) || line.includes(historyEntry(1).time));
    expect(rows[0]).toContain('| success (reported by the console) |');
    expect(rows[1]).toContain('| success |');
  });

  it('carries neither the e-mail nor the name of the signed-in user, in JSON or Markdown', () => {
    const report = buildDiagnosticsReport(input());
    for (const text of [JSON.stringify(report), reportToMarkdown(report)]) {
      expect(text).not.toContain(EMAIL);
      expect(text).not.toContain('Kim Admin');
    }
  });

  it('redacts a token that hides in an allowed field (an org name, an history error code)', () => {
    const organizations = [org(ACME, `Acme access_token=${SECRET}`), org(BETA, `Beta ${EMAIL}`)];
    const report = buildDiagnosticsReport(
      input({
        consoles: [{ tenant: 'acme', state: signedInState(organizations) }],
        history: [historyEntry(1, { result: 'failed', errorCode: `Bearer ${SECRET}` })],
      }),
    );
    for (const text of [JSON.stringify(report), reportToMarkdown(report)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(EMAIL);
    }
    expect(JSON.stringify(report)).toContain('k•••@example.com');
  });

  it('lists at most 50 orgs per console and counts the rest', () => {
    const many = Array.from({ length: 120 }, (_, index) =>
      org(`${index.toString(16).toUpperCase().padStart(24, '0')}@AdobeOrg`, `Org ${index}`),
    );
    const report = buildDiagnosticsReport(input({ consoles: [{ tenant: 'big', state: signedInState(many) }] }));
    expect(report.consoles[0]?.orgs).toHaveLength(REPORT_ORGS_PER_CONSOLE);
    expect(report.consoles[0]?.orgsOmitted).toBe(120 - REPORT_ORGS_PER_CONSOLE);
    expect(reportToMarkdown(report)).toContain('(70 more orgs not listed)');
  });

  it('says so when nobody is signed in, with no account type', () => {
    const report = buildDiagnosticsReport(input({ signedIn: false, consoles: [{ state: { signedIn: false } }] }));
    expect(report).toMatchObject({ signedIn: false, accountType: null, consoles: [] });
    expect(reportToMarkdown(report)).toContain('Signed in: no');
  });

  it('takes the account type from IMS when no console was seen yet, and never when signed out', () => {
    expect(buildDiagnosticsReport(input({ consoles: [], accountType: 'personal' })).accountType).toBe('personal');
    expect(buildDiagnosticsReport(input({ signedIn: false, consoles: [], accountType: 'personal' })).accountType).toBe(
      null,
    );
  });

  it('renders Markdown tables that an org name with | or a line break cannot break', () => {
    const organizations = [org(ACME, 'Acme | Evil\nRow'), org(BETA, 'Beta')];
    const markdown = reportToMarkdown(
      buildDiagnosticsReport(input({ consoles: [{ state: signedInState(organizations) }] })),
    );
    expect(markdown).toContain('| Acme \\| Evil Row |');
    expect(markdown).toContain('- Browser: Chrome 131.0.0.0');
    expect(markdown).toContain('| 2026-11-25T08:39:00.000Z | NETWORK | getConsoleState |');
  });
});

describe('the browser named in the report', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', '128.0'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36',
      'Chrome',
      '131.0.6778.85',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Chrome',
      '131.0.0.0',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70',
      'Edge',
      '131.0.2903.70',
    ],
    ['curl/8.0', 'unknown', 'unknown'],
  ])('%s → %s %s', (userAgent, name, version) => {
    expect(browserFromUserAgent(userAgent)).toEqual({ name, version });
  });
});
