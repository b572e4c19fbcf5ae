import { ERROR_CODES } from '../errors';
import { WORKER_EVENT_REASONS, type WorkerEvent } from './worker-event';

/**
 * Zod-free checks of what reaches a console tab from the worker. The content script's budget
 * (20 KB gzip) cannot carry zod, and it does not need to: only this extension can answer a
 * content script's message, and the worker's router validates every answer with the
 * contract's zod schemas before sending it. These checks keep the envelope honest (a
 * malformed answer is an INVALID_RESPONSE, never a crash); tests/unit/envelope.test.ts proves
 * they agree with the contract.
 */

const errorCodes: ReadonlySet<string> = new Set(ERROR_CODES);
const reasons: ReadonlySet<string> = new Set(WORKER_EVENT_REASONS);

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnlyKeys = (value: Record_, allowed: readonly string[]) =>
  Object.keys(value).every((key) => allowed.includes(key));

/** `{ ok: true, data: {…} }` or `{ ok: false, error: { code: <known code>, message } }`, nothing else. */
export function isResponseEnvelope(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  if (raw.ok === true) return hasOnlyKeys(raw, ['ok', 'data']) && isRecord(raw.data);
  if (raw.ok !== false || !hasOnlyKeys(raw, ['ok', 'error']) || !isRecord(raw.error)) return false;
  const { error } = raw;
  return (
    hasOnlyKeys(error, ['code', 'message']) &&
    typeof error.code === 'string' &&
    errorCodes.has(error.code) &&
    typeof error.message === 'string'
  );
}

/** A worker event as workerEventSchema (the contract) defines it. */
export function isWorkerEvent(raw: unknown): raw is WorkerEvent {
  return (
    isRecord(raw) &&
    hasOnlyKeys(raw, ['event', 'reason', 'aemOrgId']) &&
    raw.event === 'stateChanged' &&
    typeof raw.reason === 'string' &&
    reasons.has(raw.reason) &&
    (raw.aemOrgId === undefined || typeof raw.aemOrgId === 'string')
  );
}
