import { z } from 'zod/mini';
import { withNewestEntry } from '../bounded-record';
import { type ConsoleIdentity, type ConsoleState, consoleStateSchema } from '../messaging/contract';
import { storedItem } from '../stored-items';

/** Stale-while-revalidate: the last state per console, in session storage (never on disk). */
const consoleStateCache = storedItem('consoleStateCache');
const cacheSchema = z.record(z.string(), consoleStateSchema);
/**
 * One console's key in the worker's session records (its state, its switch path). Every field
 * names the console: one AEM org has several author hosts (environments), each with its own connection.
 */
export const consoleKeyOf = (identity: ConsoleIdentity) =>
  JSON.stringify([identity.tenant ?? '', identity.orgName ?? '', identity.orgId ?? '', identity.authorHost ?? '']);
const cacheKey = consoleKeyOf;

async function readCache(): Promise<Record<string, ConsoleState>> {
  const parsed = cacheSchema.safeParse(await consoleStateCache.getValue());
  return parsed.success ? parsed.data : {};
}

/**
 * Fewer than other page-keyed records: one state holds a user's whole org list. A page can
 * invent consoles, so the oldest give way (lib/bounded-record.ts).
 */
export const CONSOLE_STATES_MAX = 20;

export async function remember(identity: ConsoleIdentity, state: ConsoleState): Promise<ConsoleState> {
  await consoleStateCache.setValue(withNewestEntry(await readCache(), cacheKey(identity), state, CONSOLE_STATES_MAX));
  return state;
}

export async function cachedConsoleState(identity: ConsoleIdentity): Promise<ConsoleState | undefined> {
  return (await readCache())[cacheKey(identity)];
}

/** The cached states only; `clearConsoleStateCache` (lib/worker/console-state.ts) also drops the refreshes in flight. */
export function removeCachedConsoleStates(): Promise<void> {
  return consoleStateCache.removeValue();
}

/** Every console this browser session has state for (diagnostics): its identity and last state. */
export async function cachedConsoleStates(): Promise<{ console: ConsoleIdentity; state: ConsoleState }[]> {
  return Object.entries(await readCache()).map(([key, state]) => {
    const [tenant, orgName, orgId, authorHost] = JSON.parse(key) as [string, string, string?, string?];
    const names = { ...(tenant && { tenant }), ...(orgName && { orgName }), ...(orgId && { orgId }) };
    return { console: { ...names, ...(authorHost && { authorHost }) }, state };
  });
}
