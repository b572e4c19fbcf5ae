import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_KEYED_ENTRIES_MAX } from '@/lib/bounded-record';
import { readAemOrgByConsole } from '@/lib/storage-items';
import { consoleIdentityFor, rememberAemOrgChoice, rememberedAemOrgChoice } from '@/lib/worker/aem-org';
import {
  CONSOLE_STATES_MAX,
  cachedConsoleState,
  remember as rememberConsoleState,
} from '@/lib/worker/console-state-cache';
import { rememberConsoleTab } from '@/lib/worker/console-tabs';
import { rememberedSwitchPath, rememberSwitchPath } from '@/lib/worker/switch-path';
import { matrixCaseStarted } from '../support/matrix';

// A hostile console page can name as many consoles as it likes (tenants, org names); what the
// worker keeps per console must stay bounded.

const INVENTED = 500;
const tenants = Array.from({ length: INVENTED }, (_, index) => `tenant-${index}`);
const consoleOn = (tenant: string) =>
  consoleIdentityFor({ tenant }, `https://experience.adobe.com/#/@${tenant}/assets/settings/creative-cloud`);

async function entriesIn(area: 'session', key: string): Promise<number> {
  const stored = (await fakeBrowser.storage[area].get(key))[key];
  return Object.keys(stored ?? {}).length;
}

describe('records keyed by what a console page names', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keep the newest console states only', async () => {
    const matrixCase = matrixCaseStarted('attack', 'page invents 500 consoles: console state cache stays bounded');
    for (const tenant of tenants) await rememberConsoleState(consoleOn(tenant), { signedIn: false });
    expect(await entriesIn('session', 'consoleStateCache')).toBe(CONSOLE_STATES_MAX);
    expect(await cachedConsoleState(consoleOn(tenants[INVENTED - 1] ?? ''))).toEqual({ signedIn: false });
    expect(await cachedConsoleState(consoleOn(tenants[0] ?? ''))).toBeUndefined();
    matrixCase.passed({ tokensFound: 0 });
  });

  it('keep the newest switch paths only', async () => {
    const matrixCase = matrixCaseStarted('attack', 'page invents 500 consoles: switch paths stay bounded');
    for (const tenant of tenants) await rememberSwitchPath(tenant, 'console');
    expect(await entriesIn('session', 'switchPathByConsole')).toBe(PAGE_KEYED_ENTRIES_MAX);
    expect(await rememberedSwitchPath(tenants[INVENTED - 1] ?? '')).toBe('console');
    expect(await rememberedSwitchPath(tenants[0] ?? '')).toBeUndefined();
    matrixCase.passed({ tokensFound: 0 });
  });

  it('keep the newest console tabs only', async () => {
    const matrixCase = matrixCaseStarted('attack', 'page opens 500 console tabs: tab records stay bounded');
    for (const [index, tenant] of tenants.entries()) {
      await rememberConsoleTab(index + 1, 'https://experience.adobe.com/', consoleOn(tenant));
    }
    const tabs = (await fakeBrowser.storage.session.get('consoleTabs')).consoleTabs as Record<string, unknown>;
    expect(Object.keys(tabs)).toHaveLength(PAGE_KEYED_ENTRIES_MAX);
    expect(tabs).toHaveProperty(String(INVENTED));
    expect(tabs).not.toHaveProperty('1');
    matrixCase.passed({ tokensFound: 0 });
  });

  it('keep the newest remembered AEM orgs only', async () => {
    const matrixCase = matrixCaseStarted('attack', 'page invents 500 tenants: remembered AEM orgs stay bounded');
    for (const tenant of tenants) await rememberAemOrgChoice(consoleOn(tenant), '0123456789ABCDEF01234567@AdobeOrg');
    expect(Object.keys(await readAemOrgByConsole()).length).toBe(PAGE_KEYED_ENTRIES_MAX);
    expect(await rememberedAemOrgChoice(consoleOn(tenants[INVENTED - 1] ?? ''))).toBeDefined();
    expect(await rememberedAemOrgChoice(consoleOn(tenants[0] ?? ''))).toBeUndefined();
    matrixCase.passed({ tokensFound: 0 });
  });

  it('move a console written again to the newest place', async () => {
    for (const tenant of tenants.slice(0, PAGE_KEYED_ENTRIES_MAX)) await rememberSwitchPath(tenant, 'api');
    await rememberSwitchPath(tenants[0] ?? '', 'console');
    await rememberSwitchPath('one more', 'api');
    expect(await rememberedSwitchPath(tenants[0] ?? '')).toBe('console');
    expect(await rememberedSwitchPath(tenants[1] ?? '')).toBeUndefined();
  });
});
