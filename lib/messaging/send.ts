import { browser } from 'wxt/browser';
import { describeError } from '../errors';
import { type RequestOf, type RequestType, type Response, responseSchemaFor } from './contract';

/**
 * Sends one request to the worker and validates the answer against the contract. Resolves
 * to an error value instead of rejecting, so callers handle one shape.
 */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<Response<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (error) {
    return { ok: false, error: { code: 'WORKER_UNREACHABLE', message: describeError(error) } };
  }
  const parsed = responseSchemaFor(request.type).safeParse(raw);
  if (!parsed.success) {
    // Our own worker breaking the contract is the extension's fault; INVALID_RESPONSE means Adobe's answer.
    return { ok: false, error: { code: 'INTERNAL', message: 'The worker answered outside the contract' } };
  }
  return parsed.data as Response<T>;
}
