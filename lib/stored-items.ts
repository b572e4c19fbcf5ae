import { z } from 'zod/mini';
import { customConsoleHostsSchema } from './console-hosts/custom/schemas';
import { defaultEnvironment, environmentSettingsSchema } from './environment';
import { type ProtectedItem, protectedItem } from './protected-store';
import { versionedItem } from './versioned-item';

/**
 * Every item the extension stores, in one list, named by its storage key: where it lives, its
 * schema, what a missing or unreadable value reads as, and the version of its shape
 * (docs/ARCHITECTURE.md#storage).
 * `protected` is the extension origin's IndexedDB (lib/protected-store.ts), written only by the
 * worker; `session` is `storage.session`, which the browser empties when it closes. Raise
 * `version` with every change of shape and add the step (CONTRIBUTING.md, "Adding a migration").
 * The owning modules (history, session, caches) keep the behaviour and take their item from here.
 */

/** The IMS session lives only in the worker's session storage, never in `local`. */
export const imsSessionSchema = z.strictObject({
  accessToken: z.string(),
  refreshToken: z.optional(z.string()),
  /** Epoch milliseconds. */
  expiresAt: z.number(),
  userId: z.string(),
  /**
   * The IMS, client and Assets API override the tokens belong to: a session never outlives a
   * change of any of them, so a changed Assets base never receives a token meant for another.
   */
  imsBaseUrl: z.string(),
  clientId: z.string(),
  /** Absent when no override is set (each console's own AEM author host). */
  assetsBaseUrl: z.optional(z.string()),
});

/** Lists whose entries are parsed one by one: an unreadable entry hides itself, never the list. */
const entriesSchema = z.array(z.unknown());
/**
 * Session caches keyed by console, tab or operation: the owning worker module parses the whole
 * record with its own schema (they speak the message contract, which this file stays below).
 */
const keyedSchema = z.record(z.string(), z.unknown());
const sessionRecord = () => spec({ area: 'session', version: 1, schema: keyedSchema, fallback: {} });

type Area = 'protected' | 'session';
interface Spec<S extends z.ZodMiniType, A extends Area = Area> {
  area: A;
  version: number;
  schema: S;
  fallback: z.infer<S>;
}
const spec = <S extends z.ZodMiniType, const A extends Area>(item: Spec<S, A>) => item;

export const STORED_ITEMS = {
  /** IMS and Assets base URLs and the client ID. */
  environment: spec({
    area: 'protected',
    version: 1,
    schema: environmentSettingsSchema,
    fallback: defaultEnvironment(),
  }),
  /** Custom IMS or Assets URLs moved from `storage.local` wait for the admin's confirmation. */
  environmentToConfirm: spec({
    area: 'protected',
    version: 1,
    schema: z.boolean(),
    fallback: false,
  }),
  /** Read it through lib/settings/effective.ts, where enterprise policy can force it on. */
  readOnly: spec({ area: 'protected', version: 1, schema: z.boolean(), fallback: false }),
  /** A stored host is a wish: the worker injects into it only while the browser grants it too. */
  customConsoleHosts: spec({
    area: 'protected',
    version: 1,
    schema: customConsoleHostsSchema,
    fallback: [],
  }),
  /** The AEM org the admin chose per console origin and tenant (lib/worker/aem-org.ts), oldest first. */
  aemOrgByConsole: spec({
    area: 'protected',
    version: 1,
    schema: z.record(z.string(), z.string()),
    fallback: {},
  }),
  /** Newest first, at most 500 entries (lib/worker/history.ts). Version 2: every entry names its path. */
  switchHistory: spec({ area: 'protected', version: 2, schema: entriesSchema, fallback: [] }),
  /** The author hosts the admin bound per environment and AEM org (lib/author-hosts/bindings.ts). */
  authorHostBindings: spec({
    area: 'protected',
    version: 1,
    schema: entriesSchema,
    fallback: [],
  }),
  imsSession: spec({
    area: 'session',
    version: 1,
    schema: z.optional(imsSessionSchema),
    fallback: undefined,
  }),
  /** The last state per console, for the cached first answer (lib/worker/console-state-cache.ts). */
  consoleStateCache: sessionRecord(),
  /** Tab id → the console it showed and its origin, for the popup (lib/worker/console-tabs.ts). */
  consoleTabs: sessionRecord(),
  /** The switch path per console: API or console page (lib/worker/switch-path.ts). */
  switchPathByConsole: sessionRecord(),
  /** Switches under way: the lock and what reconciliation needs (lib/worker/switch-record.ts). */
  switchOperations: sessionRecord(),
  /** The last 20 error codes, for diagnostics (lib/diagnostics/last-errors.ts). */
  lastErrors: spec({ area: 'session', version: 1, schema: entriesSchema, fallback: [] }),
} as const;

export type StoredItemName = keyof typeof STORED_ITEMS;
export type EnvironmentSettings = z.infer<typeof environmentSettingsSchema>;
export type ImsSession = z.infer<typeof imsSessionSchema>;
type SpecOf<N extends StoredItemName> = (typeof STORED_ITEMS)[N];
export type StoredValue<N extends StoredItemName> = z.infer<SpecOf<N>['schema']>;
export type ProtectedItemName = {
  [N in StoredItemName]: SpecOf<N>['area'] extends 'protected' ? N : never;
}[StoredItemName];

export const PROTECTED_ITEM_NAMES = (Object.keys(STORED_ITEMS) as StoredItemName[]).filter(
  (name): name is ProtectedItemName => STORED_ITEMS[name].area === 'protected',
);

export interface Validated<T> {
  value: T;
  /** True when a stored value existed but did not parse, so the fallback is in use. */
  corrupted: boolean;
}

export async function readValidated<S extends z.ZodMiniType>(
  item: { getValue(): Promise<unknown> },
  schema: S,
  fallback: z.infer<S>,
): Promise<Validated<z.infer<S>>> {
  const raw = await item.getValue();
  if (raw === null || raw === undefined) return { value: fallback, corrupted: false };
  const parsed = schema.safeParse(raw);
  return parsed.success ? { value: parsed.data, corrupted: false } : { value: fallback, corrupted: true };
}

export interface StoredItem<T> extends ProtectedItem {
  /** The value parsed with the item's schema; a corrupted one reads as the fallback and says so. */
  read(): Promise<Validated<T>>;
}

/** A handle on item `name`: typed reads, and the store its area names. Create it once, at module level. */
export function storedItem<N extends StoredItemName>(name: N): StoredItem<StoredValue<N>> {
  const { area, version, schema, fallback } = STORED_ITEMS[name] as Spec<z.ZodMiniType>;
  const key: string = name;
  const store: ProtectedItem =
    area === 'protected'
      ? protectedItem(key, version)
      : Object.assign(versionedItem(`${area}:${key}`, version), { key: `${area}:${key}` });
  return Object.assign(store, { read: () => readValidated(store, schema, fallback) }) as StoredItem<StoredValue<N>>;
}
