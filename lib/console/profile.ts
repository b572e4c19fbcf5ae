import { z } from 'zod/mini';

/**
 * The console profile: everything the content script assumes about the console's page, in one
 * validated object. When Adobe changes the console's markup or wording, this is the file to fix.
 */
export const PROFILE_LOCALES = ['en', 'sv', 'de', 'fr', 'ja'] as const;
export type ProfileLocale = (typeof PROFILE_LOCALES)[number];

const label = z.string().check(z.minLength(1), z.maxLength(120));
const localeLabelsSchema = z.strictObject({ picker: label, switchButton: label });
const roleSchema = z.enum(['button', 'listbox', 'option']);

export const consoleProfileSchema = z.strictObject({
  /** Accessible names per console language (the localized help pages give them). */
  labels: z.strictObject({
    en: localeLabelsSchema,
    sv: localeLabelsSchema,
    de: localeLabelsSchema,
    fr: localeLabelsSchema,
    ja: localeLabelsSchema,
  }),
  /** The picker is a button that opens a listbox of options (not a `<select>`). */
  roles: z.strictObject({ picker: roleSchema, switchButton: roleSchema, listbox: roleSchema, option: roleSchema }),
  pickerPopup: z.literal('listbox'),
  /** An option's text carries the org id; this finds it (no anchors: the name comes first). */
  orgIdInOptionText: z.string().check(z.minLength(1)),
  /** The shell's URL carries the tenant as `#/@<tenant>/…`; group 1 is the tenant. */
  tenantInShellHash: z.string().check(z.minLength(1)),
  /** An app frame loaded on its own carries the tenant in its query. */
  tenantQueryParams: z.array(z.string().check(z.minLength(1))),
  /** Where the shell's header shows the AEM org's name (only readable in the shell's frame). */
  orgNameSelectors: z.array(z.string().check(z.minLength(1))),
});
export type ConsoleProfile = z.infer<typeof consoleProfileSchema>;

export const CONSOLE_PROFILE_SOURCE = {
  labels: {
    en: { picker: 'Select new Creative Cloud org ID', switchButton: 'Switch orgs' },
    // The Swedish console keeps the English labels.
    sv: { picker: 'Select new Creative Cloud org ID', switchButton: 'Switch orgs' },
    de: { picker: 'Neue Creative Cloud-Organisations-ID auswählen', switchButton: 'Organisationen wechseln' },
    fr: { picker: "Sélectionner un nouvel ID d'organisation Creative Cloud", switchButton: "Changer d'organisation" },
    ja: { picker: '新しい Creative Cloud 組織 ID を選択', switchButton: '組織を切り替え' },
  },
  roles: { picker: 'button', switchButton: 'button', listbox: 'listbox', option: 'option' },
  pickerPopup: 'listbox',
  orgIdInOptionText: '[0-9A-F]{24}@AdobeOrg',
  tenantInShellHash: '^#/@([A-Za-z0-9._-]+)(?:/|$)',
  tenantQueryParams: ['tenant'],
  orgNameSelectors: ['header .shell-org-name', '[data-testid="shell-org-name"]'],
} satisfies ConsoleProfile;

/** Parsed once at start: a broken profile fails loudly in tests, not quietly on a page. */
export const consoleProfile: ConsoleProfile = consoleProfileSchema.parse(CONSOLE_PROFILE_SOURCE);
