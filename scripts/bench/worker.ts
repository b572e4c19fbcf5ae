import { randomUUID } from 'node:crypto';
import { createAssetsClient } from '../../lib/assets/client';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import type { RequestOf } from '../../lib/messaging/contract';
import { type LoggedRequest, madeByExtension } from '../../sandbox/request-log';
import type { ChromiumGlobals } from '../../tests/e2e/support/extension-apis';
import { sandboxAuthorHost } from '../../tests/e2e/support/sandbox-control';
import { openWorkerClient, type WorkerClient } from '../../tests/e2e/support/worker-client';
import type { BenchSession } from './session';
import { type Sampled, summarize } from './stats';

/** Times one message from an extension page to the worker and back, on the page's clock. */
function timedMessage(client: WorkerClient, request: RequestOf<'getStatus' | 'switchOrg'>): Promise<number> {
  return client.page.evaluate(async (message) => {
    const chrome = (globalThis as ChromiumGlobals).chrome;
    const startedAt = performance.now();
    const answer = (await chrome?.runtime.sendMessage(message)) as { ok?: boolean; error?: { code: string } };
    if (!answer?.ok) throw new Error(`The worker refused: ${answer?.error?.code ?? 'no answer'}`);
    return performance.now() - startedAt;
  }, request);
}

export interface WakeResult {
  cold: Sampled;
  warm: Sampled;
}

/** Worker killed (as Chrome does when idle) → the first answer; and the same message warm. */
export async function workerWake(session: BenchSession, runs: number): Promise<WakeResult> {
  const client = await openWorkerClient(session.withExtension, session.extensionId);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await session.killWorker();
    cold.push(await timedMessage(client, { type: 'getStatus' }));
    warm.push(await timedMessage(client, { type: 'getStatus' }));
  }
  await client.page.close();
  await session.reacquireWorker();
  return { cold: summarize(cold), warm: summarize(warm) };
}

export interface SwitchResult {
  extension: Sampled;
  sandboxPutGet: Sampled;
  /** Median of the extension's switch minus median of the bare PUT+GET. */
  overheadMs: number;
}

/**
 * A whole switch through the worker (lock, record, fresh re-validation, PUT, verifying GET,
 * history, broadcast) against the same PUT + GET made directly from Node: the difference is
 * what the extension adds.
 */
export async function switchOverhead(
  session: BenchSession,
  console: { tenant: string; aemOrgId: string; userId: string },
  runs: number,
): Promise<SwitchResult> {
  const client = await openWorkerClient(session.withExtension, session.extensionId);
  // One token up front, so the timed PUT + GET are only those two calls.
  const { access_token: token } = await session.control<{ access_token: string }>('POST', 'token', {
    userId: console.userId,
  });
  // Self-check of how page loads tell the worker's requests apart: a fresh state read must count.
  await session.control('DELETE', 'requests');
  // The console as a console tab names it: tenant and the AEM author host its URL names (`?repoId=`).
  const identity = { tenant: console.tenant, authorHost: sandboxAuthorHost(session.sandbox.shellUrl) };
  await client.data({ type: 'getConsoleState', console: identity, freshness: 'fresh' });
  if (!(await session.control<LoggedRequest[]>('GET', 'requests')).some(madeByExtension)) {
    throw new Error("No request was attributed to the worker's fresh read: the request check is wrong");
  }
  const direct = createAssetsClient({
    assetsBaseUrl: session.sandbox.apiBaseUrl,
    clientId: SANDBOX_CLIENT_ID,
    aemOrgId: console.aemOrgId,
    getAccessToken: async () => token,
    onUnauthorized: async () => {},
    retry: false,
  });
  const extension: number[] = [];
  const putGet: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const state = await client.data({ type: 'getConsoleState', console: identity, freshness: 'fresh' });
    if (!state.signedIn || !state.console) throw new Error('The bench console is not signed in and resolved');
    const current = state.console.connection?.connectedOrg?.id ?? null;
    // CC active, so the console accepts it too (an org whose CC is unknown may be refused).
    const target = state.console.model.orgs.find(
      (org) => org.eligible && org.ccEntitlement === 'active' && org.orgId !== current,
    );
    if (!target) throw new Error('No eligible org to switch to');
    extension.push(
      await timedMessage(client, {
        type: 'switchOrg',
        console: identity,
        orgId: target.orgId,
        expectedCurrentOrgId: current,
      }),
    );
    // The bare API: read the ETag (not timed), then PUT + verifying GET, as the worker does.
    const { etag } = await direct.getConnection();
    const back = current ?? target.orgId;
    const startedAt = performance.now();
    await direct.putConnection({ orgId: back, etag, idempotencyKey: randomUUID() });
    await direct.getConnection();
    putGet.push(performance.now() - startedAt);
  }
  await client.page.close();
  const extensionSampled = summarize(extension);
  const putGetSampled = summarize(putGet);
  return {
    extension: extensionSampled,
    sandboxPutGet: putGetSampled,
    overheadMs: extensionSampled.median - putGetSampled.median,
  };
}
