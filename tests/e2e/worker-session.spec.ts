import type { Worker } from '@playwright/test';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import { SCENARIOS, type ScenarioUser } from '../../sandbox/scenarios';
import { expect, test } from './fixtures';
import { chooseAccount, readExtensionStorage, signInAs, waitForLoginPage } from './support/worker-client';
import { expectedIdentity } from './support/worker-truth';

const scenario = SCENARIOS.default;
const userNamed = (name: string): ScenarioUser => {
  const found = scenario.users.find((user) => user.name === name);
  if (!found) throw new Error(`No ${name} in the default scenario`);
  return found;
};
const ada = userNamed('Ada Lovelace');
const grace = userNamed('Grace Hopper');

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

test.describe('the worker’s IMS session in Chromium', () => {
  test('signs in through the sandbox login page and answers the chosen identity', async ({ workerClient }) => {
    const client = await workerClient();
    expect(await client.data({ type: 'getStatus' })).toMatchObject({ signedIn: false });

    const answer = await signInAs(client, ada);

    expect(answer).toEqual({ ok: true, data: expectedIdentity(ada) });
    expect(await client.data({ type: 'getStatus' })).toMatchObject({ signedIn: true });
  });

  test('“use a different account” shows the login page despite the IMS session, and switches user', async ({
    context,
    sandbox,
    workerClient,
  }) => {
    const client = await workerClient();
    await signInAs(client, ada);

    const loginPage = waitForLoginPage(context);
    const answer = client.send({ type: 'signIn', chooseAccount: true });
    const page = await loginPage;
    expect(new URL(page.url()).searchParams.get('prompt')).toBe('login');
    await chooseAccount(page, grace);

    expect(await answer).toEqual({ ok: true, data: { ...expectedIdentity(grace), accountType: 'personal' } });
    const state = await client.data({
      type: 'getConsoleState',
      console: sandbox.consoleIdentity(),
      freshness: 'fresh',
    });
    expect(state).toMatchObject({ signedIn: true, identity: { userId: grace.userId } });
    const authorizations = (await sandbox.control<LoggedRequest[]>('GET', 'requests')).filter((request) =>
      request.path.startsWith('/ims/authorize/v2?'),
    );
    expect(authorizations.map((request) => new URLSearchParams(request.path.split('?')[1]).get('prompt'))).toEqual([
      null,
      'login',
    ]);
  });
});

interface StoredSession {
  accessToken: string;
  refreshToken?: string;
}

async function storedSession(worker: Worker): Promise<StoredSession | undefined> {
  return (await readExtensionStorage(worker, 'session', 'imsSession')).imsSession as StoredSession | undefined;
}

const tokenRequests = (log: LoggedRequest[]) => log.filter((request) => request.path.startsWith('/ims/token/v3'));
const authorizeRequests = (log: LoggedRequest[]) =>
  log.filter((request) => request.path.startsWith('/ims/authorize/v2?'));

test.describe('expired tokens', () => {
  test('are refreshed once with the refresh token, and the call goes through', async ({
    sandbox,
    serviceWorker,
    workerClient,
  }) => {
    const client = await workerClient();
    await signInAs(client, ada);
    const before = await client.data({
      type: 'getConsoleState',
      console: sandbox.consoleIdentity(),
      freshness: 'fresh',
    });
    const oldSession = await storedSession(serviceWorker);
    await sandbox.control('DELETE', 'requests');

    await sandbox.control('POST', 'expire-tokens');
    const after = await client.data({
      type: 'getConsoleState',
      console: sandbox.consoleIdentity(),
      freshness: 'fresh',
    });

    expect(after).toEqual({
      ...before,
      console: { ...(before.signedIn && before.console), fetchedAt: expect.any(Number) },
    });
    const log = await sandbox.control<LoggedRequest[]>('GET', 'requests');
    expect(log.some((request) => request.status === 401)).toBe(true);
    expect(tokenRequests(log).map((request) => [request.method, request.status])).toEqual([['POST', 200]]);
    expect(authorizeRequests(log)).toEqual([]);
    const newSession = await storedSession(serviceWorker);
    expect(newSession?.accessToken).not.toBe(oldSession?.accessToken);
    expect(newSession?.refreshToken).toBe(oldSession?.refreshToken);
  });

  test('without refresh tokens are renewed by a silent prompt=none authorization', async ({
    context,
    sandbox,
    workerClient,
  }) => {
    await sandbox.control('POST', 'config', { issueRefreshTokens: false });
    const client = await workerClient();
    await signInAs(client, ada);
    await sandbox.control('DELETE', 'requests');
    const pagesBefore = context.pages().length;

    await sandbox.control('POST', 'expire-tokens');
    const state = await client.data({
      type: 'getConsoleState',
      console: sandbox.consoleIdentity(),
      freshness: 'fresh',
    });

    expect(state).toMatchObject({ signedIn: true, identity: { userId: ada.userId }, aemOrg: { status: 'resolved' } });
    const log = await sandbox.control<LoggedRequest[]>('GET', 'requests');
    const prompts = authorizeRequests(log).map((request) =>
      new URLSearchParams(request.path.split('?')[1]).get('prompt'),
    );
    expect(prompts).toEqual(['none']);
    expect(tokenRequests(log).map((request) => request.status)).toEqual([200]);
    expect(context.pages()).toHaveLength(pagesBefore);
  });
});

test('signing out ends the session here and at IMS', async ({ sandbox, serviceWorker, workerClient }) => {
  const client = await workerClient();
  await signInAs(client, ada);
  const session = await storedSession(serviceWorker);
  if (!session?.refreshToken) throw new Error('Expected a stored session with a refresh token after sign-in');

  expect(await client.send({ type: 'signOut' })).toEqual({ ok: true, data: { signedIn: false } });

  expect(
    await client.data({ type: 'getConsoleState', console: sandbox.consoleIdentity(), freshness: 'fresh' }),
  ).toEqual({
    signedIn: false,
  });
  expect(await client.data({ type: 'getStatus' })).toMatchObject({ signedIn: false });
  expect(await storedSession(serviceWorker)).toBeUndefined();
  const profile = await fetch(`${sandbox.apiBaseUrl}/ims/profile/v1`, {
    headers: { Authorization: `Bearer ${session.accessToken}` },
  });
  expect(profile.status).toBe(401);
  const refresh = await fetch(`${sandbox.apiBaseUrl}/ims/token/v3?client_id=${SANDBOX_CLIENT_ID}`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken }),
  });
  expect(refresh.status).toBe(400);
});
