import { SCENARIOS, type ScenarioOrg, type ScenarioUser } from '../../sandbox/scenarios';
import { orgNamed } from '../support/scenario-orgs';
import { expect, type SandboxFixture, test } from './fixtures';
import { openWorkerClient, readExtensionStorage, signInAs, type WorkerClient } from './support/worker-client';

const scenario = SCENARIOS.default;
const acme = orgNamed('Acme');
const design = orgNamed('Acme Design Studio');
const legacy = orgNamed('Acme Legacy Agency');
const northwind = orgNamed('Northwind Partners');
const consoleUser = (): ScenarioUser => {
  const found = scenario.users.find((user) => user.userId === scenario.consoleUserId);
  if (!found) throw new Error('The default scenario names no console user');
  return found;
};
const ada = consoleUser();
const ref = (org: ScenarioOrg) => ({ id: org.id, name: org.name });

interface SandboxState {
  connectedOrg: { id: string; name: string } | null;
  updatedAt: string;
  updatedBy: string;
  appliedChanges: number;
  externalChanges: number;
  putsByIdempotencyKey: Record<string, number>;
}

const sandboxState = (sandbox: SandboxFixture) => sandbox.control<SandboxState>('GET', 'state');

async function signedInClient(context: Parameters<typeof openWorkerClient>[0], extensionId: string) {
  const client = await openWorkerClient(context, extensionId);
  await signInAs(client, ada);
  return client;
}

const switchTo = (
  client: WorkerClient,
  sandbox: SandboxFixture,
  org: ScenarioOrg,
  expectedCurrent: ScenarioOrg | null,
) =>
  client.send({
    type: 'switchOrg',
    console: sandbox.consoleIdentity(),
    orgId: org.id,
    expectedCurrentOrgId: expectedCurrent?.id ?? null,
  });

test.describe('switching the CC org through the worker', () => {
  test('changes the sandbox once, answers the verified connection, records it in the history and switches back', async ({
    context,
    extensionId,
    sandbox,
    serviceWorker,
  }) => {
    const client = await signedInClient(context, extensionId);

    const switched = await switchTo(client, sandbox, design, acme);

    if (!switched.ok) throw new Error(`switchOrg failed: ${switched.error.code} ${switched.error.message}`);
    const afterSwitch = await sandboxState(sandbox);
    expect(afterSwitch.appliedChanges).toBe(1);
    expect(afterSwitch.putsByIdempotencyKey).toEqual({ [switched.data.entry.opId]: 1 });
    expect(switched.data.connection).toEqual({
      connectedOrg: ref(design),
      updatedAt: afterSwitch.updatedAt,
      updatedBy: ada.userId,
    });
    expect(switched.data.entry).toMatchObject({
      userId: ada.userId,
      aemOrgId: scenario.aemOrg.id,
      aemOrgName: scenario.aemOrg.name,
      authorHost: sandbox.authorHost,
      from: ref(acme),
      to: ref(design),
      result: 'success',
    });
    expect(await client.data({ type: 'getHistory' })).toEqual({ entries: [switched.data.entry] });
    expect(await readExtensionStorage(serviceWorker, 'session', 'switchOperations')).toEqual({});

    const back = await client.send({
      type: 'switchBack',
      console: sandbox.consoleIdentity(),
      expectedCurrentOrgId: design.id,
    });

    if (!back.ok) throw new Error(`switchBack failed: ${back.error.code} ${back.error.message}`);
    expect(back.data.connection.connectedOrg).toEqual(ref(acme));
    expect(back.data.entry).toMatchObject({ from: ref(design), to: ref(acme), result: 'success' });
    const afterBack = await sandboxState(sandbox);
    expect(afterBack.connectedOrg).toEqual(ref(acme));
    expect(afterBack.appliedChanges).toBe(2);
    expect(Object.values(afterBack.putsByIdempotencyKey)).toEqual([1, 1]);
    const history = JSON.stringify(await client.data({ type: 'getHistory' }));
    const tokens = (await sandbox.control<{ token: string }[]>('GET', 'issued-tokens')).map(({ token }) => token);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(history).not.toContain(token);
    expect(history).not.toContain(ada.email);
  });

  test('refuses a stale expectation and an ineligible org before any PUT', async ({
    context,
    extensionId,
    sandbox,
  }) => {
    const client = await signedInClient(context, extensionId);
    await sandbox.control('POST', 'connection', { orgId: northwind.id });

    const stale = await switchTo(client, sandbox, design, acme);

    expect(stale).toEqual({ ok: false, error: { code: 'CONNECTION_CHANGED', message: expect.any(String) } });
    expect(stale.ok || stale.error.message).toContain(northwind.name);
    const ineligible = await switchTo(client, sandbox, legacy, northwind);
    expect(ineligible).toEqual({ ok: false, error: { code: 'NOT_ELIGIBLE', message: expect.any(String) } });
    const state = await sandboxState(sandbox);
    expect(state).toMatchObject({ connectedOrg: ref(northwind), appliedChanges: 0, putsByIdempotencyKey: {} });
    expect(await client.data({ type: 'getHistory' })).toEqual({ entries: [] });
  });

  test('another admin switching during the switch ends in a clear code and the server’s state', async ({
    context,
    extensionId,
    sandbox,
  }) => {
    await sandbox.control('POST', 'scenario', { name: 'concurrent-admin' });
    const client = await signedInClient(context, extensionId);

    // The worker's own read arms the other admin's change, so its PUT carries a stale ETag.
    const refused = await switchTo(client, sandbox, design, acme);

    const state = await sandboxState(sandbox);
    expect(state.appliedChanges).toBe(0);
    expect(state.externalChanges).toBe(1);
    expect(refused).toEqual({ ok: false, error: { code: 'CONNECTION_CHANGED', message: expect.any(String) } });
    const shown = await client.data({
      type: 'getConsoleState',
      console: sandbox.consoleIdentity(),
      freshness: 'fresh',
    });
    expect(shown.signedIn && shown.console?.connection?.connectedOrg).toEqual(state.connectedOrg);
    const { entries } = await client.data({ type: 'getHistory' });
    expect(entries).toEqual([
      expect.objectContaining({ from: ref(acme), to: ref(design), result: 'failed', errorCode: 'CONNECTION_CHANGED' }),
    ]);
  });
});

test.describe('a worker killed mid-switch', () => {
  const delayedPut = { method: 'PUT', path: '/adobe/assets/settings/creative-cloud', delayMs: 1500 };

  for (const wake of ['after the PUT landed', 'while the PUT is still in flight'] as const) {
    test(`is reconciled from the server’s truth with no second PUT, woken ${wake}`, async ({
      context,
      extensionId,
      sandbox,
      killServiceWorker,
      reacquireServiceWorker,
    }) => {
      const client = await signedInClient(context, extensionId);
      await sandbox.control('POST', 'faults', delayedPut);

      // The worker dies before it can answer, so this message port closes without a reply.
      const interrupted = switchTo(client, sandbox, design, acme).catch((error: unknown) => error);
      // The fault is used up once the PUT has reached the server, which then holds it.
      await expect.poll(() => sandbox.control<unknown[]>('GET', 'faults')).toEqual([]);
      await killServiceWorker();
      if (wake === 'after the PUT landed') {
        await expect.poll(async () => (await sandboxState(sandbox)).appliedChanges).toBe(1);
      }
      expect(await client.data({ type: 'getStatus' })).toMatchObject({ signedIn: true });
      const worker = await reacquireServiceWorker();

      await expect
        .poll(() => readExtensionStorage(worker, 'session', 'switchOperations'), { timeout: 10_000 })
        .toEqual({});
      expect(await interrupted).toBeInstanceOf(Error);
      const state = await sandboxState(sandbox);
      expect(state.appliedChanges).toBe(1);
      expect(state.connectedOrg).toEqual(ref(design));
      const [opId, ...otherKeys] = Object.keys(state.putsByIdempotencyKey);
      expect(otherKeys).toEqual([]);
      expect(state.putsByIdempotencyKey).toEqual({ [String(opId)]: 1 });
      expect(await client.data({ type: 'getHistory' })).toEqual({
        entries: [expect.objectContaining({ opId, from: ref(acme), to: ref(design), result: 'success' })],
      });
    });
  }
});
