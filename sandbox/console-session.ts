import { Hono } from 'hono';
import type { SandboxEnv } from './app-env';
import { CONSOLE_CLIENT_ID } from './console-client';
import type { SandboxWorld } from './state';

/**
 * `GET /console/session`: the AEM console page's own IMS session for the scenario's console
 * user. A real console has one of its own; it is not the extension's session.
 */
export function consoleSessionRoutes(world: () => SandboxWorld) {
  const app = new Hono<SandboxEnv>();

  app.get('/console/session', (c) => {
    const { consoleUser, scenario, config, pickerForm, consoleBehaviour } = world();
    const access = world().tokens.issue({
      kind: 'access',
      userId: consoleUser.userId,
      clientId: CONSOLE_CLIENT_ID,
      origin: 'console',
      ttlSeconds: config.tokenTtlSeconds,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({
      accessToken: access.token,
      clientId: CONSOLE_CLIENT_ID,
      user: { userId: consoleUser.userId, name: consoleUser.name, email: consoleUser.email },
      aemOrg: scenario.aemOrg,
      // How this console renders its native picker: the page's own setting, not IMS data.
      picker: pickerForm,
      ...consoleBehaviour,
    });
  });

  return app;
}
