import path from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { build } from 'esbuild';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import { PICKER_FORMS, type PickerForm } from '../../sandbox/console/picker-forms';
import { organizationsOf } from '../../sandbox/ims/profile';
import { SCENARIOS } from '../../sandbox/scenarios';
import { consoleAdmin, ineligibleOrg, orgsInPickerOrder } from '../behaviours/picker-forms';
import { type ExtensionFixtures, expect, type SandboxFixture, test } from './fixtures';
import { keyboardSwitchIsGuarded, nativeViewReady } from './steps';
import { appFrameOf, consoleUi, nativeOptionBadges } from './support/console-ui';

// The native picker in every form the console may build it (sandbox/console/picker-forms.ts),
// beyond the shared behaviour in both browsers (tests/behaviours/picker-forms.ts: badges, the
// guard against a mouse pick): the guard against a keyboard pick, chooseNativeOption selecting
// an org, name-only options two orgs share.

const scenario = SCENARIOS.default;
const LABELS = CONSOLE_PROFILE_SOURCE.labels.en;

/** The shell's deep link with the console set to render `form`; resolves once the UI is on the view. */
async function openWithPicker(page: Page, sandbox: SandboxFixture, form: PickerForm): Promise<Frame> {
  await sandbox.control('POST', 'console', { picker: form });
  await page.goto(sandbox.creativeCloudUrl());
  return nativeViewReady(await appFrameOf(page, sandbox));
}

/** The same, with the console's admin signed in. */
async function signedInWithPicker(
  { sandbox, signedInConsole }: Pick<ExtensionFixtures, 'sandbox' | 'signedInConsole'>,
  form: PickerForm,
  recreate = false,
): Promise<Frame> {
  const arrange = () => sandbox.control('POST', 'console', { picker: form, recreate });
  return nativeViewReady(await signedInConsole({ arrange, until: 'app' }));
}

const nativePicker = (app: Frame) => app.getByRole('button', { name: LABELS.picker });
const switchButton = (app: Frame) => app.getByRole('button', { name: LABELS.switchButton, exact: true });

for (const form of PICKER_FORMS) {
  test.describe(`the ${form} picker`, () => {
    test('guards a keyboard-only pick too', async ({ page, sandbox, signedInConsole }) => {
      const app = await signedInWithPicker({ sandbox, signedInConsole }, form);
      await nativePicker(app).focus();
      await page.keyboard.press('ArrowDown');
      await expect(app.getByRole('option').first()).toBeVisible();
      // The worker's state is in once the options carry badges: the guard can then name the reasons.
      await expect.poll(() => nativeOptionBadges(app)).not.toContain(null);
      await page.keyboard.type(ineligibleOrg.name.slice(0, 6));
      await page.keyboard.press('Enter');
      await expect(nativePicker(app)).toContainText(ineligibleOrg.name);
      await keyboardSwitchIsGuarded(page, app, sandbox);
    });

    test('chooseNativeOption selects an org as the admin would', async ({ page, sandbox }) => {
      const app = await openWithPicker(page, sandbox, form);
      await app.evaluate(await nativePickerActionsScript());
      const target = orgsInPickerOrder.at(-1);
      if (!target) throw new Error('The admin has orgs');
      const orgs = orgsInPickerOrder.map((org) => ({ orgId: org.id, orgName: org.name }));
      const chosen = await app.evaluate(
        ([orgId, list]) => (globalThis as unknown as NativePickerActions).chooseInNativePicker(orgId, list),
        [target.id, orgs] as const,
      );
      expect(chosen).toBe(true);
      await expect(nativePicker(app)).toContainText(target.name);
      await expect(switchButton(app)).toBeEnabled();
      await expect(app.getByRole('option')).toHaveCount(0);
    });
  });
}

// A console that re-creates its trigger, listbox and "Switch orgs" on every state change: the
// guard finds the button as it is at the click, badges go onto each new listbox.
test.describe('name-only options', () => {
  test('an org name two orgs share gets no badge rather than a wrong one', async ({ sandbox, signedInConsole }) => {
    // IMS answers the org list with one org renamed after another: two options read the same.
    // (Not after the AEM org: its name must stay unique for the console's own identity.)
    const twins = [1, orgsInPickerOrder.length - 1];
    const [named, renamed] = twins.map((index) => orgsInPickerOrder[index]);
    if (!named || !renamed || named.id === scenario.aemOrg.id) throw new Error('The admin has six orgs');
    const organizations = organizationsOf(scenario, consoleAdmin).map((org) =>
      `${org.orgRef.ident}@${org.orgRef.authSrc}` === renamed.id ? { ...org, orgName: named.name } : org,
    );
    await sandbox.control('POST', 'faults', {
      method: 'GET',
      path: '/ims/organizations/v6',
      status: 200,
      body: JSON.stringify(organizations),
      contentType: 'application/json',
      times: 0,
    });
    const app = await signedInWithPicker({ sandbox, signedInConsole }, 'portalled');
    await nativePicker(app).click();
    await expect(app.getByRole('option')).toHaveCount(orgsInPickerOrder.length);
    await expect
      .poll(async () => (await nativeOptionBadges(app)).filter((badges) => badges === null).length)
      .toBe(twins.length);
    const shown = await nativeOptionBadges(app);
    expect(twins.map((index) => shown[index])).toEqual([null, null]);
    expect(shown.filter((_, index) => !twins.includes(index)).every((badges) => (badges?.length ?? 0) > 0)).toBe(true);
  });
});

test('the shell passes ?picker= on to the app it frames', async ({ page, sandbox }) => {
  const url = new URL(sandbox.creativeCloudUrl());
  url.searchParams.set('picker', 'web-component');
  await page.goto(url.toString());
  const app = await appFrameOf(page, sandbox);
  await expect(switchButton(app)).toBeVisible();
  const pickerInShadowRoot = await nativePicker(app).evaluate((button) => button.getRootNode() instanceof ShadowRoot);
  expect(pickerInShadowRoot).toBe(true);
  await expect(consoleUi(app)).toBeVisible();
});

interface NativePickerActions {
  chooseInNativePicker(orgId: string, orgs: readonly { orgId: string; orgName: string }[]): Promise<boolean>;
}

let bundled: Promise<string> | undefined;

/**
 * lib/console-page/native-picker-actions.ts as one script for the page: the content script's code run
 * in the page's own world, where a test can call it (CDP evaluation is not bound by the page's CSP).
 */
function nativePickerActionsScript(): Promise<string> {
  bundled ??= build({
    stdin: {
      contents: `
        import { detectCreativeCloudView } from './lib/console-page/detect';
        import { chooseNativeOption } from './lib/console-page/native-picker-actions';
        globalThis.chooseInNativePicker = (orgId, orgs) => {
          const view = detectCreativeCloudView(document);
          return view ? chooseNativeOption(view, orgId, orgs) : Promise.resolve(false);
        };`,
      resolveDir: path.resolve(import.meta.dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundled;
}
