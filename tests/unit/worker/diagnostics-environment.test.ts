import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopupHandlers } from '@/lib/worker/popup-handlers';
import type { Session } from '@/lib/worker/session';
import { storeSandboxEnvironment } from '../../support/sandbox-environment';

const signedOut = { isSignedIn: async () => false } as unknown as Session;

describe('the diagnostics report', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1.0.0' });
    (fakeBrowser.runtime as unknown as { getBrowserInfo: () => Promise<object> }).getBrowserInfo = async () => ({
      name: 'Firefox',
      version: '140.0',
    });
    await storeSandboxEnvironment({ imsBaseUrl: 'http://127.0.0.1:4870' });
  });

  it('shows the environment in force, which policy set, not the one stored in options', async () => {
    await fakeBrowser.storage.managed.set({
      environment: {
        name: 'custom',
        imsBaseUrl: 'https://ims.corp.example',
        assetsBaseUrl: 'https://api.corp.example',
      },
    });
    const report = await createPopupHandlers(signedOut).getDiagnostics({ type: 'getDiagnostics' });
    expect(report.environment).toEqual({
      name: 'custom',
      imsBaseUrl: 'https://ims.corp.example',
      assetsBaseUrl: 'https://api.corp.example',
      setByPolicy: true,
    });
  });

  it("shows the user's environment when no policy sets one", async () => {
    const report = await createPopupHandlers(signedOut).getDiagnostics({ type: 'getDiagnostics' });
    expect(report.environment).toMatchObject({
      name: 'sandbox',
      imsBaseUrl: 'http://127.0.0.1:4870',
      setByPolicy: false,
    });
  });
});
