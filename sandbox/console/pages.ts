import { translatorFor } from './browser/locales';
import type { ConsoleLanguage } from './browser/locales/languages';

/** The two HTML documents: markup only, no inline script (the CSP forbids it). */
export interface ConsoleOrigins {
  shellOrigin: string;
  appOrigin: string;
}

export const ASSET_BASE = '/static/console';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function document(kind: 'shell' | 'app', language: ConsoleLanguage, origins: ConsoleOrigins): string {
  const t = translatorFor(language);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="sandbox-shell-origin" content="${escapeHtml(origins.shellOrigin)}">
<meta name="sandbox-app-origin" content="${escapeHtml(origins.appOrigin)}">
<title>${escapeHtml(t('productName'))}</title>
<link rel="stylesheet" href="${ASSET_BASE}/console.css">
<script type="module" src="${ASSET_BASE}/${kind}.js"></script>
</head>
<body class="${kind}"><p class="loading">${escapeHtml(t('loading'))}</p></body>
</html>
`;
}

export const shellDocument = (language: ConsoleLanguage, origins: ConsoleOrigins) =>
  document('shell', language, origins);
export const appDocument = (language: ConsoleLanguage, origins: ConsoleOrigins) => document('app', language, origins);

/**
 * Scripts only from the page's own origin. Inline styles stay allowed: the extension renders
 * its UI into a shadow root with `<style>` elements, and the real console allows them too.
 */
export function contentSecurityPolicy(kind: 'shell' | 'app', origins: ConsoleOrigins): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    kind === 'shell' ? `frame-src ${origins.appOrigin}` : "frame-src 'none'",
    kind === 'shell' ? "frame-ancestors 'none'" : `frame-ancestors 'self' ${origins.shellOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
