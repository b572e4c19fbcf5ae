import assert from 'node:assert/strict';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import en from '../../locales/en.json' with { type: 'json' };
import { PICKER_FORMS, type PickerForm } from '../../sandbox/console/picker-forms';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import {
  byTestId,
  NATIVE_PICKER,
  nativeOptions,
  nativePickerText,
  shownOrgs,
  uiText,
} from '../drivers/console-readers';
import { type ConsoleFrame, until } from '../drivers/driver';
import { shownState } from '../e2e/support/entitlement-truth';
import type { Behaviour, BehaviourGroup } from './behaviour';
import { appliedChanges, signedInConsole } from './steps';

// The native picker in every form the console may build it (sandbox/console/picker-forms.ts),
// with its controls kept or re-created on every state change: the view is recognised, our
// switcher and the native options carry the same badges, and the guard stops an ineligible pick.

const scenario = SCENARIOS.default;
const LABELS = CONSOLE_PROFILE_SOURCE.labels.en;
const admin = userOf(scenario, scenario.consoleUserId);
if (!admin) throw new Error('The default scenario has a console user');
export const consoleAdmin = admin;
/** The console lists the orgs in the order IMS does: option i is the admin's org i. */
export const orgsInPickerOrder = consoleAdmin.orgIds.map((orgId) => {
  const org = scenario.orgs.find((candidate) => candidate.id === orgId);
  if (!org) throw new Error(`No org ${orgId} in the default scenario`);
  return org;
});
/** An org the extension can see has no CC for the admin (`No CC entitlement`): the guard must stop it. */
const unentitled = orgsInPickerOrder.find((org) => shownState(consoleAdmin, org.id, 'creativeCloud') === 'none');
if (!unentitled) throw new Error('The default scenario has an org whose CC the extension sees as absent');
export const ineligibleOrg = unentitled;

/** What our switcher shows for each org: the badges a native option must repeat. */
async function switcherBadges(app: ConsoleFrame): Promise<Map<string, string[]>> {
  await app.click({ in: 'ui', css: 'button', text: en.openSwitcher });
  const shown = await until(async () => {
    const orgs = await shownOrgs(app);
    return orgs.length === orgsInPickerOrder.length && orgs;
  }, `the switcher lists the admin's ${orgsInPickerOrder.length} orgs`);
  await app.click({ in: 'ui', css: 'button', text: en.openSwitcher });
  return new Map(shown.map((org) => [org.orgId, org.badges]));
}

function nativePickerBehaviour(form: PickerForm, recreate: boolean): Behaviour {
  return {
    name: `the ${form} picker${recreate ? ' with re-created controls' : ''}: recognised, its options badged like the switcher, the guard stops an ineligible pick`,
    async run(driver) {
      const tab = await signedInConsole(driver, {
        arrange: () => driver.sandbox.control('POST', 'console', { picker: form, recreate }),
      });
      const expected = await switcherBadges(await tab.app());

      await (await tab.app()).click({ in: 'page', css: NATIVE_PICKER });
      const shown = await until(async () => {
        const options = await nativeOptions(await tab.app());
        const complete = options.length === orgsInPickerOrder.length && options.every((option) => option.badges);
        return complete && options.map((option) => option.badges);
      }, 'every native option carries its badges');
      assert.deepEqual(
        shown,
        orgsInPickerOrder.map((org) => expected.get(org.id)),
      );
      assert.ok(shown.every((badges) => (badges?.length ?? 0) > 0));

      await (await tab.app()).click({ in: 'page', css: '[role="option"]', text: ineligibleOrg.name });
      await until(
        async () => (await nativePickerText(await tab.app())).includes(ineligibleOrg.name),
        `the native picker shows ${ineligibleOrg.name}`,
      );
      await (await tab.app()).click({ in: 'page', css: 'button, [role="button"]', text: LABELS.switchButton });
      const guard = await until(
        () => tab.app().then((app) => uiText(app, `dialog[open] ${byTestId('guard-text')}`)),
        'the guard asks about the pick',
      );
      assert.match(guard, new RegExp(ineligibleOrg.name));
      assert.match((await uiText(await tab.app(), 'dialog[open] .reasons')) ?? '', new RegExp(en.reasonNoCc));
      await (await tab.app()).click({ in: 'ui', css: 'dialog[open] button', text: en.cancel });
      await until(async () => (await uiText(await tab.app(), 'dialog[open]')) === null, 'the guard closes on Cancel');
      assert.equal(await appliedChanges(driver), 0);
    },
  };
}

export const PICKER_FORM_BEHAVIOURS: BehaviourGroup = {
  title: 'the native picker in every form',
  behaviours: PICKER_FORMS.flatMap((form) => [nativePickerBehaviour(form, false), nativePickerBehaviour(form, true)]),
};
