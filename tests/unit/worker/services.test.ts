import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedConsoleState, remember } from '@/lib/worker/console-state-cache';
import { announceSwitchedWith } from '@/lib/worker/services';

const AEM_ORG_ID = 'FEDCBA9876543210FEDCBA98@AdobeOrg';

describe('the switch announcement', () => {
  beforeEach(() => fakeBrowser.reset());

  it('drops every cached console state, then tells the tabs which AEM org switched', async () => {
    await remember({ tenant: 'acme' }, { signedIn: false });
    const announce = vi.fn(async () => {
      // Tabs reload on the announcement: by then no stale state may answer them.
      expect(await cachedConsoleState({ tenant: 'acme' })).toBeUndefined();
    });

    await announceSwitchedWith({ announce })({ aemOrgId: AEM_ORG_ID });

    expect(announce).toHaveBeenCalledExactlyOnceWith({
      event: 'stateChanged',
      reason: 'switched',
      aemOrgId: AEM_ORG_ID,
    });
  });
});
