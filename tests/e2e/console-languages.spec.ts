import type { Frame } from '@playwright/test';
import { translatorFor } from '../../sandbox/console/browser/locales';
import type { ConsoleLanguage } from '../../sandbox/console/browser/locales/languages';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { afterContentScriptCheck } from '../drivers/driver';
import { type ExtensionFixtures, expect, test } from './fixtures';
import { consoleUi, nativeOptionBadges } from './support/console-ui';
import { injectPolicy } from './support/options-page';

// A console in a language the console profile has no labels for, in Chromium: labels IT gives by
// policy, and a picker whose orgs are mostly not the user's. Finding the view by structure, the
// badges, the switch and the page shape run in both browsers (tests/behaviours/console-languages.ts).

const scenario = SCENARIOS.default;
const orgNamed = (name: string) => {
  const org = scenario.orgs.find((candidate) => candidate.name === name);
  if (!org) throw new Error(`No org ${name}`);
  return org;
};
const acme = orgNamed('Acme');
const admin = userOf(scenario, scenario.consoleUserId);

/** Signed in as the console's admin, on the console in `lang` with React Spectrum's portalled picker. */
async function openConsoleIn(
  { sandbox, signedInConsole }: Pick<ExtensionFixtures, 'sandbox' | 'signedInConsole'>,
  lang: ConsoleLanguage,
): Promise<Frame> {
  const app = await signedInConsole({
    lang,
    until: 'app',
    user: admin,
    arrange: async () => {
      await sandbox.control('POST', 'assets-api', { extensionAccess: 'forbidden' });
      await sandbox.control('POST', 'console', { picker: 'portalled' });
    },
  });
  await expect(app.getByRole('button', { name: translatorFor(lang)('switchButton'), exact: true })).toBeVisible();
  return app;
}

test('labels IT gives by policy make an es console recognised by its labels: the UI shows at once; a refused entry is named', async ({
  sandbox,
  serviceWorker,
  signedInConsole,
  optionsPage,
}) => {
  const t = translatorFor('es');
  await injectPolicy(serviceWorker, {
    consoleProfile: {
      labels: {
        es: { picker: t('pickerLabel'), switchButton: t('switchButton'), currentOrgHeading: t('ccCurrentOrgHeading') },
        ko: { picker: '', switchButton: '조직 전환' },
      },
    },
  });
  const app = await openConsoleIn({ sandbox, signedInConsole }, 'es');
  // No picker opened: only a view recognised by labels shows the UI before its options are seen.
  await expect(consoleUi(app)).toBeVisible();
  await expect(consoleUi(app).getByTestId('connected-org')).toContainText(acme.name);
  await expect(app.getByRole('option')).toHaveCount(0);

  const options = await optionsPage();
  await expect(options.getByTestId('policy-refused-console-profile')).toContainText('labels.ko');
});

test('on an es console whose picker lists orgs the signed-in user mostly does not have, the UI stays hidden', async ({
  sandbox,
  signedInConsole,
}) => {
  // Alan sees three of the six orgs the console's own user (Ada) is offered in the native picker.
  const alan = scenario.users.find((user) => user.email === 'alan@acme.example');
  if (!alan) throw new Error('The default scenario lacks alan@acme.example');
  const app = await signedInConsole({
    lang: 'es',
    until: 'app',
    user: alan,
    arrange: () => sandbox.control('POST', 'console', { picker: 'portalled' }),
  });
  // The worker's state has arrived in the (hidden) UI: the oracle is there.
  await expect(consoleUi(app).getByTestId('summary')).toBeAttached();
  await app.getByRole('button', { name: translatorFor('es')('pickerLabel') }).click();
  await expect(app.getByRole('option')).toHaveCount(scenario.orgs.length);
  await afterContentScriptCheck(app);
  await expect(consoleUi(app)).toBeHidden();
  expect(await nativeOptionBadges(app)).toEqual(scenario.orgs.map(() => null));
});
