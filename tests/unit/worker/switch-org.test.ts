import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AssetsClient, VersionedConnection } from '@/lib/assets/client';
import type { CcConnection } from '@/lib/assets/schemas';
import { ExtensionError } from '@/lib/errors';
import { readHistory } from '@/lib/worker/history';
import { type ReconcileContext, reconcile, type SwitchContext, switchOrg } from '@/lib/worker/switch-org';
import { readSwitchRecord, writeSwitchRecord } from '@/lib/worker/switch-record';
import { matrixCaseStarted } from '../../support/matrix';

const ACME = { id: '0123456789ABCDEF01234567@AdobeOrg', name: 'Acme Design' };
const BETA = { id: 'ABCDEF0123456789ABCDEF01@AdobeOrg', name: 'Beta Studio' };
const AEM_ORG = { id: 'FEDCBA9876543210FEDCBA98@AdobeOrg', name: 'Acme Marketing' };

/** A tiny in-memory Assets API with ETags, counting every PUT it receives. */
function fakeAssets(initial: typeof ACME | null) {
  let connected = initial;
  let version = 1;
  const puts: { orgId: string; etag: string; idempotencyKey: string }[] = [];
  const state = (): VersionedConnection => ({
    connection: { connectedOrg: connected, updatedAt: '2026-11-25T10:42:00Z', updatedBy: 'X@AdobeID' },
    etag: `"v${version}"`,
  });
  const client = {
    getMe: async () => ({ userId: 'U@AdobeID', isAssetsAdmin: true }),
    getConnection: vi.fn(async () => state()),
    putConnection: vi.fn(async (input: { orgId: string; etag: string; idempotencyKey: string }) => {
      puts.push(input);
      connected = input.orgId === BETA.id ? BETA : ACME;
      version += 1;
      return state();
    }),
  };
  return {
    client: client as unknown as AssetsClient & typeof client,
    puts,
    changeBehindOurBack(org: typeof ACME) {
      connected = org;
      version += 1;
    },
  };
}

function contextFor(assets: ReturnType<typeof fakeAssets>, reasons: string[] = []) {
  const announce = vi.fn(async () => {});
  let opCounter = 0;
  const context: SwitchContext = {
    aemOrg: AEM_ORG,
    assets: assets.client,
    revalidate: async (orgId: string, _connection: CcConnection) => ({
      reasons,
      orgName: orgId === BETA.id ? BETA.name : ACME.name,
      userId: 'U@AdobeID',
    }),
    now: () => Date.parse('2026-11-25T11:00:00Z'),
    newOpId: () => `op-${++opCounter}`,
    announce,
  };
  return { context, announce };
}

describe('switchOrg', () => {
  beforeEach(() => fakeBrowser.reset());

  it('switches once with If-Match and the operation id as Idempotency-Key, then records it in the history and announces', async () => {
    const assets = fakeAssets(ACME);
    const { context, announce } = contextFor(assets);

    const result = await switchOrg(context, { orgId: BETA.id, expectedCurrentOrgId: ACME.id });

    expect(assets.puts).toEqual([{ orgId: BETA.id, etag: '"v1"', idempotencyKey: 'op-1' }]);
    expect(result.connection.connectedOrg).toEqual(BETA);
    expect(await readHistory()).toEqual([
      expect.objectContaining({ opId: 'op-1', from: ACME, to: BETA, result: 'success', aemOrgId: AEM_ORG.id }),
    ]);
    expect(await readSwitchRecord(AEM_ORG.id)).toBeUndefined();
    expect(announce).toHaveBeenCalledOnce();
  });

  it('records the author host the switch went to in its history entry', async () => {
    const { context } = contextFor(fakeAssets(ACME));
    await switchOrg(
      { ...context, authorHost: 'author-p1-e2.adobeaemcloud.com' },
      {
        orgId: BETA.id,
        expectedCurrentOrgId: ACME.id,
      },
    );
    expect(await readHistory()).toEqual([expect.objectContaining({ authorHost: 'author-p1-e2.adobeaemcloud.com' })]);
  });

  it('refuses when the connection is no longer what the admin saw, naming the new org', async () => {
    const assets = fakeAssets(ACME);
    assets.changeBehindOurBack(BETA);
    const { context } = contextFor(assets);

    await expect(switchOrg(context, { orgId: BETA.id, expectedCurrentOrgId: ACME.id })).rejects.toMatchObject({
      code: 'CONNECTION_CHANGED',
      message: expect.stringContaining('Beta Studio'),
    });
    expect(assets.puts).toHaveLength(0);
  });

  it('refuses an org the fresh re-validation rejects, without a PUT', async () => {
    const assets = fakeAssets(ACME);
    const { context } = contextFor(assets, ['NO_CC_ENTITLEMENT']);

    await expect(switchOrg(context, { orgId: BETA.id, expectedCurrentOrgId: ACME.id })).rejects.toMatchObject({
      code: 'NOT_ELIGIBLE',
    });
    expect(assets.puts).toHaveLength(0);
    expect(await readHistory()).toEqual([]);
  });

  it('runs one switch when two requests arrive together (double click, two tabs)', async () => {
    const assets = fakeAssets(ACME);
    const { context } = contextFor(assets);

    const results = await Promise.allSettled([
      switchOrg(context, { orgId: BETA.id, expectedCurrentOrgId: ACME.id }),
      switchOrg(context, { orgId: BETA.id, expectedCurrentOrgId: ACME.id }),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as ExtensionError).code).toBe('SWITCH_IN_PROGRESS');
    expect(assets.puts).toHaveLength(1);
  });

  it('records a failed PUT in the history with its code and clears the record', async () => {
    const assets = fakeAssets(ACME);
    assets.client.putConnection.mockRejectedValueOnce(new ExtensionError('SERVER_ERROR', 'PUT failed with 500'));
    const { context } = contextFor(assets);

    await expect(switchOrg(context, { orgId: BETA.id, expectedCurrentOrgId: ACME.id })).rejects.toMatchObject({
      code: 'SERVER_ERROR',
    });
    expect(await readHistory()).toEqual([expect.objectContaining({ result: 'failed', errorCode: 'SERVER_ERROR' })]);
    expect(await readSwitchRecord(AEM_ORG.id)).toBeUndefined();
  });

  it('reports an unreadable read-back after an accepted PUT as unverified, not as a service error', async () => {
    const assets = fakeAssets(ACME);
    const { context } = contextFor(assets);
    const readBack = new ExtensionError('INVALID_RESPONSE', 'GET answered 200 with a body that is not JSON');
    assets.client.getConnection.mockImplementation(async () => {
      if (assets.puts.length > 0) throw readBack;
      return {
        connection: { connectedOrg: ACME, updatedAt: '2026-11-25T10:42:00Z', updatedBy: 'X@AdobeID' },
        etag: '"v1"',
      };
    });

    await expect(switchOrg(context, { orgId: BETA.id, expectedCurrentOrgId: ACME.id })).rejects.toMatchObject({
      code: 'VERIFICATION_FAILED',
      message: expect.stringContaining('not JSON'),
    });
    expect(assets.puts).toHaveLength(1);
    expect(await readHistory()).toEqual([
      expect.objectContaining({ result: 'failed', errorCode: 'VERIFICATION_FAILED' }),
    ]);
  });
});

describe('reconcile', () => {
  beforeEach(() => fakeBrowser.reset());

  const record = {
    opId: 'op-killed',
    aemOrgId: AEM_ORG.id,
    aemOrgName: AEM_ORG.name,
    userId: 'U@AdobeID',
    from: ACME,
    to: BETA,
    state: 'putSent' as const,
    startedAt: 0,
  };

  it('finishes a switch the server applied before the worker died, without a second PUT', async () => {
    const assets = fakeAssets(ACME);
    assets.changeBehindOurBack(BETA);
    await writeSwitchRecord(record);
    const { context } = contextFor(assets);

    const entry = await reconcile(context);

    expect(entry).toMatchObject({ opId: 'op-killed', result: 'success' });
    expect(assets.puts).toHaveLength(0);
    expect(await readSwitchRecord(AEM_ORG.id)).toBeUndefined();
  });

  it('waits for a PUT still in flight when the worker died, instead of failing it early', async () => {
    const assets = fakeAssets(ACME);
    const { context } = contextFor(assets);
    await writeSwitchRecord({ ...record, startedAt: context.now() - 1_000 });
    // The dead worker's PUT lands on the server after the first re-read.
    assets.client.getConnection.mockImplementationOnce(async () => {
      const before = {
        connection: { connectedOrg: ACME, updatedAt: '2026-11-25T10:42:00Z', updatedBy: 'X@AdobeID' },
        etag: '"v1"',
      };
      assets.changeBehindOurBack(BETA);
      return before;
    });

    expect(await reconcile(context)).toMatchObject({ result: 'success' });
    expect(assets.client.getConnection).toHaveBeenCalledTimes(2);
    expect(assets.puts).toHaveLength(0);
  });

  it('settles from the server alone: its context can neither re-validate nor start an operation', async () => {
    const assets = fakeAssets(ACME);
    assets.changeBehindOurBack(BETA);
    await writeSwitchRecord(record);
    const announce = vi.fn(async () => {});
    const context: ReconcileContext = { aemOrg: AEM_ORG, assets: assets.client, now: () => 0, announce };

    const entry = await reconcile(context);

    expect(entry).toMatchObject({ opId: 'op-killed', result: 'success', to: BETA });
    expect(announce).toHaveBeenCalledWith(entry, expect.objectContaining({ connectedOrg: BETA }));
    expect(Object.keys(context)).not.toContain('revalidate');
  });

  it('fails a switch the server never applied, as interrupted', async () => {
    const assets = fakeAssets(ACME);
    await writeSwitchRecord(record);
    const { context } = contextFor(assets);

    expect(await reconcile(context)).toMatchObject({ result: 'failed', errorCode: 'SWITCH_INTERRUPTED' });
    expect(assets.puts).toHaveLength(0);
  });
});

describe('switch records of several AEM orgs', () => {
  beforeEach(() => fakeBrowser.reset());

  const OTHER_AEM_ORG = { id: '00000000000000000000FFFF@AdobeOrg', name: 'Other Marketing' };
  const unreconciled = {
    opId: 'op-in-other-org',
    aemOrgId: OTHER_AEM_ORG.id,
    aemOrgName: OTHER_AEM_ORG.name,
    userId: 'U@AdobeID',
    from: ACME,
    to: BETA,
    state: 'putSent' as const,
    startedAt: 0,
  };

  it("keep an unreconciled record of one org through a switch in another, then settle it from that org's server", async () => {
    const matrixCase = matrixCaseStarted('attack', 'switch in one AEM org keeps another org’s unreconciled record');
    await writeSwitchRecord(unreconciled);
    const here = fakeAssets(ACME);
    await switchOrg(contextFor(here).context, { orgId: BETA.id, expectedCurrentOrgId: ACME.id });
    expect(await readSwitchRecord(OTHER_AEM_ORG.id)).toEqual({ ...unreconciled, path: 'api' });

    // The other org's server shows the PUT of the killed worker landed: the history says so.
    const there = fakeAssets(ACME);
    there.changeBehindOurBack(BETA);
    const entry = await reconcile({ ...contextFor(there).context, aemOrg: OTHER_AEM_ORG });
    expect(entry).toMatchObject({ opId: 'op-in-other-org', aemOrgId: OTHER_AEM_ORG.id, result: 'success' });
    expect(await readSwitchRecord(OTHER_AEM_ORG.id)).toBeUndefined();
    expect(there.puts).toHaveLength(0);
    matrixCase.passed({ intendedSwitches: 1, appliedSwitches: here.puts.length });
  });
});
