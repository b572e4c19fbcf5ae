import { Hono } from 'hono';
import { consoleLanguageFrom } from './browser/locales/languages';
import { CONSOLE_ASSET_TYPES, consoleAsset, isConsoleAssetName } from './bundle';
import { ASSET_BASE, appDocument, type ConsoleOrigins, contentSecurityPolicy, shellDocument } from './pages';

/**
 * The sandbox's native console: the shell at `/` (meant for http://127.0.0.1:PORT) and the
 * Assets app at `/app/` (loaded by the shell from http://localhost:PORT, a second origin).
 */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost)(?::(\d{1,5}))?$/;

/** Both origins from the Host the browser used; anything but a loopback name is refused. */
function originsFor(host: string | undefined): ConsoleOrigins | undefined {
  const match = LOOPBACK_HOST.exec(host ?? '');
  if (!match) return undefined;
  const port = match[2] ? `:${match[2]}` : '';
  return { shellOrigin: `http://127.0.0.1${port}`, appOrigin: `http://localhost${port}` };
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const hostError = { error: { code: 'BAD_REQUEST', message: 'The console answers on 127.0.0.1 or localhost only' } };

export function consoleRoutes(): Hono {
  const routes = new Hono();

  routes.get('/', (c) => {
    const origins = originsFor(c.req.header('host'));
    if (!origins) return c.json(hostError, 400);
    const language = consoleLanguageFrom(c.req.query('lang'));
    const headers = { ...PAGE_HEADERS, 'Content-Security-Policy': contentSecurityPolicy('shell', origins) };
    return c.body(shellDocument(language, origins), 200, headers);
  });

  // Browsers ask for it on every shell load; answering keeps their consoles free of 404s.
  routes.get('/favicon.ico', (c) => c.body(null, 204));

  routes.get('/app', (c) => c.redirect(`/app/${new URL(c.req.url).search}`, 301));

  routes.get('/app/', (c) => {
    const origins = originsFor(c.req.header('host'));
    if (!origins) return c.json(hostError, 400);
    const language = consoleLanguageFrom(c.req.query('lang'));
    const headers = { ...PAGE_HEADERS, 'Content-Security-Policy': contentSecurityPolicy('app', origins) };
    return c.body(appDocument(language, origins), 200, headers);
  });

  routes.get(`${ASSET_BASE}/:name`, async (c) => {
    const name = c.req.param('name');
    if (!isConsoleAssetName(name)) return c.json({ error: { code: 'NOT_FOUND', message: 'No such file' } }, 404);
    const headers = {
      'Content-Type': CONSOLE_ASSET_TYPES[name],
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    try {
      return c.body(await consoleAsset(name), 200, headers);
    } catch (error) {
      const message = `The console could not be bundled: ${String(error)}`;
      return c.json({ error: { code: 'SERVER_ERROR', message } }, 500);
    }
  });

  return routes;
}
