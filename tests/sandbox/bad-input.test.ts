import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSETS_PATHS } from '../../lib/assets/schemas';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { sandboxForSuite } from './support';

const sandbox = sandboxForSuite();

type ErrorStyle = 'api' | 'ims';

interface BadRequest {
  behaviour: string;
  method: string;
  path: string;
  contentType?: string;
  body?: string;
  /** Assets headers with a fresh token and the current ETag, minus the ones named here. */
  assetsHeadersWithout?: string[];
  style: ErrorStyle;
}

const CONTROL_POSTS = [
  'reset',
  'scenario',
  'config',
  'faults',
  'token',
  'connection',
  'expire-tokens',
  'concurrent-change',
];
const tokenPath = `/ims/token/v3?client_id=${SANDBOX_CLIENT_ID}`;
const json = 'application/json';
const form = 'application/x-www-form-urlencoded';

const table: BadRequest[] = [
  {
    behaviour: 'malformed JSON',
    method: 'PUT',
    path: ASSETS_PATHS.ccConnection,
    contentType: json,
    body: '{"orgId": ',
    style: 'api',
  },
  {
    behaviour: 'an unknown field',
    method: 'PUT',
    path: ASSETS_PATHS.ccConnection,
    contentType: json,
    body: '{"orgId":"0123456789ABCDEF01234567@AdobeOrg","force":true}',
    style: 'api',
  },
  {
    behaviour: 'a wrong type',
    method: 'PUT',
    path: ASSETS_PATHS.ccConnection,
    contentType: json,
    body: '{"orgId":42}',
    style: 'api',
  },
  {
    behaviour: 'an empty body',
    method: 'PUT',
    path: ASSETS_PATHS.ccConnection,
    contentType: json,
    body: '',
    style: 'api',
  },
  {
    behaviour: 'a missing API key',
    method: 'GET',
    path: ASSETS_PATHS.me,
    assetsHeadersWithout: ['x-api-key'],
    style: 'api',
  },
  {
    behaviour: 'a missing org header',
    method: 'GET',
    path: ASSETS_PATHS.ccConnection,
    assetsHeadersWithout: ['x-gw-ims-org-id'],
    style: 'api',
  },
  {
    behaviour: 'a missing bearer token',
    method: 'GET',
    path: ASSETS_PATHS.ccConnection,
    assetsHeadersWithout: ['Authorization'],
    style: 'api',
  },
  {
    behaviour: 'malformed JSON',
    method: 'POST',
    path: '/__sandbox/faults',
    contentType: json,
    body: '[',
    style: 'api',
  },
  {
    behaviour: 'a wrong type',
    method: 'POST',
    path: '/__sandbox/config',
    contentType: json,
    body: '{"tokenTtlSeconds":"soon"}',
    style: 'api',
  },
  {
    behaviour: 'an unknown field',
    method: 'POST',
    path: '/__sandbox/reset',
    contentType: json,
    body: '{"hard":true}',
    style: 'api',
  },
  {
    behaviour: 'a JSON body instead of a form',
    method: 'POST',
    path: tokenPath,
    contentType: json,
    body: '{"grant_type":"refresh_token"}',
    style: 'ims',
  },
  {
    behaviour: 'a form without a grant type',
    method: 'POST',
    path: tokenPath,
    contentType: form,
    body: 'code=%E0%A4%A',
    style: 'ims',
  },
  { behaviour: 'no bearer token', method: 'GET', path: '/ims/profile/v1', style: 'ims' },
  {
    behaviour: 'a revoke without a token',
    method: 'POST',
    path: `/ims/revoke?client_id=${SANDBOX_CLIENT_ID}`,
    contentType: form,
    body: '',
    style: 'ims',
  },
  { behaviour: 'an unknown route', method: 'GET', path: '/adobe/assets/nothing-here', style: 'api' },
];

async function send(request: Omit<BadRequest, 'behaviour' | 'style'>): Promise<Response> {
  const headers: Record<string, string> = {};
  if (request.path.startsWith('/adobe/')) {
    const token = await sandbox.mintToken();
    const { etag } = await sandbox.readConnection(token);
    Object.assign(headers, sandbox.assetsHeaders(token), { 'If-Match': etag, 'Idempotency-Key': crypto.randomUUID() });
    for (const name of request.assetsHeadersWithout ?? []) delete headers[name];
  }
  if (request.contentType) headers['Content-Type'] = request.contentType;
  return fetch(sandbox.url(request.path), { method: request.method, headers, body: request.body });
}

function expectErrorStyle(body: unknown, style: ErrorStyle) {
  if (style === 'ims') expect(body).toMatchObject({ error: expect.any(String), error_description: expect.any(String) });
  else expect(body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
}

describe('bad input gets a 4xx with a JSON error, never a 5xx', () => {
  for (const { behaviour, style, ...request } of table) {
    it(`${request.method} ${request.path.split('?')[0]} with ${behaviour}`, async () => {
      const response = await send(request);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('Content-Type')).toMatch(/application\/json/);
      expectErrorStyle(await response.json(), style);
      expect((await sandbox.control<{ appliedChanges: number }>('GET', 'state')).appliedChanges).toBe(0);
    });
  }

  it('answers random JSON and random text to the PUT and control endpoints without a 5xx', async () => {
    const targets = [
      { method: 'PUT', path: ASSETS_PATHS.ccConnection },
      ...CONTROL_POSTS.map((name) => ({ method: 'POST', path: `/__sandbox/${name}` })),
    ];
    const body = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value) ?? 'null'),
      fc.string({ maxLength: 40 }),
      fc.record({ orgId: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async (target, text) => {
        const response = await send({ ...target, contentType: json, body: text });
        await response.arrayBuffer();
        return response.status < 500;
      }),
      { numRuns: 120 },
    );
  });

  it('answers random forms to the IMS token endpoint with 4xx', async () => {
    const fields = fc.dictionary(
      fc.constantFrom('grant_type', 'code', 'code_verifier', 'refresh_token', 'client_id', 'redirect_uri'),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(fields, async (values) => {
        const response = await send({
          method: 'POST',
          path: tokenPath,
          contentType: form,
          body: new URLSearchParams(values).toString(),
        });
        const answer = await response.json();
        return response.status >= 400 && response.status < 500 && typeof answer.error === 'string';
      }),
      { numRuns: 80 },
    );
  });
});
