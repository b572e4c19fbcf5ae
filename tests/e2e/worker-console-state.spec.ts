import { SCENARIOS, type ScenarioName, type ScenarioUser } from '../../sandbox/scenarios';
import { expect, type SandboxFixture, test } from './fixtures';
import { signInAs } from './support/worker-client';
import { expectedConsole, expectedIdentity, type SandboxConnectionTruth } from './support/worker-truth';

interface ConsoleSession {
  aemOrg: { id: string; name: string; tenant: string };
}

/** What the sandbox console shows: the tenant in its shell URL and the org name in its header. */
async function consoleShownBy(sandbox: SandboxFixture) {
  const response = await fetch(`${sandbox.apiBaseUrl}/console/session`);
  const { aemOrg } = (await response.json()) as ConsoleSession;
  // What a console tab shows: tenant and header name, and the AEM author host its URL names.
  const shown = { tenant: aemOrg.tenant, orgName: aemOrg.name, authorHost: sandbox.authorHost };
  return { shown, aemOrg: { id: aemOrg.id, name: aemOrg.name } };
}

async function connectionTruth(sandbox: SandboxFixture): Promise<SandboxConnectionTruth> {
  const { connectedOrg, updatedAt, updatedBy } = await sandbox.control<SandboxConnectionTruth>('GET', 'state');
  return { connectedOrg, updatedAt, updatedBy };
}

function user(name: ScenarioName, accountType: ScenarioUser['accountType'], index = 0): ScenarioUser {
  const found = SCENARIOS[name].users.filter((candidate) => candidate.accountType === accountType)[index];
  if (!found) throw new Error(`No ${accountType} user in ${name}`);
  return found;
}

/** Each scenario with the account an admin of that console would sign in with. */
const CASES: { scenario: ScenarioName; signInAs: ScenarioUser; note: string }[] = [
  { scenario: 'default', signInAs: user('default', 'type2'), note: 'the console user' },
  { scenario: 'many-orgs', signInAs: user('many-orgs', 'type3'), note: 'a federated admin in 1,000 orgs' },
  { scenario: 'not-admin', signInAs: user('not-admin', 'type2'), note: 'a console user without admin rights' },
  {
    scenario: 'same-email-different-ids',
    signInAs: user('same-email-different-ids', 'type1'),
    note: 'the personal account, not the console’s',
  },
  {
    scenario: 'same-email-different-ids',
    signInAs: user('same-email-different-ids', 'type2'),
    note: 'the enterprise account the console knows',
  },
  { scenario: 'no-entitled-orgs', signInAs: user('no-entitled-orgs', 'type2'), note: 'no org with active CC' },
  { scenario: 'concurrent-admin', signInAs: user('concurrent-admin', 'type2'), note: 'another admin switching' },
];

test.describe('getConsoleState matches the sandbox’s truth', () => {
  for (const { scenario: name, signInAs: account, note } of CASES) {
    test(`${name}, signed in as ${note}`, async ({ sandbox, workerClient }) => {
      await sandbox.control('POST', 'scenario', { name });
      const scenario = SCENARIOS[name];
      const { shown, aemOrg } = await consoleShownBy(sandbox);
      const client = await workerClient();
      await signInAs(client, account);
      const truthAtRead = await connectionTruth(sandbox);

      const fresh = await client.data({ type: 'getConsoleState', console: shown, freshness: 'fresh' });

      expect(fresh).toEqual({
        signedIn: true,
        identity: expectedIdentity(account),
        aemOrg: { status: 'resolved', org: aemOrg },
        // The fixture bound the sandbox's author host as an admin would have.
        authorHost: { host: sandbox.authorHost, trust: 'admin', environment: 'sandbox' },
        console: { ...expectedConsole(scenario, account, truthAtRead), fetchedAt: expect.any(Number) },
      });
      // Stale-while-revalidate: the cached answer is the last fresh one, whatever happened since.
      expect(await client.data({ type: 'getConsoleState', console: shown, freshness: 'cached' })).toEqual(fresh);
      // concurrent-admin: another admin switched right after that read; a fresh read sees it.
      const truthNow = await connectionTruth(sandbox);
      expect(truthNow.connectedOrg?.id !== truthAtRead.connectedOrg?.id).toBe(name === 'concurrent-admin');
      expect(await client.data({ type: 'getConsoleState', console: shown, freshness: 'fresh' })).toEqual({
        ...fresh,
        console: { ...expectedConsole(scenario, account, truthNow), fetchedAt: expect.any(Number) },
      });
    });
  }
});
