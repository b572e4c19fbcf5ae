import { browser } from 'wxt/browser';
import { NO_POLICY, type ParsedPolicy, parsePolicy } from './schemas';

/**
 * The storage key a sandbox build reads as if it were managed storage. Chromium only applies
 * real policies from root-owned files, so tests inject one here. Production builds never read
 * it: the branch below is removed at build time (a build-output test checks).
 */
export const SANDBOX_POLICY_KEY = 'sandboxManagedPolicy';

async function managedValues(): Promise<Record<string, unknown> | undefined> {
  try {
    const values = await browser.storage.managed.get(null);
    return Object.keys(values).length > 0 ? values : undefined;
  } catch {
    // Firefox rejects when no policy manifest exists; some browsers have no managed storage.
    return undefined;
  }
}

async function sandboxOverride(): Promise<unknown> {
  if (import.meta.env.MODE === 'production') return undefined;
  return (await browser.storage.local.get(SANDBOX_POLICY_KEY))[SANDBOX_POLICY_KEY];
}

/** The enterprise policy now in force; no managed storage means no policy. */
export async function readPolicy(): Promise<ParsedPolicy> {
  const managed = await managedValues();
  if (managed) return parsePolicy(managed);
  const injected = await sandboxOverride();
  return injected === undefined ? NO_POLICY : parsePolicy(injected);
}

/** Calls `onChange` whenever the policy may have changed (managed storage, or the sandbox override). */
export function watchPolicy(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed') onChange();
    else if (import.meta.env.MODE !== 'production' && area === 'local' && SANDBOX_POLICY_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
