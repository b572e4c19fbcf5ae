import { de } from './de';
import { en, type StringKey, type StringTable } from './en';
import { fr } from './fr';
import { ja } from './ja';
import type { ConsoleLanguage } from './languages';
import { sv } from './sv';

export type { StringKey } from './en';

const TABLES: Record<ConsoleLanguage, StringTable> = { en, sv, de, fr, ja };

export type Translate = (key: StringKey, values?: Record<string, string>) => string;

/** Looks strings up in one locale's table and fills `{placeholders}` with plain text. */
export function translatorFor(language: ConsoleLanguage): Translate {
  const table = TABLES[language];
  return (key, values = {}) => table[key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
