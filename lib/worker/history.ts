import { ExtensionError } from '../errors';
import { type HistoryEntry, historyEntrySchema } from '../history/entry';
import { protectedItem } from '../protected-store';

export type { HistoryEntry };

/**
 * The switch history: a protected item (lib/protected-store.ts), so it survives restarts and a
 * compromised console frame can neither forge nor erase what the admin reads as their record.
 */

/** Enough for months of switches, and a bounded record. */
export const HISTORY_LIMIT = 500;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1: entries written before the console path existed carry no `path`.
 * Version 2: every entry names its path; the old ones reached the server through the API.
 * Releases that kept the history in `storage.local` called it `auditLog`
 * (lib/settings/protected-settings.ts moves it here once).
 */
export const historyItem = protectedItem('switchHistory', 2, {
  2: (stored) =>
    Array.isArray(stored)
      ? stored.map((entry) => (isRecord(entry) && entry.path === undefined ? { ...entry, path: 'api' } : entry))
      : stored,
});

/** The stored entries as they are, readable or not: nothing in the history is thrown away unread. */
async function storedEntries(): Promise<unknown[]> {
  const stored = await historyItem.getValue();
  return Array.isArray(stored) ? stored : [];
}

/**
 * Each entry parsed on its own: one entry of a shape this release cannot read hides that entry,
 * never the whole history.
 */
export async function readHistory(): Promise<HistoryEntry[]> {
  return (await storedEntries()).flatMap((stored) => {
    const parsed = historyEntrySchema.safeParse(stored);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Entries this release cannot read are kept as they were (a later release may read them). */
export async function appendToHistory(entry: HistoryEntry): Promise<void> {
  await historyItem.setValue([entry, ...(await storedEntries())].slice(0, HISTORY_LIMIT));
}

export async function clearHistory(): Promise<void> {
  await historyItem.removeValue();
}

/**
 * The org to go back to: `from` of the newest successful switch in this AEM org. That switch
 * must have been made on this console's author host: one AEM org has several environments, each
 * with its own connection, and going back must never carry one environment's org to another.
 */
export function switchBackTarget(
  entries: readonly HistoryEntry[],
  aemOrgId: string,
  authorHost?: string,
): HistoryEntry['from'] | undefined {
  const newest = entries.find((entry) => entry.aemOrgId === aemOrgId && entry.result === 'success');
  if (newest && newest.authorHost !== authorHost) {
    throw new ExtensionError(
      'SWITCH_BACK_OTHER_HOST',
      `The last switch in this AEM org was made on ${newest.authorHost ?? 'an unrecorded author host'}, not on ${authorHost ?? 'this console'}`,
    );
  }
  return newest?.from ?? undefined;
}
