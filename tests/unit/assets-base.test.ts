import { describe, expect, it } from 'vitest';
import { assetsBaseUrlFor, endpointsFor, KNOWN_ENDPOINTS } from '@/lib/environment';
import { ExtensionError } from '@/lib/errors';

const AUTHOR = 'author-p12345-e123456-cm.adobeaemcloud.com';

describe('where the Assets API of a console answers', () => {
  it("is the console's AEM author host in production and stage: no fixed origin", () => {
    for (const name of ['production', 'stage'] as const) {
      const endpoints = endpointsFor({ name, clientId: 'client' });
      expect(KNOWN_ENDPOINTS[name]).not.toHaveProperty('assetsBaseUrl');
      expect(endpoints && assetsBaseUrlFor(endpoints, { authorHost: AUTHOR })).toBe(`https://${AUTHOR}`);
    }
  });

  it("is the sandbox's loopback author host, over http, in the sandbox environment", () => {
    const endpoints = endpointsFor({
      name: 'sandbox',
      clientId: 'client',
      baseUrls: { imsBaseUrl: 'http://127.0.0.1:5001' },
    });
    expect(endpoints && assetsBaseUrlFor(endpoints, { authorHost: '127.0.0.1:5002' })).toBe('http://127.0.0.1:5002');
  });

  it('is the override when options or policy set one, whatever the console names', () => {
    const endpoints = endpointsFor({
      name: 'custom',
      clientId: 'client',
      baseUrls: { imsBaseUrl: 'https://ims.example.com', assetsBaseUrl: 'https://api.example.com' },
    });
    expect(endpoints && assetsBaseUrlFor(endpoints, { authorHost: AUTHOR })).toBe('https://api.example.com');
    expect(endpoints && assetsBaseUrlFor(endpoints, {})).toBe('https://api.example.com');
  });

  it('is a typed AEM_HOST_UNKNOWN error when the console names no author host and nothing overrides it', () => {
    const endpoints = { imsBaseUrl: 'https://ims-na1.adobelogin.com' };
    expect(() => assetsBaseUrlFor(endpoints, {})).toThrow(ExtensionError);
    try {
      assetsBaseUrlFor(endpoints, {});
    } catch (error) {
      expect((error as ExtensionError).code).toBe('AEM_HOST_UNKNOWN');
    }
  });
});
