import { describe, expect, it } from 'vitest';
import { hostPermissionsFor } from '@/lib/settings/host-access';

describe('host permissions for a custom environment', () => {
  it('asks for each https origin once', () => {
    const environment = {
      name: 'custom' as const,
      baseUrls: { imsBaseUrl: 'https://ims.example.com', assetsBaseUrl: 'https://ims.example.com' },
    };
    expect(hostPermissionsFor(environment)).toEqual(['https://ims.example.com/*']);
  });

  it('asks for both origins when they differ, with their ports', () => {
    const environment = {
      name: 'custom' as const,
      baseUrls: { imsBaseUrl: 'https://ims.example.com:8443', assetsBaseUrl: 'https://assets.example.org' },
    };
    expect(hostPermissionsFor(environment)).toEqual(['https://ims.example.com:8443/*', 'https://assets.example.org/*']);
  });

  it('asks for nothing for loopback http, the named environments, or no change', () => {
    const loopback = {
      name: 'custom' as const,
      baseUrls: { imsBaseUrl: 'http://127.0.0.1:4870', assetsBaseUrl: 'http://localhost:4870' },
    };
    expect(hostPermissionsFor(loopback)).toEqual([]);
    expect(hostPermissionsFor({ name: 'production' })).toEqual([]);
    expect(hostPermissionsFor(undefined)).toEqual([]);
  });
});
