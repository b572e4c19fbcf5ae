import type { CDPSession, ConsoleMessage, Frame, Page } from '@playwright/test';
import type { SandboxFixture } from './sandbox-fixture';

/**
 * What the attack matrix measures: the real tokens the sandbox's IMS issued to the extension,
 * how often they occur on a surface a page or content script can reach, and the switches the
 * sandbox server actually applied.
 */

interface IssuedToken {
  token: string;
  kind: string;
  origin: 'ims' | 'console' | 'control';
}

/**
 * Every access and refresh token IMS issued (to the extension: the sandbox console's own page
 * session is `console`, which that page holds by design and is not ours to hide).
 */
export async function extensionTokens(sandbox: SandboxFixture): Promise<string[]> {
  const issued = await issuedTokenRecords(sandbox);
  return issued.filter((token) => token.origin === 'ims').map((token) => token.token);
}

/** The sandbox's record of every token it issued, with who it went to. */
export function issuedTokenRecords(sandbox: SandboxFixture): Promise<IssuedToken[]> {
  return sandbox.control<IssuedToken[]>('GET', 'issued-tokens');
}

/** Occurrences of any of `tokens` in `text`. */
export function countTokens(text: string, tokens: readonly string[]): number {
  return tokens.reduce((count, token) => count + (token ? text.split(token).length - 1 : 0), 0);
}

export async function appliedChanges(sandbox: SandboxFixture): Promise<number> {
  return (await sandbox.control<{ appliedChanges: number }>('GET', 'state')).appliedChanges;
}

/** PUTs of the CC connection that reached the sandbox, whatever their outcome. */
export async function connectionPuts(sandbox: SandboxFixture): Promise<number> {
  const log = await sandbox.control<{ method: string; path: string }[]>('GET', 'requests');
  return log.filter((entry) => entry.method === 'PUT' && entry.path.includes('/settings/creative-cloud')).length;
}

/**
 * A frame's whole DOM as the page sees it, shadow roots included (ours is open), plus every
 * storage the page can read: what a script on the console could harvest.
 */
export function pageVisibleText(frame: Frame): Promise<string> {
  return frame.evaluate(readPageVisibleText);
}

/** `pageVisibleText`, run inside the frame: self-contained, for any driver's `evaluate`. */
export async function readPageVisibleText(): Promise<string> {
  const parts: string[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.innerHTML);
        walk(element.shadowRoot);
      }
    }
  };
  parts.push(document.documentElement.outerHTML);
  walk(document);
  // A sandboxed or partitioned frame may be denied its storage: then there is nothing to read.
  const readable = (read: () => Storage) => {
    try {
      return [read()];
    } catch {
      return [];
    }
  };
  for (const storage of [...readable(() => localStorage), ...readable(() => sessionStorage)]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? '';
      parts.push(key, storage.getItem(key) ?? '');
    }
  }
  parts.push(await Promise.resolve(document.cookie).catch(() => ''));
  const databases = await Promise.resolve()
    .then(() => indexedDB.databases())
    .catch(() => []);
  parts.push(JSON.stringify(databases));
  parts.push(JSON.stringify(performance.getEntries().map((entry) => entry.name)));
  return parts.join('\n');
}

/** Console output of pages (main world and content scripts) and of the worker, as text. */
export function recordConsoleLogs(
  page: Page,
  worker: { on(event: 'console', l: (m: ConsoleMessage) => void): unknown },
) {
  const lines: string[] = [];
  const record = (message: ConsoleMessage) => lines.push(`${message.type()}: ${message.text()}`);
  page.on('console', record);
  worker.on('console', record);
  return { lines };
}

/** Every `Runtime.consoleAPICalled` of a CDP target (e.g. the worker), all contexts included. */
export async function recordCdpConsole(session: CDPSession): Promise<{ lines: string[] }> {
  const lines: string[] = [];
  session.on('Runtime.consoleAPICalled', (event) => {
    lines.push(JSON.stringify(event.args.map((arg) => arg.value ?? arg.description ?? '')));
  });
  session.on('Runtime.exceptionThrown', (event) => lines.push(JSON.stringify(event.exceptionDetails)));
  await session.send('Runtime.enable');
  return { lines };
}
