import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LAST_ERRORS_LIMIT, readLastErrors, recordingErrors } from '@/lib/diagnostics/last-errors';
import { consoleOfTab, forgetConsoleTab, rememberConsoleTab } from '@/lib/worker/console-tabs';

const ACME_CONSOLE = { tenant: 'acme', orgName: 'Acme Marketing' };

describe('the console each tab shows', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers the console a content script reported for a tab still on that console', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://experience.adobe.com/#/@acme/assets' });
    await rememberConsoleTab(tab.id ?? -1, tab.url, ACME_CONSOLE);

    expect(await consoleOfTab(tab.id ?? -1)).toEqual(ACME_CONSOLE);
  });

  it('answers nothing for a tab no content script reported from, or one that is gone', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    expect(await consoleOfTab(tab.id ?? -1)).toBeUndefined();

    await rememberConsoleTab(999, 'https://experience.adobe.com/', ACME_CONSOLE);
    expect(await consoleOfTab(999)).toBeUndefined();
  });

  it('forgets a closed tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://experience.adobe.com/' });
    await rememberConsoleTab(tab.id ?? -1, tab.url, ACME_CONSOLE);
    await forgetConsoleTab(tab.id ?? -1);

    expect(await consoleOfTab(tab.id ?? -1)).toBeUndefined();
  });

  it('forgets a console once the tab shows another site', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    // Reported while the tab was on the console; the tab has since navigated elsewhere.
    await rememberConsoleTab(tab.id ?? -1, 'https://experience.adobe.com/#/@acme/assets', ACME_CONSOLE);

    expect(await consoleOfTab(tab.id ?? -1)).toBeUndefined();
  });
});

describe('the last errors the worker answered', () => {
  beforeEach(() => fakeBrowser.reset());

  const failing = recordingErrors(async (message: unknown) => {
    const type = (message as { type?: string }).type;
    return type === 'ok'
      ? { ok: true as const }
      : {
          ok: false as const,
          error: { code: 'NETWORK' as const, message: 'fetch https://x/?access_token=secret failed' },
        };
  });

  it('records the code, the time and the request type of every error answer, never its message', async () => {
    await failing({ type: 'getConsoleState' });
    await failing({ type: 'ok' });

    const errors = await readLastErrors();
    expect(errors).toEqual([{ code: 'NETWORK', time: expect.any(String), request: 'getConsoleState' }]);
    expect(JSON.stringify(errors)).not.toContain('secret');
  });

  it('keeps only the newest ones and names a malformed request "unknown"', async () => {
    for (let index = 0; index < LAST_ERRORS_LIMIT + 5; index++) await failing({ type: 'getStatus' });
    await failing('not an object');
    await failing({ type: 'x'.repeat(500) });

    const errors = await readLastErrors();
    expect(errors).toHaveLength(LAST_ERRORS_LIMIT);
    expect(errors.slice(0, 2).map((error) => error.request)).toEqual(['unknown', 'unknown']);
  });
});
