import { SCENARIOS, type Scenario } from '../../../sandbox/scenarios';
import type { RunningSandbox } from '../../../sandbox/server';
import {
  type CreativeCloudUrlOptions,
  creativeCloudUrl,
  type SandboxControl,
  sandboxAuthorHost,
  sandboxControl,
} from './sandbox-control';

/** The `sandbox` fixture (tests/e2e/fixtures.ts): one sandbox per Playwright worker, reset before each test. */
export interface SandboxFixture {
  port: number;
  /** `http://127.0.0.1:PORT/`: the console shell. */
  shellUrl: string;
  /** `http://localhost:PORT`: the Assets app inside the shell's iframe (a second origin). */
  appOrigin: string;
  /** `http://127.0.0.1:PORT`: IMS, the Assets API and the control API. */
  apiBaseUrl: string;
  /** `127.0.0.1:PORT`: the AEM author host the shell's URLs name in `?repoId=` (the sandbox serves the Assets API). */
  authorHost: string;
  /**
   * The shell's Settings > Creative Cloud deep link in the real shape (`/?repoId=<author host>#/@<tenant>/assets/…`).
   * `console` is a tenant (default: the `default` scenario's) or an AEM org id for the org-id form.
   */
  creativeCloudUrl(console?: string, lang?: string, options?: CreativeCloudUrlOptions): string;
  /**
   * A scenario's console as its tab names it (tenant, header org name, the author host its URL
   * names), for requests an extension page sends about that console. Default: the `default` scenario.
   */
  consoleIdentity(scenario?: Scenario): { tenant: string; orgName: string; authorHost: string };
  /** Calls `/__sandbox/<path>`; throws on a non-2xx answer. */
  control: SandboxControl;
}

/** The fixture for a running sandbox: the same in Chromium's fixtures and the Firefox harness. */
export function sandboxFixture(server: RunningSandbox): SandboxFixture {
  const authorHost = sandboxAuthorHost(server.shellUrl);
  return {
    port: server.port,
    shellUrl: server.shellUrl,
    appOrigin: server.appOrigin,
    apiBaseUrl: server.apiBaseUrl,
    authorHost,
    creativeCloudUrl: (console, lang, options) =>
      creativeCloudUrl(server.shellUrl, console ?? SCENARIOS.default.aemOrg.tenant, lang, options),
    consoleIdentity: (scenario = SCENARIOS.default) => ({
      tenant: scenario.aemOrg.tenant,
      orgName: scenario.aemOrg.name,
      authorHost,
    }),
    control: sandboxControl(server.apiBaseUrl),
  };
}
