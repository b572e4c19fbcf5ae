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
    return { ok: false, error: { code: 'INVALID_RESPONSE', message: 'The worker answered outside the contract' } };
  }
  return parsed.data as Response<T>;
}
