import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../lib/history/entry';
import { SCENARIOS } from '../../sandbox/scenarios';
import { readProtectedSetting } from '../e2e/support/extension-environment';
import { openConsole, switchAndSwitchBack } from './console-page';
import { firefoxForSuite } from './suite';

const scenario = SCENARIOS.default;
const design = scenario.orgs.find((org) => org.name === 'Acme Design Studio');
const acme = scenario.aemOrg;

describe('the switch through the console page in firefox-esr', () => {
  const harness = firefoxForSuite({
    // The sandbox's most realistic setting: the API refuses the extension, the picker is portalled
    // and shows only org names (the same company as the default scenario).
    arrange: (firefox) => firefox.sandbox.control('POST', 'scenario', { name: 'extension-refused' }),
    signedIn: true,
  });

  it('with the API refusing the extension, switches through the console, verified, and switches back', async () => {
    if (!design) throw new Error('The default scenario lacks Acme Design Studio');
    const { page, app } = await openConsole(harness(), acme.tenant);
    const state = await switchAndSwitchBack(harness(), app, design, acme);

    const stored = await readProtectedSetting(await harness().background(), 'switchHistory');
    const entries = (stored as { value?: HistoryEntry[] } | null)?.value ?? [];
    expect(entries.map(({ to, result, path }) => ({ to: to.id, result, path }))).toEqual([
      { to: acme.id, result: 'success', path: 'console' },
      { to: design.id, result: 'success', path: 'console' },
    ]);
    // Both changes were the console's own PUTs: none carries one of our operation ids.
    expect(Object.keys(state.putsByIdempotencyKey)).not.toContain(entries[0]?.opId);
    await page.close();
  });
});
