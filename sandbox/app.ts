import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { SandboxEnv } from './app-env';
import { assetsRoutes } from './assets';
import { consoleRoutes } from './console/routes';
import { consoleSessionRoutes } from './console-session';
import { controlRoutes } from './control';
import { faultInjection } from './faults';
import { apiError, imsError } from './http-errors';
import { accessProfileRoutes } from './ims/access-profile';
import { authorizeRoutes } from './ims/authorize';
import { identityRoutes } from './ims/identity';
import { logoutRoutes } from './ims/logout';
import { tokenRoutes } from './ims/token';
import { requestLogging } from './request-log';
import type { SandboxWorld } from './state';

/**
 * The sandbox as one Hono app: request log, CORS and faults first, then IMS, the Assets
 * API, the console session and the control API; the console UI last, so API routes win.
 */

const MAX_BODY_BYTES = 2 * 1024 * 1024;

// Extension pages (chrome-extension://, moz-extension://) and the console's second origin
// call these routes; everything is on loopback, so any origin may read the answers.
const apiCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'x-api-key', 'x-gw-ims-org-id'],
  exposeHeaders: ['ETag', 'Retry-After'],
  maxAge: 600,
});

const isImsPath = (path: string) => path.startsWith('/ims/');

export function createSandboxApp(world: SandboxWorld) {
  const current = () => world;
  const app = new Hono<SandboxEnv>();

  app.use(requestLogging(() => world.requests));
  for (const path of ['/ims/*', '/adobe/*', '/webapps/*', '/console/session']) app.use(path, apiCors);
  app.use(faultInjection(() => world.faults));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        isImsPath(c.req.path)
          ? imsError(c, 413, 'invalid_request', 'The request body is too large')
          : apiError(c, 413, 'BAD_REQUEST', 'The request body is too large'),
    }),
  );

  app.route('/', authorizeRoutes(current));
  app.route('/', tokenRoutes(current));
  app.route('/', identityRoutes(current));
  app.route('/', logoutRoutes(current));
  app.route('/', accessProfileRoutes(current));
  app.route('/', assetsRoutes(current));
  app.route('/', consoleSessionRoutes(current));
  app.route('/', controlRoutes(current));
  app.route('/', consoleRoutes());

  app.notFound((c) =>
    isImsPath(c.req.path)
      ? imsError(c, 404, 'not_found', `No ${c.req.method} ${c.req.path}`)
      : apiError(c, 404, 'NOT_FOUND', `No ${c.req.method} ${c.req.path}`),
  );
  app.onError((error, c) => {
    const status = error instanceof HTTPException && error.status < 500 ? error.status : 500;
    if (status === 500) console.error('sandbox: unexpected error', error);
    return isImsPath(c.req.path)
      ? imsError(c, status, status === 500 ? 'server_error' : 'invalid_request', error.message)
      : apiError(c, status, status === 500 ? 'SERVER_ERROR' : 'BAD_REQUEST', error.message);
  });

  return app;
}
