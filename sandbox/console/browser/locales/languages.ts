/**
 * UI languages of the sandbox console (`?lang=`); shared by the server (for `<html lang>`) and the
 * pages. es, ko and zh-TW are languages the console profile has no labels for (AEM's UI ships them
 * too): on them the extension must find the view by structure.
 */
export const CONSOLE_LANGUAGES = ['en', 'sv', 'de', 'fr', 'ja', 'es', 'ko', 'zh-TW'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

export function consoleLanguageFrom(value: string | null | undefined): ConsoleLanguage {
  return CONSOLE_LANGUAGES.find((language) => language === value) ?? 'en';
}
