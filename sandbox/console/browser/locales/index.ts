import { de } from './de';
import { en, type StringKey, type StringTable } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { ko } from './ko';
import type { ConsoleLanguage } from './languages';
import { sv } from './sv';
import { zhTW } from './zh-TW';

export type { StringKey } from './en';

const TABLES: Record<ConsoleLanguage, StringTable> = { en, sv, de, fr, ja, es, ko, 'zh-TW': zhTW };

export type Translate = (key: StringKey, values?: Record<string, string>) => string;

/** Looks strings up in one locale's table and fills `{placeholders}` with plain text. */
export function translatorFor(language: ConsoleLanguage): Translate {
  const table = TABLES[language];
  return (key, values = {}) => table[key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
