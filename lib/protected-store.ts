import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod/mini';
import type { Migration } from './versioned-item';

/**
 * Storage content scripts cannot reach, for the settings that decide where tokens go and what
 * the worker may do (environment, read-only, console hosts, remembered AEM orgs).
 * `storage.local` is readable and writable by every content script, so a compromised console
 * frame could rewrite it. This is IndexedDB of the extension's own origin: the worker (or
 * Firefox's background page), options and popup share it; a content script runs in the page's
 * origin and opens the page's databases, never this one.
 */

const DATABASE = 'protected-settings';
const OBJECT_STORE = 'items';
/** IndexedDB has no change event: writers announce the key here, every extension context listens. */
const CHANGES_CHANNEL = 'protected-settings-changed';

/** Each value with the version of its shape, in one record so they change together. */
const storedRecordSchema = z.strictObject({ version: z.number().check(z.int(), z.positive()), value: z.unknown() });
const changeMessageSchema = z.strictObject({ key: z.string() });

let database: UseStore | undefined;
// Opened on first use, so merely importing this module opens nothing.
const store = () => {
  database ??= createStore(DATABASE, OBJECT_STORE);
  return database;
};

const listeners = new Map<string, Set<() => void>>();
let channel: BroadcastChannel | undefined;

function changesChannel(): BroadcastChannel {
  if (channel) return channel;
  channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    // Only extension contexts share the channel; the message is still parsed like any input.
    const change = changeMessageSchema.safeParse(event.data);
    if (change.success) notify(change.data.key);
  };
  return channel;
}

function notify(key: string): void {
  for (const listener of listeners.get(key) ?? []) listener();
}

/** Tells this context's and every other extension context's watchers that `key` changed. */
function announce(key: string): void {
  notify(key);
  // BroadcastChannel never delivers to the channel object that posts, so post from our own.
  changesChannel().postMessage({ key });
}

export interface ProtectedItem {
  readonly key: string;
  /** The stored value in this release's shape (migrated if an earlier one wrote it); null when absent. */
  getValue(): Promise<unknown>;
  setValue(value: unknown): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `onChange` after any write of this key in any extension context; returns the unwatch. */
  watch(onChange: () => void): () => void;
}

/**
 * A value kept out of content scripts' reach, versioned like `versionedItem` (lib/versioned-item.ts):
 * raise `version` and add `migrations[version]` with every change of shape. Declared and parsed
 * through the registry (lib/stored-items.ts).
 */
export function protectedItem(key: string, version: number, migrations: Record<number, Migration> = {}): ProtectedItem {
  return {
    key,
    async getValue() {
      const record = storedRecordSchema.safeParse(await get(key, store()));
      if (!record.success) return null;
      let { version: storedVersion, value } = record.data;
      if (storedVersion >= version) return value;
      while (storedVersion < version) {
        storedVersion += 1;
        const migrate = migrations[storedVersion];
        if (migrate) value = migrate(value);
      }
      await set(key, { version, value }, store());
      return value;
    },
    async setValue(value) {
      await set(key, { version, value }, store());
      announce(key);
    },
    async removeValue() {
      await del(key, store());
      announce(key);
    },
    watch(onChange) {
      changesChannel();
      const forKey = listeners.get(key) ?? new Set();
      forKey.add(onChange);
      listeners.set(key, forKey);
      return () => forKey.delete(onChange);
    },
  };
}

/** Writes a value an earlier release stored elsewhere, already in the shape of `version`. */
export async function importProtectedValue(key: string, version: number, value: unknown): Promise<void> {
  await set(key, { version, value }, store());
  announce(key);
}

export async function hasProtectedValue(key: string): Promise<boolean> {
  return (await get(key, store())) !== undefined;
}

/** The stored record of `key` as it is, version and value (null when absent): sandbox builds' test hook only. */
export async function readProtectedRecord(key: string): Promise<unknown> {
  return (await get(key, store())) ?? null;
}
