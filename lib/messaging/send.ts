import { browser } from 'wxt/browser';
import { describeError } from '../errors';
import type { RequestOf, RequestType, Response } from './contract';
import { isResponseEnvelope } from './envelope';

/**
 * Sends one request to the worker. The worker's router has validated the answer against the
 * contract's schemas; here only its envelope is checked (no zod in the content script).
 * Resolves to an error value instead of rejecting, so callers handle one shape.
 */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<Response<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (error) {
    return { ok: false, error: { code: 'WORKER_UNREACHABLE', message: describeError(error) } };
  }
  if (!isResponseEnvelope(raw)) {
    // Our own worker breaking the contract is the extension's fault; INVALID_RESPONSE means Adobe's answer.
    return { ok: false, error: { code: 'INTERNAL', message: 'The worker answered outside the contract' } };
  }
  return raw as Response<T>;
}
