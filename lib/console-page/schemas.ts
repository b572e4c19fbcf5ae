import { z } from 'zod/mini';

/**
 * The console profile's schema. The content script does not bundle it (zod costs the content
 * script KBs): the profile is a constant, so a unit test parses it once instead of every page.
 */

const label = z.string().check(z.minLength(1), z.maxLength(120));
const localeLabelsSchema = z.strictObject({
  picker: label,
  switchButton: label,
  /** The heading of the card that shows the connected org ("Current Creative Cloud org ID"). */
  currentOrgHeading: label,
});
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
  /** Attributes in which an option may carry its org id when its text shows only the name. */
  orgIdAttributes: z.array(z.string().check(z.minLength(1))),
  /** Where the shell's header shows the AEM org's name (only readable in the shell's frame). */
  orgNameSelectors: z.array(z.string().check(z.minLength(1))),
});
type BuiltInProfile = z.infer<typeof consoleProfileSchema>;
export type ConsoleLabels = { picker: string; switchButton: string; currentOrgHeading?: string };
/** The profile in force: the built-in one, with any languages policy adds (lib/policy/console-profile-policy.ts). */
export type ConsoleProfile = Omit<BuiltInProfile, 'labels'> & { labels: Record<string, ConsoleLabels> };
