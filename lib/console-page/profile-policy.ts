import { browser } from 'wxt/browser';
import type { RequestOf, ResponseData } from '../messaging/contract';
import { applyProfilePolicy } from './profile';

/**
 * Asks the worker for the console profile's corrections IT set by policy and merges them into
 * this content script's profile. They come from the worker (which parsed the managed policy and
 * whose router checked the answer against the contract), never from the page. Answers whether
 * anything was added, so the caller knows a new check could now match.
 */
export async function loadProfilePolicy(): Promise<boolean> {
  const request: RequestOf<'getConsoleProfile'> = { type: 'getConsoleProfile' };
  // Raw sendMessage: the detector carries no envelope helper (its size budget); the shape is the contract's.
  const answer = (await browser.runtime.sendMessage(request).catch(() => undefined)) as
    | { ok?: boolean; data?: ResponseData<'getConsoleProfile'> }
    | undefined;
  const policy = answer?.ok === true ? answer.data : undefined;
  if (!policy || (Object.keys(policy.labels).length === 0 && !policy.orgIdPattern)) return false;
  applyProfilePolicy(policy);
  return true;
}
