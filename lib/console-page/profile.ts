import type { ConsoleProfilePolicy } from '../policy/console-profile-policy';
import type { ConsoleProfile } from './schemas';

/**
 * The console profile: everything the content script assumes about the console's page, in one
 * validated object. When Adobe changes the console's markup or wording, this is the file to fix.
 */
export type { ConsoleProfile };

export const PROFILE_LOCALES = ['en', 'sv', 'de', 'fr', 'ja'] as const;
export type ProfileLocale = (typeof PROFILE_LOCALES)[number];

export const CONSOLE_PROFILE_SOURCE = {
  labels: {
    en: {
      picker: 'Select new Creative Cloud org ID',
      switchButton: 'Switch orgs',
      currentOrgHeading: 'Current Creative Cloud org ID',
    },
    // The Swedish console keeps the English labels of the controls, not of the card.
    sv: {
      picker: 'Select new Creative Cloud org ID',
      switchButton: 'Switch orgs',
      currentOrgHeading: 'Aktuellt Creative Cloud-organisations-ID',
    },
    de: {
      picker: 'Neue Creative Cloud-Organisations-ID auswählen',
      switchButton: 'Organisationen wechseln',
      currentOrgHeading: 'Aktuelle Creative Cloud-Organisations-ID',
    },
    fr: {
      picker: "Sélectionner un nouvel ID d'organisation Creative Cloud",
      switchButton: "Changer d'organisation",
      currentOrgHeading: "ID d'organisation Creative Cloud actuel",
    },
    ja: {
      picker: '新しい Creative Cloud 組織 ID を選択',
      switchButton: '組織を切り替え',
      currentOrgHeading: '現在の Creative Cloud 組織 ID',
    },
  },
  roles: { picker: 'button', switchButton: 'button', listbox: 'listbox', option: 'option' },
  pickerPopup: 'listbox',
  orgIdInOptionText: '[0-9A-F]{24}@AdobeOrg',
  orgIdAttributes: ['value', 'data-value', 'data-org-id', 'data-key', 'id'],
  orgNameSelectors: ['header .shell-org-name', '[data-testid="shell-org-name"]'],
} satisfies ConsoleProfile;

/**
 * The profile in force in this content script: the built-in one (checked against
 * consoleProfileSchema by a unit test), with the corrections IT set by policy merged over it once
 * the worker has sent them. A live binding: every reader sees the merged profile.
 */
export let consoleProfile: ConsoleProfile = CONSOLE_PROFILE_SOURCE;

/** Merges the policy's labels (per language, over the built-in ones) and org-id pattern; the worker checked both. */
export function applyProfilePolicy(policy: ConsoleProfilePolicy): void {
  consoleProfile = {
    ...CONSOLE_PROFILE_SOURCE,
    labels: { ...CONSOLE_PROFILE_SOURCE.labels, ...policy.labels },
    orgIdInOptionText: policy.orgIdPattern ?? CONSOLE_PROFILE_SOURCE.orgIdInOptionText,
  };
}
