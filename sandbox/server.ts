import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandboxApp } from './app';
import type { ScenarioName } from './scenarios';
import { SandboxWorld } from './state';

/**
 * Starts the console sandbox on loopback. The shell is served from 127.0.0.1 and the
 * Assets app from localhost (a second origin on the same port); IMS and the API live on
 * 127.0.0.1.
 */

export type { ScenarioName } from './scenarios';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  scenario?: ScenarioName;
  host?: '127.0.0.1';
}

export interface RunningSandbox {
  port: number;
  /** `http://127.0.0.1:PORT/` */
  shellUrl: string;
  /** `http://localhost:PORT` */
  appOrigin: string;
  /** `http://127.0.0.1:PORT` */
  apiBaseUrl: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const REQUEST_TIMEOUT_MS = 30_000;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const world = new SandboxWorld(options.scenario ?? 'default');
  const app = createSandboxApp(world);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve(
      {
        fetch: app.fetch,
        port: options.port ?? 0,
        hostname: LOOPBACK,
        // A client that stops sending mid-request gets dropped instead of holding a socket for minutes.
        serverOptions: { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: REQUEST_TIMEOUT_MS },
      },
      () => resolve(started),
    );
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections (browsers, fetch) would otherwise hold close() open.
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
    return closing;
  };

  return {
    port,
    shellUrl: `http://${LOOPBACK}:${port}/`,
    appOrigin: `http://localhost:${port}`,
    apiBaseUrl: `http://${LOOPBACK}:${port}`,
    close,
  };
}
