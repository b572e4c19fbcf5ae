import { describe, expect, it } from 'vitest';
import { changeOf, draftOf, problemsOf } from '@/components/options/environment-form';
import { parsePolicy } from '@/lib/policy/schemas';
import { mergeSettings } from '@/lib/settings/effective';

const PORT_5000 = { imsBaseUrl: 'http://127.0.0.1:5000', assetsBaseUrl: 'http://127.0.0.1:5000' };

function settingsWith(environment: object, policy: object = {}) {
  return mergeSettings(
    {
      environment: { value: { clientId: 'user-client', ...environment } as never, corrupted: false },
      readOnly: { value: false, corrupted: false },
    },
    parsePolicy(policy),
  );
}

describe('the Environment form', () => {
  it('sends a custom environment as bare origins, whatever trailing slash was typed', () => {
    const settings = settingsWith({ name: 'production' });
    const draft = {
      ...draftOf(settings),
      name: 'custom' as const,
      imsBaseUrl: ' https://ims.example.com/ ',
      assetsBaseUrl: 'https://api.example.com',
    };
    expect(problemsOf(draft, settings)).toEqual({});
    expect(changeOf(draft, settings)).toEqual({
      environment: {
        name: 'custom',
        baseUrls: { imsBaseUrl: 'https://ims.example.com', assetsBaseUrl: 'https://api.example.com' },
      },
      clientId: 'user-client',
    });
  });

  it('keeps the port of a sandbox pointed elsewhere, but not the URLs of a custom one turned into sandbox', () => {
    const sandbox = settingsWith({ name: 'sandbox', baseUrls: PORT_5000 });
    expect(changeOf(draftOf(sandbox), sandbox).environment).toEqual({ name: 'sandbox', baseUrls: PORT_5000 });
    const custom = settingsWith({ name: 'custom', baseUrls: PORT_5000 });
    expect(changeOf({ ...draftOf(custom), name: 'sandbox' }, custom).environment).toEqual({ name: 'sandbox' });
  });

  it('checks base URLs only for Custom, and names each problem', () => {
    const settings = settingsWith({ name: 'production' });
    const draft = { ...draftOf(settings), imsBaseUrl: 'nonsense', clientId: '' };
    expect(problemsOf(draft, settings)).toEqual({ clientId: 'optionsErrorRequired' });
    // The Assets base URL is optional (each console's author host), but checked when typed.
    expect(problemsOf({ ...draft, name: 'custom' }, settings)).toEqual({
      imsBaseUrl: 'optionsErrorUrlInvalid',
      clientId: 'optionsErrorRequired',
    });
    expect(problemsOf({ ...draft, name: 'custom', assetsBaseUrl: 'http://api.example.com' }, settings)).toEqual({
      imsBaseUrl: 'optionsErrorUrlInvalid',
      assetsBaseUrl: 'optionsErrorUrlInsecure',
      clientId: 'optionsErrorRequired',
    });
  });

  it('sends a custom environment without an Assets base URL when none is typed', () => {
    const settings = settingsWith({ name: 'production' });
    const draft = {
      ...draftOf(settings),
      name: 'custom' as const,
      imsBaseUrl: 'https://ims.example.com/',
      assetsBaseUrl: ' ',
    };
    expect(changeOf(draft, settings).environment).toEqual({
      name: 'custom',
      baseUrls: { imsBaseUrl: 'https://ims.example.com' },
    });
  });

  it('leaves out the fields policy locks, so the worker is never asked to change them', () => {
    const settings = settingsWith({ name: 'stage' }, { environment: { name: 'production' } });
    expect(changeOf(draftOf(settings), settings)).toEqual({ clientId: 'user-client' });
    const both = settingsWith({ name: 'stage' }, { environment: { name: 'production' }, clientId: 'it-client' });
    expect(changeOf(draftOf(both), both)).toEqual({});
    expect(problemsOf({ ...draftOf(both), clientId: '' }, both)).toEqual({});
  });
});
