import { type ErrorCode, ExtensionError } from '../errors';
import type { ConsoleSwitchOutcome } from '../messaging/contract';
import type { OrgRef } from '../org-id';
import type { HistoryEntry } from './history';
import { type SwitchContext, settle, settleExpiredConsoleSwitch, withSwitchLock } from './switch-org';
import { readSwitchRecord, readSwitchRecords, type SwitchRecord, writeSwitchRecord } from './switch-record';

/**
 * The worker's half of a switch through the console page, for consoles whose Assets API
 * refuses the extension. The same steps as docs/ARCHITECTURE.md#the-switch-step-by-step except that the page does the change:
 * `begin` locks, re-validates with fresh data and records the operation; the content script
 * then drives the native picker and `finish` settles the record with what the page showed.
 */

/**
 * How long a console switch holds the lock: the content script's own wait for the page is
 * bounded well below this, so only a tab that went away leaves a record to expire.
 */
export const CONSOLE_SWITCH_TTL_MS = 60_000;

export interface ConsoleSwitchContext
  extends Pick<SwitchContext, 'aemOrg' | 'authorHost' | 'now' | 'newOpId' | 'announce'> {
  /** The reasons the org cannot be connected, from fresh data; plus the names the history needs. */
  revalidate(
    orgId: string,
    currentOrgId: string | null,
  ): Promise<{ reasons: readonly string[]; orgName: string; userId: string; currentOrg: OrgRef | null }>;
}

export async function beginConsoleSwitch(
  context: ConsoleSwitchContext,
  request: { orgId: string; expectedCurrentOrgId: string | null },
): Promise<{ opId: string; to: OrgRef; from: OrgRef | null }> {
  return withSwitchLock(async () => {
    await settleLeftover(context);
    const { reasons, orgName, userId, currentOrg } = await context.revalidate(
      request.orgId,
      request.expectedCurrentOrgId,
    );
    if (reasons.length > 0) throw new ExtensionError('NOT_ELIGIBLE', `Refused: ${reasons.join(', ')}`);
    const startedAt = context.now();
    const record: SwitchRecord = {
      opId: context.newOpId(),
      aemOrgId: context.aemOrg.id,
      aemOrgName: context.aemOrg.name,
      userId,
      from: currentOrg,
      to: { id: request.orgId, name: orgName },
      state: 'awaitingConsole',
      startedAt,
      path: 'console',
      expiresAt: startedAt + CONSOLE_SWITCH_TTL_MS,
      ...(context.authorHost && { authorHost: context.authorHost }),
    };
    await writeSwitchRecord(record);
    return { opId: record.opId, to: record.to, from: record.from };
  });
}

/**
 * A record another switch left: a live console switch refuses this one; anything else can no
 * longer be verified here (the API that would tell is unavailable), so it is settled as
 * interrupted rather than left to block every later switch.
 */
async function settleLeftover(context: ConsoleSwitchContext): Promise<void> {
  const record = await readSwitchRecord(context.aemOrg.id);
  if (!record) return;
  if (record.path === 'console') {
    await settleExpiredConsoleSwitch(context, record);
    return;
  }
  await settle(context, record, 'failed', 'SWITCH_INTERRUPTED', undefined);
}

const FAILURE_OF: Record<Exclude<ConsoleSwitchOutcome, 'verified'>, ErrorCode> = {
  cancelled: 'SWITCH_CANCELLED',
  refused: 'CONSOLE_REFUSED',
  pageChanged: 'PAGE_CHANGED',
  unverified: 'VERIFICATION_FAILED',
};

/**
 * Settles the console switch `opId` with what the page showed. Success needs the page's
 * "Current Creative Cloud org ID" to show the target; anything else is a failure with its cause.
 */
export async function finishConsoleSwitch(
  context: Pick<SwitchContext, 'aemOrg' | 'now' | 'announce'>,
  report: { opId: string; outcome: ConsoleSwitchOutcome; observedOrgId: string | null },
): Promise<HistoryEntry> {
  const record = await readSwitchRecord(context.aemOrg.id);
  if (!record || record.opId !== report.opId || record.path !== 'console') {
    // Expired and settled by a later switch or a worker wake: the history already says so.
    throw new ExtensionError('SWITCH_INTERRUPTED', 'This switch was already settled as interrupted');
  }
  const verified = report.outcome === 'verified' && report.observedOrgId === record.to.id;
  const errorCode = verified ? undefined : FAILURE_OF[report.outcome === 'verified' ? 'unverified' : report.outcome];
  return settle(context, record, verified ? 'success' : 'failed', errorCode, undefined);
}

/** On wake: each console switch whose tab never reported and whose lock has expired is settled. */
export async function settleExpiredConsoleSwitchOnWake(
  context: Pick<SwitchContext, 'now' | 'announce'>,
): Promise<void> {
  for (const record of await readSwitchRecords()) {
    if (record.path !== 'console' || context.now() < (record.expiresAt ?? record.startedAt)) continue;
    await settleExpiredConsoleSwitch(context, record);
  }
}
