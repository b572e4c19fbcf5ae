import type { AssetsClient } from '../assets/client';
import type { CcConnection } from '../assets/schemas';
import { describeError, ExtensionError, errorCodeOf } from '../errors';
import { DEFAULT_TIMEOUT_MS, sleep } from '../http/request';
import type { OrgRef } from '../org-id';
import { appendToHistory, type HistoryEntry } from './history';
import { clearSwitchRecord, readSwitchRecord, type SwitchRecord, writeSwitchRecord } from './switch-record';

/** What settling a record a killed worker left needs: the server's truth, never a re-validation. */
export interface ReconcileContext {
  aemOrg: OrgRef;
  assets: AssetsClient;
  now(): number;
  /** Tell every console tab and extension page what happened. */
  announce(entry: HistoryEntry, connection: CcConnection | undefined): Promise<void>;
}

/** What the orchestrator needs about the console it switches, gathered fresh by the caller. */
export interface SwitchContext extends ReconcileContext {
  /** The author host the calls go to (docs/ARCHITECTURE.md#author-host-binding), recorded with the switch. */
  authorHost?: string;
  /**
   * The reasons `orgId` cannot be connected, from the shared entitlement model fed with fresh
   * data (no cache) and the connection just read; plus the names the history entry needs.
   */
  revalidate(
    orgId: string,
    connection: CcConnection,
  ): Promise<{ reasons: readonly string[]; orgName: string; userId: string }>;
  newOpId(): string;
}

export interface SwitchResult {
  connection: CcConnection;
  entry: HistoryEntry;
}

// One switch per worker at a time; a worker killed mid-switch leaves its record for reconcile().
let switchRunning = false;

/** Runs `step` holding the worker's switch lock: a second switch meanwhile is refused. */
export async function withSwitchLock<T>(step: () => Promise<T>): Promise<T> {
  if (switchRunning) throw new ExtensionError('SWITCH_IN_PROGRESS', 'Another switch is still running');
  switchRunning = true;
  try {
    return await step();
  } finally {
    switchRunning = false;
  }
}

/**
 * docs/ARCHITECTURE.md#the-switch-step-by-step: lock, record, re-validate with fresh data, PUT with If-Match and the operation id
 * as Idempotency-Key, verify with a fresh GET, record it in the history, announce, clear the record.
 */
export async function switchOrg(
  context: SwitchContext,
  request: { orgId: string; expectedCurrentOrgId: string | null },
): Promise<SwitchResult> {
  return withSwitchLock(async () => {
    await reconcile(context);
    return runSwitch(context, request);
  });
}

async function runSwitch(
  context: SwitchContext,
  request: { orgId: string; expectedCurrentOrgId: string | null },
): Promise<SwitchResult> {
  const { connection, etag } = await context.assets.getConnection();
  const currentOrgId = connection.connectedOrg?.id ?? null;
  if (currentOrgId !== request.expectedCurrentOrgId) {
    const now = connection.connectedOrg?.name ?? 'no org';
    throw new ExtensionError(
      'CONNECTION_CHANGED',
      `The connection changed to ${now} at ${connection.updatedAt} (by ${connection.updatedBy}) — review and retry`,
    );
  }
  const { reasons, orgName, userId } = await context.revalidate(request.orgId, connection);
  if (reasons.length > 0) throw new ExtensionError('NOT_ELIGIBLE', `Refused: ${reasons.join(', ')}`);

  const record: SwitchRecord = {
    opId: context.newOpId(),
    aemOrgId: context.aemOrg.id,
    aemOrgName: context.aemOrg.name,
    userId,
    from: connection.connectedOrg ? { id: connection.connectedOrg.id, name: connection.connectedOrg.name } : null,
    to: { id: request.orgId, name: orgName },
    state: 'putSent',
    startedAt: context.now(),
    path: 'api',
    assetsBaseUrl: context.assets.baseUrl,
    ...(context.authorHost && { authorHost: context.authorHost }),
  };
  // Written before the PUT leaves: if the worker dies now, reconcile() finds it.
  await writeSwitchRecord(record);
  try {
    await context.assets.putConnection({ orgId: request.orgId, etag, idempotencyKey: record.opId });
    await writeSwitchRecord({ ...record, state: 'verifying' });
    const verified = await verifyingRead(context);
    if (verified.connection.connectedOrg?.id !== request.orgId) {
      throw new ExtensionError('VERIFICATION_FAILED', 'The server does not show the new org after the switch');
    }
    const entry = await settle(context, record, 'success', undefined, verified.connection);
    return { connection: verified.connection, entry };
  } catch (error) {
    await settle(context, record, 'failed', errorCodeOf(error), undefined);
    throw error;
  }
}

/**
 * The read after an accepted PUT. Whatever breaks it, the PUT may well have taken effect, so
 * the admin is told to look before retrying rather than that the service failed.
 */
async function verifyingRead(context: SwitchContext) {
  try {
    return await context.assets.getConnection();
  } catch (error) {
    throw new ExtensionError(
      'VERIFICATION_FAILED',
      `The PUT was accepted but reading it back failed: ${describeError(error)}`,
    );
  }
}

/** How long after it started a PUT may still reach the server: one attempt's timeout on our side. */
export const PUT_IN_FLIGHT_MS = DEFAULT_TIMEOUT_MS;
const RECHECK_EVERY_MS = 500;

// The wake-up reconciliation and a switch's own first step may both find an org's record: settle it once.
const reconciling = new Map<string, Promise<HistoryEntry | undefined>>();

/**
 * The record a killed worker left in this AEM org: read the server's truth and finish or fail
 * it. Never PUTs again — the server state decides. Other orgs' records are left alone.
 */
export function reconcile(context: ReconcileContext): Promise<HistoryEntry | undefined> {
  const aemOrgId = context.aemOrg.id;
  let settling = reconciling.get(aemOrgId);
  if (!settling) {
    settling = settleRecord(context).finally(() => reconciling.delete(aemOrgId));
    reconciling.set(aemOrgId, settling);
  }
  return settling;
}

async function settleRecord(context: ReconcileContext): Promise<HistoryEntry | undefined> {
  const record = await readSwitchRecord(context.aemOrg.id);
  // A switch through a console page holds the lock until its tab reports or the record expires.
  if (record?.path === 'console') return settleExpiredConsoleSwitch(context, record);
  if (!record) return undefined;
  const connection = await serverOutcome(context, record);
  const applied = connection.connectedOrg?.id === record.to.id;
  return settle(
    context,
    record,
    applied ? 'success' : 'failed',
    applied ? undefined : 'SWITCH_INTERRUPTED',
    connection,
  );
}

/**
 * The connection as the server has it once the dead worker's PUT can no longer land. A PUT
 * sent just before the worker died may still be on its way or held by the server, so until
 * its timeout has passed a server that does not show the new org yet is asked again.
 */
async function serverOutcome(context: ReconcileContext, record: SwitchRecord): Promise<CcConnection> {
  for (;;) {
    const { connection } = await context.assets.getConnection();
    const mayStillLand = record.state === 'putSent' && context.now() < record.startedAt + PUT_IN_FLIGHT_MS;
    if (connection.connectedOrg?.id === record.to.id || !mayStillLand) return connection;
    await sleep(RECHECK_EVERY_MS);
  }
}

/**
 * A console switch's record left behind: still live means another switch is running; expired
 * means its tab never reported (closed, navigated, crashed), so nobody verified it — settled
 * as interrupted, and the admin checks the console.
 */
export async function settleExpiredConsoleSwitch(
  context: Pick<SwitchContext, 'now' | 'announce'>,
  record: SwitchRecord,
): Promise<HistoryEntry | undefined> {
  if (context.now() < (record.expiresAt ?? record.startedAt)) {
    throw new ExtensionError('SWITCH_IN_PROGRESS', 'A switch through the console page is still running');
  }
  return settle(context, record, 'failed', 'SWITCH_INTERRUPTED', undefined);
}

export async function settle(
  context: Pick<SwitchContext, 'now' | 'announce'>,
  record: SwitchRecord,
  result: HistoryEntry['result'],
  errorCode: string | undefined,
  connection: CcConnection | undefined,
): Promise<HistoryEntry> {
  const entry: HistoryEntry = {
    opId: record.opId,
    time: new Date(context.now()).toISOString(),
    userId: record.userId,
    aemOrgId: record.aemOrgId,
    aemOrgName: record.aemOrgName,
    from: record.from,
    to: record.to,
    result,
    ...(errorCode && { errorCode }),
    path: record.path,
    ...(record.authorHost && { authorHost: record.authorHost }),
  };
  await appendToHistory(entry);
  await clearSwitchRecord(record.aemOrgId);
  await context.announce(entry, connection);
  return entry;
}
