import { z } from 'zod/mini';

/**
 * The policy field `consoleProfile`: IT's corrections to the console profile without a release
 * (docs/ENTERPRISE.md#enterprise-policy). Labels per console language (a language the profile
 * lacks, or a correction of one it has) and the pattern that finds an org id in the console's
 * text. `public/managed_schema.json` only says "an object", so Chrome never drops the field; each
 * entry is checked here on its own, a refused one is named and the built-in profile applies for it.
 */

const label = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));

export const policyConsoleLabelsSchema = z.strictObject({
  picker: label,
  switchButton: label,
  currentOrgHeading: z.optional(label),
});
export type PolicyConsoleLabels = z.infer<typeof policyConsoleLabelsSchema>;

/** A language tag as consoles set `<html lang>`: `es`, `pt-BR`, `zh-Hant-TW`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

/** An org id the pattern must find, and text it must not find one in. */
const SAMPLE_ORG_ID = '0123456789ABCDEF01234567@AdobeOrg';

function isUsableOrgIdPattern(source: string): boolean {
  if (source.length === 0 || source.length > 200) return false;
  try {
    const pattern = new RegExp(source);
    return pattern.test(`Acme ${SAMPLE_ORG_ID}`) && !pattern.test('') && !pattern.test('Acme Design Studio');
  } catch {
    return false;
  }
}

export interface ConsoleProfilePolicy {
  labels: Record<string, PolicyConsoleLabels>;
  orgIdPattern?: string;
}

/** The content script's copy: the same data, checked by the worker before it is sent. */
export const consoleProfilePolicySchema = z.strictObject({
  labels: z.record(z.string().check(z.regex(LANGUAGE_TAG)), policyConsoleLabelsSchema),
  orgIdPattern: z.optional(z.string().check(z.refine(isUsableOrgIdPattern))),
});

const MAX_LANGUAGES = 40;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keeps every entry that parses and names each refused one (`labels.<language>`, `orgIdPattern`,
 * or the whole field). Nothing here restricts anything, so a refused entry just leaves the
 * built-in profile in force for it.
 */
export function parseConsoleProfilePolicy(raw: unknown): { value: ConsoleProfilePolicy; refused: string[] } {
  const value: ConsoleProfilePolicy = { labels: {} };
  if (!isRecord(raw)) return { value, refused: ['consoleProfile'] };
  const refused: string[] = [];
  for (const [key, entry] of Object.entries(raw)) {
    if (key === 'orgIdPattern' && typeof entry === 'string' && isUsableOrgIdPattern(entry)) value.orgIdPattern = entry;
    else if (key !== 'labels' || !isRecord(entry)) refused.push(key);
    else {
      for (const [language, labels] of Object.entries(entry)) {
        const parsed = policyConsoleLabelsSchema.safeParse(labels);
        const room = Object.keys(value.labels).length < MAX_LANGUAGES;
        if (room && LANGUAGE_TAG.test(language) && parsed.success) value.labels[language] = parsed.data;
        else refused.push(`labels.${language}`);
      }
    }
  }
  return { value, refused };
}
