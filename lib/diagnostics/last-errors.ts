import { z } from 'zod/mini';
import type { ErrorCode } from '../errors';
import { storedItem } from '../stored-items';
import { type LastError, lastErrorSchema } from './schemas';

/**
 * The last error codes the worker answered, for the diagnostics report. Codes and times
 * only (a message may quote a URL or input), in session storage: they end with the browser.
 */
export const LAST_ERRORS_LIMIT = 20;

const lastErrorsItem = storedItem('lastErrors');

export async function readLastErrors(): Promise<LastError[]> {
  const parsed = z.array(lastErrorSchema).safeParse(await lastErrorsItem.getValue());
  return parsed.success ? parsed.data : [];
}

export async function recordLastError(code: ErrorCode, request: string, now = new Date()): Promise<void> {
  const entry: LastError = { code, time: now.toISOString(), request: request.slice(0, 40) };
  await lastErrorsItem.setValue([entry, ...(await readLastErrors())].slice(0, LAST_ERRORS_LIMIT));
}

/** Wraps the worker's message router: every error answer is recorded before it is sent. */
export function recordingErrors<
  A extends [unknown, ...unknown[]],
  R extends { ok: boolean; error?: { code: ErrorCode } },
>(route: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    const answer = await route(...args);
    if (!answer.ok && answer.error) {
      const message = args[0];
      const type = typeof message === 'object' && message && 'type' in message ? String(message.type) : 'unknown';
      await recordLastError(answer.error.code, /^[A-Za-z]{1,40}$/.test(type) ? type : 'unknown').catch(() => {});
    }
    return answer;
  };
}
