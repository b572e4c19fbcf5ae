import { describe, expect, it } from 'vitest';
import { orgIdFromOptionText } from '@/lib/console-page/detect';
import { CONSOLE_PROFILE_SOURCE, consoleProfile, PROFILE_LOCALES } from '@/lib/console-page/profile';
import { consoleProfileSchema } from '@/lib/console-page/schemas';
import { translatorFor } from '@/sandbox/console/browser/locales';
import { CONSOLE_LANGUAGES } from '@/sandbox/console/browser/locales/languages';

describe('console profile', () => {
  it('validates against its schema', () => {
    expect(consoleProfileSchema.safeParse(CONSOLE_PROFILE_SOURCE).success).toBe(true);
  });

  it('has a picker label and a switch button label for every locale', () => {
    expect(Object.keys(CONSOLE_PROFILE_SOURCE.labels).sort()).toEqual([...PROFILE_LOCALES].sort());
    for (const locale of PROFILE_LOCALES) {
      expect(CONSOLE_PROFILE_SOURCE.labels[locale].picker.trim(), locale).not.toBe('');
      expect(CONSOLE_PROFILE_SOURCE.labels[locale].switchButton.trim(), locale).not.toBe('');
    }
  });

  it('names the controls as the sandbox console labels them in each of its languages', () => {
    for (const language of PROFILE_LOCALES) {
      const t = translatorFor(language);
      expect(consoleProfile.labels[language], language).toEqual({
        picker: t('pickerLabel'),
        switchButton: t('switchButton'),
        currentOrgHeading: t('ccCurrentOrgHeading'),
      });
    }
  });

  it('has no labels for the sandbox languages that prove detection by structure', () => {
    const withoutLabels = CONSOLE_LANGUAGES.filter(
      (language) => !(PROFILE_LOCALES as readonly string[]).includes(language),
    );
    expect(withoutLabels).toEqual(['es', 'ko', 'zh-TW']);
    for (const language of withoutLabels) {
      const t = translatorFor(language);
      const labels = Object.values(consoleProfile.labels).flatMap((entry) => Object.values(entry));
      for (const key of ['pickerLabel', 'switchButton', 'ccCurrentOrgHeading'] as const) {
        expect(labels, `${language} ${key}`).not.toContain(t(key));
      }
    }
  });

  it('refuses a profile that lacks a language', () => {
    const { ja: _ja, ...labels } = CONSOLE_PROFILE_SOURCE.labels;
    expect(consoleProfileSchema.safeParse({ ...CONSOLE_PROFILE_SOURCE, labels }).success).toBe(false);
  });

  it('refuses an empty label', () => {
    const labels = { ...CONSOLE_PROFILE_SOURCE.labels, de: { picker: '', switchButton: 'Organisationen wechseln' } };
    expect(consoleProfileSchema.safeParse({ ...CONSOLE_PROFILE_SOURCE, labels }).success).toBe(false);
  });

  it('refuses a role the detection does not know', () => {
    const roles = { ...CONSOLE_PROFILE_SOURCE.roles, picker: 'combobox' };
    expect(consoleProfileSchema.safeParse({ ...CONSOLE_PROFILE_SOURCE, roles }).success).toBe(false);
  });

  it('refuses an empty attribute name among those that may carry an option’s org id', () => {
    const orgIdAttributes = [...CONSOLE_PROFILE_SOURCE.orgIdAttributes, ''];
    expect(consoleProfileSchema.safeParse({ ...CONSOLE_PROFILE_SOURCE, orgIdAttributes }).success).toBe(false);
  });

  it('finds org ids with a pattern that agrees with the id format', () => {
    const id = `${'0123456789ABCDEF01234567'}@AdobeOrg`;
    expect(orgIdFromOptionText(`Acme Design Studio ${id}`)).toBe(id);
  });
});
