import { type HistoryEntry, historyEntrySchema } from '../history/entry';
import { versionedItem } from '../versioned-item';

export type { HistoryEntry };

/** The switch history, kept in `storage.local` so it survives restarts. */

/** Enough for months of switches, small enough for `storage.local` quotas. */
export const HISTORY_LIMIT = 500;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1: entries written before the console path existed carry no `path`.
 * Version 2: every entry names its path; the old ones reached the server through the API.
 */
const HISTORY_MIGRATIONS = {
  2: (stored: unknown) =>
    Array.isArray(stored)
      ? stored.map((entry) => (isRecord(entry) && entry.path === undefined ? { ...entry, path: 'api' } : entry))
      : stored,
};

const HISTORY_VERSION = 2;
const historyItem = versionedItem('local:switchHistory', HISTORY_VERSION, HISTORY_MIGRATIONS);

/**
 * Releases before the history had one name kept it under `auditLog`, with the same versions.
 * Defined with the same version and migrations, so an old value arrives in today's shape
 * before it moves.
 */
const legacyAuditLogItem = versionedItem('local:auditLog', HISTORY_VERSION, HISTORY_MIGRATIONS);

/**
 * Moves the history out of `auditLog` once per worker, before anything reads or writes it. Copy
 * first, remove second: a worker stopped in between finds the copy on its next wake and only
 * removes the old key then, so no entry is lost or doubled.
 */
async function moveLegacyAuditLog(): Promise<void> {
  const legacy = await legacyAuditLogItem.getValue();
  if (legacy === null || legacy === undefined) return;
  if ((await historyItem.getValue()) == null) await historyItem.setValue(legacy);
  await legacyAuditLogItem.removeValue({ removeMeta: true });
}

let legacyMoved: Promise<void> | undefined;
const historyReady = (): Promise<void> => {
  legacyMoved ??= moveLegacyAuditLog().catch((error: unknown) => {
    legacyMoved = undefined; // the next read tries again
    throw error;
  });
  return legacyMoved;
};

/** The stored entries as they are, readable or not: nothing in the history is thrown away unread. */
async function storedEntries(): Promise<unknown[]> {
  await historyReady();
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
  await historyReady();
  await historyItem.removeValue();
}

/** The org to go back to: `from` of the newest successful switch in this AEM org. */
export function switchBackTarget(entries: readonly HistoryEntry[], aemOrgId: string): HistoryEntry['from'] | undefined {
  return entries.find((entry) => entry.aemOrgId === aemOrgId && entry.result === 'success')?.from ?? undefined;
}
