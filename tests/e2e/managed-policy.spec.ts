import { expect, test } from '@playwright/test';
import en from '../../locales/en.json' with { type: 'json' };
import { matrixCaseStarted } from '../support/matrix';
import { orgNamed } from '../support/scenario-orgs';
import { launchChromiumWithExtension } from './support/chromium';
import type { ChromiumGlobals } from './support/extension-apis';
import { extensionCopyWithOwnId, writeChromiumExtensionPolicy } from './support/managed-policy';
import { openOptions, readOnlyCheckbox } from './support/options-page';
import { BUILD_DIRS } from './support/paths';

// A real managed policy, read by Chromium from /etc/chromium/policies/managed/ and filtered through
// the build's managed_schema.json before the extension sees it (docs/ENTERPRISE.md#when-the-browser-drops-a-field).
// Every other spec reads the sandbox build's stand-in in storage.local instead.

const allowed = orgNamed('Acme Design Studio').id;
const other = orgNamed('Acme Marketing EMEA').id;
const POLICY = {
  policyFields: ['readOnly', 'allowedCcOrgIds'],
  // Typed as IT might: Chrome deletes a field whose type does not match the schema.
  readOnly: 'true',
  allowedCcOrgIds: [allowed, allowed.toLowerCase(), `${other} `],
};

test('a policy IT got slightly wrong reaches the extension through Chromium, and fails closed', async () => {
  const matrixCase = matrixCaseStarted(
    'attack',
    'real Chromium policy: deleted readOnly and a malformed allowlist fail closed',
  );
  const copy = extensionCopyWithOwnId(BUILD_DIRS.chromeSandbox);
  const removePolicy = writeChromiumExtensionPolicy(copy.extensionId, POLICY);
  try {
    const { context, serviceWorker, extensionId } = await launchChromiumWithExtension({
      extensionDir: copy.dir,
      headless: true,
    });
    try {
      expect(extensionId).toBe(copy.extensionId);
      // What Chromium hands the extension: the allowlist whole, bad entries included; readOnly deleted.
      await expect
        .poll(() => serviceWorker.evaluate(() => (globalThis as ChromiumGlobals).chrome?.storage.managed.get(null)))
        .toEqual({ policyFields: POLICY.policyFields, allowedCcOrgIds: POLICY.allowedCcOrgIds });

      const options = await openOptions(context, extensionId);
      await expect(readOnlyCheckbox(options)).toBeChecked();
      await expect(readOnlyCheckbox(options)).toBeDisabled();
      await expect(options.getByTestId('policy-unreadable-readOnly')).toHaveText(en.optionsPolicyUnreadableReadOnly);
      const refused = options.getByTestId('policy-refused-allowlist');
      await expect(refused).toContainText(allowed.toLowerCase());
      await expect(refused).toContainText(`${other} `);
    } finally {
      await context.close();
    }
  } finally {
    removePolicy();
    copy.remove();
  }
  matrixCase.passed({ intendedSwitches: 0, appliedSwitches: 0 });
});
