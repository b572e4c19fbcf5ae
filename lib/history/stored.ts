import { protectedItem } from '../protected-store';

/**
 * The switch history: a protected item (lib/protected-store.ts), so it survives restarts and a
 * compromised console frame can neither forge nor erase what the admin reads as their record.
 * Only the worker writes it (lib/worker/history.ts); the settings' move out of `storage.local`
 * names it too, which is why it sits below both.
 */

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
