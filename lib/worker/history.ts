import { ExtensionError } from '../errors';
import { type HistoryEntry, historyEntrySchema } from '../history/entry';
import { storedItem } from '../stored-items';

export type { HistoryEntry };

/** The switch history as the worker reads and writes it: the registry's `switchHistory` (lib/stored-items.ts). */

/** Enough for months of switches, and a bounded record. */
export const HISTORY_LIMIT = 500;

/** Releases that kept the history in `storage.local` called it `auditLog` (lib/settings/protected-settings.ts moves it here once). */
export const historyItem = storedItem('switchHistory');

/** The stored entries as they are, readable or not: nothing in the history is thrown away unread. */
async function storedEntries(): Promise<unknown[]> {
  return (await historyItem.read()).value;
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
