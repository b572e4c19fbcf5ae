/** UI languages of the sandbox console (`?lang=`); shared by the server (for `<html lang>`) and the pages. */
export const CONSOLE_LANGUAGES = ['en', 'sv', 'de', 'fr', 'ja'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

export function consoleLanguageFrom(value: string | null | undefined): ConsoleLanguage {
  return CONSOLE_LANGUAGES.find((language) => language === value) ?? 'en';
}
