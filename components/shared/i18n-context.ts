import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type MessageKey, type MessageParams, t } from '@/lib/i18n';

export const LocaleContext = createContext('en');

/** `t` bound to the UI's locale. */
export function useT() {
  const locale = useContext(LocaleContext);
  return (key: MessageKey, params?: MessageParams) => t(locale, key, params);
}

export const useLocale = () => useContext(LocaleContext);
