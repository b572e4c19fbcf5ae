import type { PrerequisiteState } from '../entitlement/schemas';
import type { Endpoints, EnvironmentName } from '../environment';
import type { HistoryEntry } from '../history/entry';
import type { ConsoleState } from '../messaging/contract';
import type { PolicyProblem } from '../policy/schemas';
import { redactDeep } from './redact';
import type { ConsoleDiagnostics, DiagnosticsReport, LastError } from './schemas';

export const REPORT_HISTORY_ENTRIES = 20;
/** Per console; the rest is counted, not listed. */
export const REPORT_ORGS_PER_CONSOLE = 50;

export interface ReportInput {
  now: Date;
  extensionVersion: string;
  browser: { name: string; version: string };
  /** The environment in force: the user's under enterprise policy (lib/settings/effective.ts). */
  environment: { name: EnvironmentName; endpoints: Endpoints | undefined; setByPolicy: boolean };
  readOnly: boolean;
  signedIn: boolean;
  /** The signed-in account's type when known without a cached console (asked from IMS). */
  accountType?: DiagnosticsReport['accountType'];
  /** Policy values that were refused (policyProblems in lib/policy/schemas.ts). */
  policyProblems: readonly PolicyProblem[];
  /** The worker's cached state per console tab identity (tenant). */
  consoles: readonly { tenant?: string; state: ConsoleState }[];
  /** The page shape of the tab the report was asked for (lib/worker/page-shapes.ts), already redacted. */
  pageShape?: DiagnosticsReport['pageShape'];
  lastErrors: readonly LastError[];
  history: readonly HistoryEntry[];
}

const known = (state: PrerequisiteState | undefined) => (state === 'met' ? true : state === 'unmet' ? false : null);

function consoleDiagnostics(tenant: string | undefined, state: ConsoleState): ConsoleDiagnostics | undefined {
  if (!state.signedIn) return undefined;
  const { aemOrg, console: resolved } = state;
  const orgs = resolved?.model.orgs ?? [];
  return {
    tenant: tenant ?? null,
    aemOrg: aemOrg.status === 'resolved' ? { id: aemOrg.org.id, name: aemOrg.org.name } : null,
    aemOrgStatus: aemOrg.status,
    connectedOrg: resolved?.connection?.connectedOrg ?? null,
    connectedSince: resolved?.connection?.updatedAt ?? null,
    switchPath: resolved?.switchPath ?? null,
    // null: not known (no console state, or the console's user could not be asked).
    isAssetsAdmin: known(resolved?.model.prerequisites.isAssetsAdmin),
    sameUserId: known(resolved?.model.prerequisites.sameUserId),
    entitlementSources: resolved ? { ...resolved.model.sources } : null,
    individualCreativeCloud: resolved?.model.individualCreativeCloud ?? null,
    summary: resolved
      ? {
          total: resolved.summary.total,
          eligible: resolved.summary.eligible,
          ccActive: resolved.summary.ccActive,
          blockedByPolicy: resolved.summary.blockedByPolicy,
        }
      : null,
    orgs: orgs.slice(0, REPORT_ORGS_PER_CONSOLE).map((org) => ({
      id: org.orgId,
      name: org.orgName,
      eligible: org.eligible,
      badges: [...org.badges],
      reasons: [...org.reasons],
    })),
    orgsOmitted: Math.max(0, orgs.length - REPORT_ORGS_PER_CONSOLE),
  };
}

/**
 * The report, field by field from an allowlist (an identity's e-mail and name are never
 * copied), then every string passed through `redact` in case a secret hides in an allowed one.
 */
export function buildDiagnosticsReport(input: ReportInput): DiagnosticsReport {
  const signedInState = input.consoles.find(({ state }) => state.signedIn)?.state;
  const report: DiagnosticsReport = {
    generatedAt: input.now.toISOString(),
    extensionVersion: input.extensionVersion,
    browser: { name: input.browser.name, version: input.browser.version },
    environment: {
      name: input.environment.name,
      imsBaseUrl: input.environment.endpoints?.imsBaseUrl ?? null,
      assetsBaseUrl: input.environment.endpoints?.assetsBaseUrl ?? null,
      setByPolicy: input.environment.setByPolicy,
    },
    readOnly: input.readOnly,
    signedIn: input.signedIn,
    accountType: !input.signedIn
      ? null
      : signedInState?.signedIn
        ? signedInState.identity.accountType
        : (input.accountType ?? null),
    policyProblems: input.policyProblems.map(({ field, refusedEntries, inForce }) => ({
      field,
      refusedEntries: refusedEntries && [...refusedEntries],
      inForce,
    })),
    consoles: input.consoles.flatMap(({ tenant, state }) => consoleDiagnostics(tenant, state) ?? []),
    pageShape: input.pageShape ?? null,
    lastErrors: input.lastErrors.map(({ code, time, request }) => ({ code, time, request })),
    history: input.history.slice(0, REPORT_HISTORY_ENTRIES).map((entry) => ({ ...entry })),
  };
  return redactDeep(report);
}

/** "Chrome 131.0.0.0" from a user agent; Firefox is asked directly (runtime.getBrowserInfo) when it can be. */
export function browserFromUserAgent(userAgent: string): { name: string; version: string } {
  const patterns: [string, RegExp][] = [
    ['Firefox', /Firefox\/([\d.]+)/],
    ['Edge', /Edg\/([\d.]+)/],
    ['Chrome', /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/],
  ];
  for (const [name, pattern] of patterns) {
    const match = pattern.exec(userAgent);
    if (match?.[1]) return { name, version: match[1] };
  }
  return { name: 'unknown', version: 'unknown' };
}
