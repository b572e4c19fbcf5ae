import { ASSETS_PATHS } from '../../lib/assets/schemas';
import type { ErrorCode } from '../../lib/errors';
import type { ScenarioName } from '../../sandbox/scenarios';
import type { BrowserDriver, ConsoleTab } from '../drivers/driver';
import type { SandboxFixture } from '../e2e/support/sandbox-fixture';
import type { Behaviour } from './behaviour';

/**
 * The fault matrix, one row per fault: what goes wrong around an admin's switch from the
 * console UI, and what the admin must see and the server must hold afterwards.
 * tests/behaviours/fault-matrix.ts runs every row the same way, in each browser the row allows
 * (tests/HARNESS.md "Reliability and security matrix"); adding a fault is adding a row.
 */

/** A fault for the sandbox's control API (`POST /__sandbox/faults`). */
export interface SandboxFault {
  method: string;
  path: string;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  drop?: boolean;
  times?: number;
  after?: number;
}

/** What a row can reach before the console opens. */
export interface FaultSetup {
  driver: BrowserDriver;
  sandbox: SandboxFixture;
  addFaults(...faults: SandboxFault[]): Promise<void>;
}

/** What a row's hooks can reach once the console shows its state. */
export interface FaultWorld extends FaultSetup {
  /** The first console tab. */
  tab: ConsoleTab;
  /** Resolves once every injected fault has been hit: the request it holds is on the server. */
  faultsUsedUp(): Promise<void>;
  /** Another console tab, once our UI there shows the worker's state. */
  openConsoleTab(): Promise<ConsoleTab>;
  /** Opens the switcher on `tab` (default: the first console tab) and picks the first eligible org; resolves once our confirmation asks. */
  prepareSwitch(tab?: ConsoleTab): Promise<void>;
  /** Presses Switch orgs in the confirmation `prepareSwitch` opened on `tab`. */
  confirm(tab?: ConsoleTab, options?: { doubleClick?: boolean }): Promise<void>;
  /** The admin's whole switch on the first console tab: open the switcher, pick, confirm. */
  confirmSwitch(options?: { doubleClick?: boolean }): Promise<void>;
  /** Asserts what a console tab shows about the picked org. */
  expectShown(tab: ConsoleTab, shown: Shown): Promise<void>;
}

/** What the admin sees when the switch settles. */
export type Shown =
  /** "Verified: <org> is now the connected Creative Cloud org." */
  | { verified: true }
  /** The translated message for this error code (components/shared/messages.ts). */
  | { error: ErrorCode }
  /** No result line (that UI instance is gone), but the connected org updates in place. */
  | { connectedUpdates: true };

export interface FaultCase {
  name: string;
  /** What kind of fault it is (tests/HARNESS.md groups the rows by it). */
  family: FaultFamily;
  scenario?: ScenarioName;
  /** Runs in one browser only, and why the other cannot (or, for a slow row, need not) run it. */
  only?: Behaviour['only'];
  /** After sign-in, before the console opens. */
  beforeOpen?: (setup: FaultSetup) => Promise<void>;
  /** Once the console shows its state, before the admin confirms. */
  arm?: (world: FaultWorld) => Promise<void>;
  /** Replaces the admin's confirm (default: `confirmSwitch()`). */
  act?: (world: FaultWorld) => Promise<void>;
  /** While the switch runs. */
  during?: (world: FaultWorld) => Promise<void>;
  shows: Shown;
  /** Changes the server applies for the one switch the admin intended. */
  applied: 0 | 1;
  /** The session is gone after the fault: the reloaded console asks the admin to sign in again. */
  signsInAgain?: boolean;
  /** After an error, with the fault gone: the admin switches again and it is verified. */
  retryAfterwards?: boolean;
  /** Waits out the worker's 15 s request timeout or a 1,000-org model. */
  slow?: boolean;
}

export type FaultFamily =
  | 'unauthorized'
  | 'token expiry'
  | 'rate limit'
  | 'server error'
  | 'timeout'
  | 'network'
  | 'unreadable answer'
  | 'background stopped'
  | 'concurrency'
  | 're-render'
  | 'scale';

export const IMS_PATHS = {
  token: '/ims/token/v3',
  profile: '/ims/profile/v1',
  organizations: '/ims/organizations/v6',
} as const;

const CC = ASSETS_PATHS.ccConnection;
const ME = ASSETS_PATHS.me;

/** Every call a switch makes, in order: IMS identity, then the Assets side. */
const SWITCH_CALLS = [
  { label: 'IMS profile', method: 'GET', path: IMS_PATHS.profile },
  { label: 'IMS organizations', method: 'GET', path: IMS_PATHS.organizations },
  { label: 'Assets users/me', method: 'GET', path: ME },
  { label: 'GET creative-cloud', method: 'GET', path: CC },
  { label: 'PUT creative-cloud', method: 'PUT', path: CC },
] as const;

const expireTokens = (world: FaultWorld) => world.sandbox.control('POST', 'expire-tokens').then(() => undefined);

const unauthorizedOnEachCall: FaultCase[] = SWITCH_CALLS.map((call) => ({
  name: `401 from ${call.label}: refreshed once, then switched`,
  family: 'unauthorized',
  arm: (world) => world.addFaults({ method: call.method, path: call.path, status: 401 }),
  shows: { verified: true },
  applied: 1,
}));

const badBodies = [
  { kind: 'malformed JSON', body: '{"unterminated": ' },
  { kind: 'wrong-shape JSON', body: '{"unexpected":[1,2,3]}' },
];
/** Reading an answer is the worker's own code, the same in both browsers; Firefox runs this family's token-refresh rows. */
const PARSING_ONLY_IN_CHROMIUM: FaultCase['only'] = {
  browser: 'chromium',
  why: "parsing Adobe's answers is the worker's own code, the same in both browsers: Firefox runs the token-refresh rows of this family, the rest stay out of its time budget",
};
const unreadableAnswers: FaultCase[] = badBodies.flatMap(({ kind, body }) => [
  ...SWITCH_CALLS.map(
    (call): FaultCase => ({
      name: `${kind} from ${call.label}`,
      family: 'unreadable answer',
      only: PARSING_ONLY_IN_CHROMIUM,
      arm: (world) => world.addFaults({ method: call.method, path: call.path, status: 200, body }),
      shows: { error: 'INVALID_RESPONSE' },
      applied: 0,
    }),
  ),
  {
    name: `${kind} from the verifying GET creative-cloud after the PUT`,
    family: 'unreadable answer',
    only: PARSING_ONLY_IN_CHROMIUM,
    arm: (world) => world.addFaults({ method: 'GET', path: CC, status: 200, body, after: 1 }),
    shows: { error: 'VERIFICATION_FAILED' },
    applied: 1,
  },
  {
    name: `${kind} from IMS token while refreshing an expired token`,
    family: 'token expiry',
    arm: async (world) => {
      await expireTokens(world);
      await world.addFaults({ method: 'POST', path: IMS_PATHS.token, status: 200, body });
    },
    shows: { error: 'SESSION_EXPIRED' },
    applied: 0,
    signsInAgain: true,
  },
]);

/** Holds the next request to `path` long enough to stop the background while it waits. */
const held = (method: string, path: string, after = 0): SandboxFault => ({ method, path, delayMs: 1_500, after });

/** Chromium's service worker is killed, Firefox's event page stopped, while the held request waits. */
const stopBackground = async (world: FaultWorld) => {
  await world.faultsUsedUp();
  await world.driver.stopBackground();
};

export const FAULT_CASES: FaultCase[] = [
  ...unauthorizedOnEachCall,
  {
    name: 'access token expired mid-switch: refreshed once, then switched',
    family: 'token expiry',
    arm: expireTokens,
    shows: { verified: true },
    applied: 1,
  },
  {
    name: '401 from IMS token while refreshing: sign in again',
    family: 'token expiry',
    arm: async (world) => {
      await expireTokens(world);
      await world.addFaults({ method: 'POST', path: IMS_PATHS.token, status: 401 });
    },
    shows: { error: 'SESSION_EXPIRED' },
    applied: 0,
    signsInAgain: true,
  },
  {
    name: '429 with Retry-After 1 on the PUT: waits, then switched',
    family: 'rate limit',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, status: 429, headers: { 'Retry-After': '1' } }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: '429 with Retry-After 120 on the PUT: not now',
    family: 'rate limit',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, status: 429, headers: { 'Retry-After': '120' } }),
    shows: { error: 'RATE_LIMITED' },
    applied: 0,
  },
  {
    name: '500, 502, 503 on the PUT, then success',
    family: 'server error',
    arm: (world) =>
      world.addFaults(
        { method: 'PUT', path: CC, status: 500 },
        { method: 'PUT', path: CC, status: 502 },
        { method: 'PUT', path: CC, status: 503 },
      ),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: '503 twice from IMS profile, then success',
    family: 'server error',
    arm: (world) => world.addFaults({ method: 'GET', path: IMS_PATHS.profile, status: 503, times: 2 }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: '500 forever on the PUT, then a retry once it recovers',
    family: 'server error',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, status: 500, times: 0 }),
    shows: { error: 'SERVER_ERROR' },
    applied: 0,
    retryAfterwards: true,
  },
  {
    name: 'PUT answers slower than the timeout (and lands late): one change',
    family: 'timeout',
    only: {
      browser: 'chromium',
      why: "waits out the worker's 15 s request timeout: kept out of Firefox's time budget (the timeout is the worker's own AbortSignal, not the browser's)",
    },
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, delayMs: 16_000 }),
    shows: { verified: true },
    applied: 1,
    slow: true,
  },
  {
    name: 'connection dropped on the PUT: replayed with its Idempotency-Key',
    family: 'network',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, drop: true }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: 'connection dropped on GET creative-cloud',
    family: 'network',
    arm: (world) => world.addFaults({ method: 'GET', path: CC, drop: true }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: 'browser offline during the switch, then back online',
    family: 'network',
    only: {
      browser: 'chromium',
      why: "Firefox's offline mode leaves loopback reachable (network.disable-localhost-when-offline is off) and the sandbox is on 127.0.0.1; its harness has no per-profile switch that cuts the extension's requests",
    },
    arm: (world) => world.driver.setOffline(true),
    shows: { error: 'NETWORK' },
    applied: 0,
    retryAfterwards: true,
  },
  ...unreadableAnswers,
  {
    name: 'worker killed before the PUT',
    family: 'background stopped',
    arm: (world) => world.addFaults(held('GET', ME)),
    during: stopBackground,
    shows: { error: 'WORKER_UNREACHABLE' },
    applied: 0,
  },
  {
    name: 'worker killed after the PUT, before verification',
    family: 'background stopped',
    arm: (world) => world.addFaults(held('GET', CC, 1)),
    during: stopBackground,
    shows: { error: 'WORKER_UNREACHABLE' },
    applied: 1,
  },
  {
    name: 'worker killed during a token refresh',
    family: 'background stopped',
    arm: async (world) => {
      await expireTokens(world);
      await world.addFaults(held('POST', IMS_PATHS.token));
    },
    during: stopBackground,
    shows: { error: 'WORKER_UNREACHABLE' },
    applied: 0,
  },
  {
    name: 'two console tabs switch at once',
    family: 'concurrency',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, delayMs: 1_000 }),
    act: async (world) => {
      const other = await world.openConsoleTab();
      await world.prepareSwitch();
      await world.prepareSwitch(other);
      await world.confirm();
      await world.confirm(other);
      // The second tab's switch meets the first one's lock in the worker.
      await world.expectShown(other, { error: 'SWITCH_IN_PROGRESS' });
    },
    shows: { verified: true },
    applied: 1,
  },
  {
    name: 'double click on Switch orgs',
    family: 'concurrency',
    act: (world) => world.confirmSwitch({ doubleClick: true }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: 'another admin changes the connection between check and PUT (412)',
    family: 'concurrency',
    scenario: 'concurrent-admin',
    arm: (world) => world.sandbox.control('POST', 'concurrent-change').then(() => undefined),
    shows: { error: 'CONNECTION_CHANGED' },
    applied: 0,
  },
  {
    name: 'the console re-renders the view during the switch',
    family: 're-render',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, delayMs: 1_000 }),
    during: async (world) => {
      await world.faultsUsedUp();
      await (await world.tab.app()).click({ in: 'page', css: 'nav a', text: 'General Settings' });
      await (await world.tab.app()).click({ in: 'page', css: 'nav a', text: 'Creative Cloud' });
    },
    shows: { connectedUpdates: true },
    applied: 1,
  },
  {
    name: '1,000 orgs with a slow organizations call',
    family: 'scale',
    scenario: 'many-orgs',
    beforeOpen: (setup) => setup.addFaults({ method: 'GET', path: IMS_PATHS.organizations, delayMs: 3_000 }),
    shows: { verified: true },
    applied: 1,
    slow: true,
  },
];
