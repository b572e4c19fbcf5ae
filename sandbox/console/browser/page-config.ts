import { type ConsoleLanguage, consoleLanguageFrom } from './locales/languages';

/**
 * What the server tells a page in its `<meta>` tags: both origins, derived from the request's
 * Host (the shell on 127.0.0.1, the app on localhost, one port).
 */
export interface PageConfig {
  shellOrigin: string;
  appOrigin: string;
  language: ConsoleLanguage;
}

function metaContent(name: string): string {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  if (!content) throw new Error(`The page has no <meta name="${name}">`);
  return content;
}

export function readPageConfig(): PageConfig {
  return {
    shellOrigin: metaContent('sandbox-shell-origin'),
    appOrigin: metaContent('sandbox-app-origin'),
    language: consoleLanguageFrom(new URLSearchParams(location.search).get('lang')),
  };
}
