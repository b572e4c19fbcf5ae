import { describe, expect, it } from 'vitest';
import { ASSETS_PATHS, ccConnectionSchema } from '../../lib/assets/schemas';
import { orgIdFor } from '../../sandbox/scenario-builders';
import { SCENARIOS, type ScenarioName } from '../../sandbox/scenarios';
import { orgNamed } from '../support/scenario-orgs';
import { sandboxForSuite, switchHeaders } from './support';

const sandbox = sandboxForSuite();

interface SandboxState {
  connectedOrg: { id: string; name: string } | null;
  etag: string;
  updatedBy: string;
  appliedChanges: number;
  externalChanges: number;
  putsByIdempotencyKey: Record<string, number>;
}
const state = () => sandbox.control<SandboxState>('GET', 'state');

const userIdOf = (
  scenario: ScenarioName,
  predicate: (u: (typeof SCENARIOS)[ScenarioName]['users'][number]) => boolean,
) => {
  const found = SCENARIOS[scenario].users.find(predicate);
  if (!found) throw new Error(`no such user in ${scenario}`);
  return found.userId;
};
const errorCodeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('Assets API: who and what', () => {
  it('answers users/me with the console user, whoever holds the token', async () => {
    await sandbox.useScenario('same-email-different-ids');
    const scenario = SCENARIOS['same-email-different-ids'];
    const personal = userIdOf('same-email-different-ids', (u) => u.accountType === 'type1');
    const response = await fetch(sandbox.url(ASSETS_PATHS.me), {
      headers: sandbox.assetsHeaders(await sandbox.mintToken(personal)),
    });
    expect(await response.json()).toEqual({ userId: scenario.consoleUserId, isAssetsAdmin: true });
  });

  it('serves the connection with a quoted ETag in the documented shape', async () => {
    const { etag, body } = await sandbox.readConnection(await sandbox.mintToken());
    expect(etag).toMatch(/^"[^"]+"$/);
    const connection = ccConnectionSchema.parse(body);
    expect(connection.connectedOrg?.id).toBe(SCENARIOS.default.initialConnection.orgId);
    expect(connection.connectedOrg?.name).toBe('Acme');
  });

  it('refuses a call without a bearer token (401), API key or AEM org header (400)', async () => {
    const token = await sandbox.mintToken();
    const { Authorization: _auth, ...noToken } = sandbox.assetsHeaders(token);
    const withoutToken = await fetch(sandbox.url(ASSETS_PATHS.me), { headers: noToken });
    expect(withoutToken.status).toBe(401);
    expect(await errorCodeOf(withoutToken)).toBe('UNAUTHORIZED');
    const brokenHeaders: Record<string, string>[] = [
      { 'x-api-key': 'other' },
      { 'x-gw-ims-org-id': orgIdFor('elsewhere') },
    ];
    for (const broken of brokenHeaders) {
      const response = await fetch(sandbox.url(ASSETS_PATHS.ccConnection), {
        headers: sandbox.assetsHeaders(token, broken),
      });
      expect(response.status).toBe(400);
      expect(await errorCodeOf(response)).toBe('BAD_REQUEST');
    }
  });
});

describe('Assets API: switching with ETag and Idempotency-Key', () => {
  const design = orgNamed('Acme Design Studio').id;

  it('switches: 200 with the new state and a new ETag; the next read agrees', async () => {
    const token = await sandbox.mintToken();
    const before = await sandbox.readConnection(token);
    const response = await sandbox.putConnection(token, design, switchHeaders(before.etag));
    expect(response.status).toBe(200);
    const newEtag = response.headers.get('ETag');
    expect(newEtag).not.toBe(before.etag);
    expect(await response.json()).toMatchObject({
      connectedOrg: { id: design, name: 'Acme Design Studio' },
      updatedBy: SCENARIOS.default.consoleUserId,
    });
    const after = await sandbox.readConnection(token);
    expect(after.etag).toBe(newEtag);
    expect(after.body.connectedOrg?.id).toBe(design);
    expect((await state()).appliedChanges).toBe(1);
  });

  it('refuses a PUT without If-Match with 428 PRECONDITION_REQUIRED', async () => {
    const response = await sandbox.putConnection(await sandbox.mintToken(), design, {
      'Idempotency-Key': crypto.randomUUID(),
    });
    expect(response.status).toBe(428);
    expect(await errorCodeOf(response)).toBe('PRECONDITION_REQUIRED');
  });

  it('refuses a PUT with a stale If-Match with 412 STALE_STATE and changes nothing', async () => {
    const token = await sandbox.mintToken();
    const { etag } = await sandbox.readConnection(token);
    await sandbox.control('POST', 'connection', {
      orgId: orgNamed('Åsa & Söner AB <img src=x onerror=alert(1)>').id,
    });
    const response = await sandbox.putConnection(token, design, switchHeaders(etag));
    expect(response.status).toBe(412);
    expect(await errorCodeOf(response)).toBe('STALE_STATE');
    expect((await state()).appliedChanges).toBe(0);
  });

  it('refuses a PUT without an Idempotency-Key with 400', async () => {
    const token = await sandbox.mintToken();
    const { etag } = await sandbox.readConnection(token);
    const response = await sandbox.putConnection(token, design, { 'If-Match': etag });
    expect(response.status).toBe(400);
    expect(await errorCodeOf(response)).toBe('BAD_REQUEST');
  });

  it('applies the same Idempotency-Key once and replays the first answer', async () => {
    const token = await sandbox.mintToken();
    const { etag } = await sandbox.readConnection(token);
    const headers = switchHeaders(etag);
    const first = await sandbox.putConnection(token, design, headers);
    const replay = await sandbox.putConnection(token, design, headers);
    expect(replay.status).toBe(first.status);
    expect(replay.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect(await replay.json()).toEqual(await first.json());
    const after = await state();
    expect(after.appliedChanges).toBe(1);
    expect(after.putsByIdempotencyKey[headers['Idempotency-Key']]).toBe(2);
  });

  it('refuses the same Idempotency-Key with another body with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const token = await sandbox.mintToken();
    const { etag } = await sandbox.readConnection(token);
    const headers = switchHeaders(etag);
    expect((await sandbox.putConnection(token, design, headers)).status).toBe(200);
    const other = await sandbox.putConnection(token, orgNamed('Acme').id, headers);
    expect(other.status).toBe(422);
    expect(await errorCodeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await state()).appliedChanges).toBe(1);
  });
});

describe('Assets API: refusals per scenario', () => {
  const cases: { scenario: ScenarioName; who: string; user?: string; org: string; status: number; code: string }[] = [
    {
      scenario: 'not-admin',
      who: 'the console user',
      org: 'Acme Design Studio',
      status: 403,
      code: 'NOT_ASSETS_ADMIN',
    },
    // CC that no IMS source shows the extension still counts here: the API decides by the truth.
    { scenario: 'default', who: 'the admin', org: 'Northwind Partners', status: 422, code: 'NO_CC_ENTITLEMENT' },
    { scenario: 'default', who: 'the admin', org: 'Acme Legacy Agency', status: 422, code: 'NO_CC_ENTITLEMENT' },
    { scenario: 'no-entitled-orgs', who: 'the admin', org: 'Acme', status: 422, code: 'NO_CC_ENTITLEMENT' },
    {
      scenario: 'no-entitled-orgs',
      who: 'the admin',
      org: 'Acme Design Studio',
      status: 422,
      code: 'NO_CC_ENTITLEMENT',
    },
    {
      scenario: 'same-email-different-ids',
      who: 'the personal account',
      user: 'type1',
      org: 'Initech Creative',
      status: 422,
      code: 'DIFFERENT_USER_ID',
    },
    {
      scenario: 'same-email-different-ids',
      who: 'the enterprise account',
      user: 'type2',
      org: 'Initech Creative',
      status: 422,
      code: 'NO_CC_ENTITLEMENT',
    },
  ];

  for (const { scenario, who, user, org, status, code } of cases) {
    it(`${scenario}: refuses ${who} switching to ${org} with ${status} ${code}`, async () => {
      await sandbox.useScenario(scenario);
      const userId = user ? userIdOf(scenario, (u) => u.accountType === user) : undefined;
      const token = await sandbox.mintToken(userId);
      const { etag } = await sandbox.readConnection(token);
      const response = await sandbox.putConnection(token, orgNamed(org, SCENARIOS[scenario]).id, switchHeaders(etag));
      expect(response.status).toBe(status);
      expect(await errorCodeOf(response)).toBe(code);
      expect((await state()).appliedChanges).toBe(0);
    });
  }

  it('default: refuses an org the user is not a member of with 422 UNKNOWN_ORG', async () => {
    const token = await sandbox.mintToken();
    const { etag } = await sandbox.readConnection(token);
    const response = await sandbox.putConnection(token, orgIdFor('not-a-member'), switchHeaders(etag));
    expect(response.status).toBe(422);
    expect(await errorCodeOf(response)).toBe('UNKNOWN_ORG');
  });
});

describe('Assets API: another admin switching concurrently', () => {
  it('changes the connection right after the next read, once, so that reader’s PUT is stale', async () => {
    await sandbox.useScenario('concurrent-admin');
    const token = await sandbox.mintToken();
    const read = await sandbox.readConnection(token);
    const changed = await state();
    expect(changed.etag).not.toBe(read.etag);
    expect(changed.updatedBy).toBe(SCENARIOS['concurrent-admin'].otherAdminUserId);
    expect(changed.externalChanges).toBe(1);

    const stale = await sandbox.putConnection(
      token,
      orgNamed('Åsa & Söner AB <img src=x onerror=alert(1)>', SCENARIOS['concurrent-admin']).id,
      switchHeaders(read.etag),
    );
    expect(stale.status).toBe(412);

    const reread = await sandbox.readConnection(token);
    expect(reread.etag).toBe(changed.etag);
    expect((await state()).externalChanges).toBe(1);
  });

  it('re-arms with POST /__sandbox/concurrent-change', async () => {
    await sandbox.useScenario('concurrent-admin');
    const token = await sandbox.mintToken();
    await sandbox.readConnection(token);
    await sandbox.control('POST', 'concurrent-change');
    const read = await sandbox.readConnection(token);
    expect((await state()).etag).not.toBe(read.etag);
    expect((await state()).externalChanges).toBe(2);
  });
});

describe("Assets API: refusing the extension's client, as the console's private API would", () => {
  interface ConsoleSessionAnswer {
    accessToken: string;
    clientId: string;
  }
  const consoleSession = async () =>
    (await (await fetch(sandbox.url('/console/session'))).json()) as ConsoleSessionAnswer;
  const consoleHeaders = (session: ConsoleSessionAnswer) => ({
    ...sandbox.assetsHeaders(session.accessToken),
    'x-api-key': session.clientId,
  });

  for (const [extensionAccess, status, code] of [
    ['forbidden', 403, 'CLIENT_NOT_ALLOWED'],
    ['not-found', 404, 'NOT_FOUND'],
  ] as const) {
    it(`answers ${status} ${code} to the extension's tokens on every route, and the console's own switch still works`, async () => {
      await sandbox.control('POST', 'assets-api', { extensionAccess });
      const token = await sandbox.mintToken();
      const consoleUser = await consoleSession();
      const design = orgNamed('Acme Design Studio').id;

      for (const path of [ASSETS_PATHS.me, ASSETS_PATHS.ccConnection]) {
        const refused = await fetch(sandbox.url(path), { headers: sandbox.assetsHeaders(token) });
        expect(refused.status).toBe(status);
        expect(await errorCodeOf(refused)).toBe(code);
      }
      const refusedPut = await sandbox.putConnection(token, design, switchHeaders('*'));
      expect(refusedPut.status).toBe(status);
      expect((await state()).appliedChanges).toBe(0);

      const read = await fetch(sandbox.url(ASSETS_PATHS.ccConnection), { headers: consoleHeaders(consoleUser) });
      expect(read.status).toBe(200);
      const put = await fetch(sandbox.url(ASSETS_PATHS.ccConnection), {
        method: 'PUT',
        headers: {
          ...consoleHeaders(consoleUser),
          ...switchHeaders(read.headers.get('ETag') ?? ''),
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ orgId: design }),
      });
      expect(put.status).toBe(200);
      expect((await state()).connectedOrg?.id).toBe(design);
    });
  }

  it("takes the console's calls only with the console's own client id as x-api-key", async () => {
    const consoleUser = await consoleSession();
    expect(consoleUser.clientId).not.toBe(sandbox.assetsHeaders('x')['x-api-key']);
    const withExtensionKey = await fetch(sandbox.url(ASSETS_PATHS.me), {
      headers: sandbox.assetsHeaders(consoleUser.accessToken),
    });
    expect(withExtensionKey.status).toBe(400);
  });

  it('serves the extension again after a reset, and the extension-refused scenario refuses it from the start', async () => {
    await sandbox.control('POST', 'assets-api', { extensionAccess: 'forbidden' });
    await sandbox.control('POST', 'reset');
    const allowed = await fetch(sandbox.url(ASSETS_PATHS.me), {
      headers: sandbox.assetsHeaders(await sandbox.mintToken()),
    });
    expect(allowed.status).toBe(200);

    await sandbox.useScenario('extension-refused');
    const refused = await fetch(sandbox.url(ASSETS_PATHS.me), {
      headers: sandbox.assetsHeaders(await sandbox.mintToken()),
    });
    expect(refused.status).toBe(403);
    expect((await sandbox.control<{ extensionAccess: string }>('GET', 'state')).extensionAccess).toBe('forbidden');
  });

  it('refuses a malformed setting', async () => {
    await expect(sandbox.control('POST', 'assets-api', { extensionAccess: 'maybe' })).rejects.toThrow(/400/);
  });
});

describe('Assets API: CORS for extension pages and the console origin', () => {
  it('answers a preflight from an extension page and exposes ETag', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const preflight = await fetch(sandbox.url(ASSETS_PATHS.ccConnection), {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers':
          'authorization,if-match,idempotency-key,x-api-key,x-gw-ims-org-id,content-type',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
    expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('idempotency-key');

    const read = await fetch(sandbox.url(ASSETS_PATHS.ccConnection), {
      headers: { ...sandbox.assetsHeaders(await sandbox.mintToken()), Origin: origin },
    });
    expect(read.headers.get('Access-Control-Expose-Headers')).toMatch(/ETag/i);
  });
});
