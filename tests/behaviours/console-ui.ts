import assert from 'node:assert/strict';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIO_NAMES, SCENARIOS, type Scenario, type ScenarioName, userOf } from '../../sandbox/scenarios';
import { byTestId, shownOrgs, uiText } from '../drivers/console-readers';
import { until } from '../drivers/driver';
import { writeProtectedSetting } from '../e2e/support/extension-environment';
import { injectPolicy } from '../e2e/support/options-page';
import { expectedConsole, type SandboxConnectionTruth } from '../e2e/support/worker-truth';
import { orgNamed } from '../support/scenario-orgs';
import type { Behaviour, BehaviourGroup } from './behaviour';
import {
  dialogClosed,
  pickInSwitcher,
  resultLine,
  sandboxState,
  sendFromExtensionPage,
  signedInConsole,
  uiContains,
  uiShows,
} from './steps';

// Our UI on the sandbox console against the sandbox's own truth: badges per org in every
// scenario, the validated switch and Switch back, read-only set by the admin or by policy.

const acme = SCENARIOS.default.aemOrg;
const design = orgNamed('Acme Design Studio');

/** Who signs in per scenario: the console's user, except where the point is another user ID. */
function signedInUser(scenario: Scenario) {
  const personal = scenario.users.find((user) => user.accountType === 'type1');
  const user = scenario.name === 'same-email-different-ids' ? personal : userOf(scenario, scenario.consoleUserId);
  if (!user) throw new Error(`No user to sign in with in ${scenario.name}`);
  return user;
}

function badgesMatchTheSandbox(name: ScenarioName): Behaviour {
  return {
    name: `the switcher's badges and eligibility match the sandbox for every org (${name})`,
    // A walk through 1,000 orgs in 101 searches.
    ...(name === 'many-orgs' && { slow: true }),
    async run(driver) {
      const scenario = SCENARIOS[name];
      const user = signedInUser(scenario);
      const tab = await signedInConsole(driver, { scenario: name, user });
      const truth = expectedConsole(
        scenario,
        user,
        await driver.sandbox.control<SandboxConnectionTruth>('GET', 'state'),
      );
      await (await tab.app()).click({ in: 'ui', css: 'button', text: en.openSwitcher });
      const shown = [];
      if (scenario.orgs.length <= 50) {
        shown.push(
          ...(await until(async () => {
            const orgs = await shownOrgs(await tab.app());
            return orgs.length === truth.model.orgs.length && orgs;
          }, `the switcher lists ${truth.model.orgs.length} orgs`)),
        );
      } else {
        // Ten at a time: "Division 000" … "Division 099", then the head org by its id.
        const searches = [
          ...Array.from({ length: 100 }, (_, n) => `Division ${String(n).padStart(3, '0')}`),
          scenario.aemOrg.id,
        ];
        for (const query of searches) {
          await (await tab.app()).type({ in: 'ui', css: '[role="combobox"]' }, query);
          shown.push(
            ...(await until(async () => {
              const orgs = await shownOrgs(await tab.app());
              return orgs.length > 0 && orgs.every((org) => org.name.includes(query) || org.orgId === query) && orgs;
            }, `the switcher lists the orgs matching ${query}`)),
          );
        }
      }
      const byId = new Map(shown.map((org) => [org.orgId, org]));
      assert.equal(byId.size, truth.model.orgs.length);
      for (const expected of truth.model.orgs) {
        const org = byId.get(expected.orgId);
        assert.equal(org?.name, expected.orgName, expected.orgId);
        assert.deepEqual(org?.badges, expected.badges, expected.orgName);
        assert.equal(org?.disabled, !expected.eligible, expected.orgName);
        assert.equal(Boolean(org?.reasons), !expected.eligible, expected.orgName);
      }
    },
  };
}

const switchAndBackThroughTheApi: Behaviour = {
  name: 'switches after confirmation, shows the verified result, and switches back',
  async run(driver) {
    const tab = await signedInConsole(driver);
    await pickInSwitcher(tab, design.name);
    assert.equal(
      await uiText(await tab.app(), `dialog[open] ${byTestId('confirm-text')}`),
      `This replaces ${acme.name} with ${design.name} for all users of ${acme.name}.`,
    );
    await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.confirmSwitch });
    await uiShows(tab, byTestId('progress'), resultLine('api', design.name));
    let state = await sandboxState(driver);
    assert.equal(state.appliedChanges, 1);
    assert.equal(state.connectedOrg?.id, design.id);
    await uiContains(tab, byTestId('connected-org'), design.name);

    await (await tab.app()).click({ in: 'ui', css: 'button', text: `Switch back to ${acme.name}` });
    await uiShows(tab, byTestId('progress'), resultLine('api', acme.name));
    state = await sandboxState(driver);
    assert.equal(state.appliedChanges, 2);
    assert.equal(state.connectedOrg?.id, acme.id);
  },
};

/** The worker's answer to a switch an extension page asks for: refused while read-only, whoever set it. */
const switchFromExtensionPage = (driver: Parameters<Behaviour['run']>[0]) =>
  sendFromExtensionPage(driver, {
    type: 'switchOrg',
    console: driver.sandbox.consoleIdentity(),
    orgId: design.id,
    expectedCurrentOrgId: acme.id,
  });

/** No control of ours can start a switch: no switcher button, no search. */
const switchControls = (tab: Awaited<ReturnType<typeof signedInConsole>>) =>
  tab
    .app()
    .then((app) =>
      app.evaluate(
        (tag) =>
          document.querySelector(tag)?.shadowRoot?.querySelectorAll('[aria-controls="org-switcher"], [role="combobox"]')
            .length ?? 0,
        CONSOLE_UI_TAG,
      ),
    );

const readOnlySetByTheAdmin: Behaviour = {
  name: 'read-only mode shows status and no switch controls, and the worker refuses a switch',
  async run(driver) {
    await writeProtectedSetting(await driver.background(), 'readOnly', true);
    const tab = await signedInConsole(driver);
    await uiShows(tab, byTestId('read-only'), en.readOnly);
    assert.equal(await switchControls(tab), 0);
    const answer = (await switchFromExtensionPage(driver)) as { ok: boolean; error?: { code: string } };
    assert.deepEqual({ ok: answer.ok, code: answer.error?.code }, { ok: false, code: 'READ_ONLY' });
    assert.equal((await sandboxState(driver)).appliedChanges, 0);
  },
};

const readOnlySetByPolicy: Behaviour = {
  name: 'a policy change applies at once: an open console drops its switch controls, and gets them back',
  async run(driver) {
    const tab = await signedInConsole(driver);
    const opener = () =>
      tab
        .app()
        .then((app) =>
          app.evaluate(
            (tag) => Boolean(document.querySelector(tag)?.shadowRoot?.querySelector('[aria-controls="org-switcher"]')),
            CONSOLE_UI_TAG,
          ),
        );
    await until(opener, 'the switcher button shows');

    await injectPolicy(await driver.background(), { readOnly: true });
    await uiShows(tab, byTestId('read-only'), en.readOnly);
    await until(async () => !(await opener()), 'the switcher button goes');
    const refused = (await switchFromExtensionPage(driver)) as { ok: boolean; error?: { code: string } };
    assert.deepEqual({ ok: refused.ok, code: refused.error?.code }, { ok: false, code: 'READ_ONLY' });

    await injectPolicy(await driver.background(), {});
    await until(opener, 'the switcher button comes back');
    await dialogClosed(tab);
    assert.equal((await sandboxState(driver)).appliedChanges, 0);
  },
};

export const CONSOLE_UI_BEHAVIOURS: BehaviourGroup = {
  title: 'the console UI',
  behaviours: [
    ...SCENARIO_NAMES.map(badgesMatchTheSandbox),
    switchAndBackThroughTheApi,
    readOnlySetByTheAdmin,
    readOnlySetByPolicy,
  ],
};
