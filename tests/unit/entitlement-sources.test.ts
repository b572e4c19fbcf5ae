import { describe, expect, it } from 'vitest';
import { individualCreativeCloudOf } from '@/lib/entitlement/sources';
import { isHttpError } from '@/lib/http/errors';
import { ACCESS_PROFILE_PATH, createAccessProfileClient, decodeAccessProfilePayload } from '@/lib/ims/access-profile';
import { IMS_SCOPES, PROFILE_LIST_SCOPES, profileSchema } from '@/lib/ims/schemas';
import { SERVICE_CODES, serviceCodesOf } from '@/lib/service-codes';
import { ACME, codeOf, profile, USER } from './entitlement-fixtures';

const INDIVIDUAL_CC = serviceCodesOf('serviceAccounts', 'individualCreativeCloud')[0]?.code ?? '';
const base64Json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

describe('the service-code table', () => {
  it('names each code once per source and says how sure it is', () => {
    const keys = SERVICE_CODES.map((entry) => `${entry.source}:${entry.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(SERVICE_CODES.every((entry) => ['confirmed', 'assumed'].includes(entry.evidence))).toBe(true);
  });

  it('marks the enterprise CC code as assumed: no public code exists', () => {
    expect(serviceCodesOf('accessProfile', 'creativeCloud').map((entry) => entry.evidence)).toEqual(['assumed']);
  });
});

describe('profile: serviceAccounts', () => {
  const withAccounts = (serviceAccounts: unknown[]) => profileSchema.parse({ ...profile(USER), serviceAccounts });

  it('parses the list and keeps fields IMS adds', () => {
    const parsed = withAccounts([
      { ident: 'x', serviceCode: INDIVIDUAL_CC, serviceStatus: 'ACTIVE', serviceLevel: 'CS_LVL_2', params: { a: 1 } },
    ]);
    expect(parsed.serviceAccounts?.[0]).toMatchObject({ serviceLevel: 'CS_LVL_2', params: { a: 1 } });
  });

  it('refuses an entry without a service code', () => {
    expect(profileSchema.safeParse({ ...profile(USER), serviceAccounts: [{ serviceLevel: 'CS_LVL_2' }] }).success).toBe(
      false,
    );
  });

  it('reads paid, free and none from the individual plan, the best active one winning', () => {
    const plan = (serviceLevel: string, serviceStatus = 'ACTIVE') => ({
      serviceCode: INDIVIDUAL_CC,
      serviceStatus,
      serviceLevel,
    });
    expect(individualCreativeCloudOf(withAccounts([plan('CS_LVL_2')]))).toBe('paid');
    expect(individualCreativeCloudOf(withAccounts([plan('CS_LVL_1'), plan('CS_LVL_2')]))).toBe('paid');
    expect(individualCreativeCloudOf(withAccounts([plan('CS_LVL_1')]))).toBe('free');
    expect(individualCreativeCloudOf(withAccounts([plan('CS_LVL_2', 'INACTIVE')]))).toBe('none');
    expect(individualCreativeCloudOf(withAccounts([]))).toBe('none');
    expect(individualCreativeCloudOf(withAccounts([plan('CS_LVL_9')]))).toBe('unknown');
  });

  it('says unknown, not none, when the profile came without the list (scope not granted)', () => {
    expect(individualCreativeCloudOf(profile(USER))).toBe('unknown');
  });

  it('asks IMS for the scope of each list it reads, and no roles', () => {
    for (const scope of Object.values(PROFILE_LIST_SCOPES)) expect(IMS_SCOPES).toContain(scope);
    expect(IMS_SCOPES).not.toContain('additional_info.roles');
  });
});

describe('profile: projectedProductContext', () => {
  it('requires the fields the rule reads', () => {
    const broken = {
      ...profile(USER),
      projectedProductContext: [{ prodCtx: { serviceCode: 'x', statusCode: 'ACTIVE' } }],
    };
    expect(profileSchema.safeParse(broken).success).toBe(false);
  });
});

describe('Access Profile payload', () => {
  const items = [
    {
      source: { owner_id: ACME, type: 'org' },
      fulfillable_items: { [codeOf('accessProfile', 'express')]: { enabled: true } },
    },
  ];

  it('decodes base64 JSON into its items, standard or url-safe alphabet', () => {
    const payload = base64Json({ appProfile: { accessibleItems: items }, other: 'ignored' });
    expect(decodeAccessProfilePayload(payload)).toEqual(items);
    expect(decodeAccessProfilePayload(payload.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))).toEqual(
      items,
    );
  });

  it('answers INVALID_RESPONSE for a payload that is not base64 JSON or not the shape', () => {
    for (const payload of ['%%%not base64', base64Json('just a string'), base64Json({ appProfile: {} })]) {
      expect(() => decodeAccessProfilePayload(payload)).toThrow(expect.objectContaining({ code: 'INVALID_RESPONSE' }));
    }
    const wrongEnabled = {
      appProfile: { accessibleItems: [{ source: { owner_id: ACME }, fulfillable_items: { x: { enabled: 'yes' } } }] },
    };
    expect(() => decodeAccessProfilePayload(base64Json(wrongEnabled))).toThrow();
  });
});

describe('Access Profile client', () => {
  it('POSTs to the modeled path with the bearer token and returns the items', async () => {
    const seen: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return Response.json({ asnp: { payload: base64Json({ appProfile: { accessibleItems: [] } }) } });
    };
    const client = createAccessProfileClient({ accessProfileBaseUrl: 'https://aps.example', fetch });
    expect(await client.getAccessibleItems('tok')).toEqual([]);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.url).toBe(`https://aps.example${ACCESS_PROFILE_PATH}`);
    expect(seen[0]?.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('fails once, without retrying, on a server error', async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response('busy', { status: 503 });
    };
    const client = createAccessProfileClient({ accessProfileBaseUrl: 'https://aps.example', fetch });
    const failure = await client.getAccessibleItems('tok').catch((error: unknown) => error);
    expect(isHttpError(failure, 'SERVER_ERROR')).toBe(true);
    expect(calls).toBe(1);
  });
});
