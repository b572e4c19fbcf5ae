/**
 * The slice of the extension APIs that tests call inside the browser (`chrome.*` in Chromium,
 * `browser.*` in Firefox). The project has no @types/chrome: tests cast `globalThis` to these
 * shapes inside functions they hand to `evaluate`, which run in the browser, not in Node.
 */
export interface ExtensionApis {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    sendMessage(extensionId: string, message: unknown): Promise<unknown>;
    getManifest(): { name: string; version: string };
    getURL(path: string): string;
  };
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys?: string | string[]): Promise<Record<string, unknown>>;
    };
    /** Enterprise policy (read-only for the extension). */
    managed: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> };
  };
  permissions?: {
    contains(permissions: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
  };
  scripting?: {
    getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; allFrames?: boolean; runAt?: string }[]>;
  };
  tabs?: {
    create(properties: { url: string; active?: boolean }): Promise<{ id?: number }>;
    query(filter: Record<string, unknown>): Promise<{ id?: number; url?: string }[]>;
    remove(tabIds: number[]): Promise<void>;
  };
}

export type ChromiumGlobals = typeof globalThis & { chrome?: ExtensionApis };
export type FirefoxGlobals = typeof globalThis & { browser: ExtensionApis };
