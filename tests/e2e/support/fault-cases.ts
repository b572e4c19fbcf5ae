import type { BrowserContext, Frame, Locator, Page } from '@playwright/test';
import { ASSETS_PATHS } from '../../../lib/assets/schemas';
import type { ErrorCode } from '../../../lib/errors';
import type { ScenarioName } from '../../../sandbox/scenarios';
import type { SandboxFixture } from './sandbox-fixture';

/**
 * The fault matrix, one row per fault: what goes wrong around an admin's switch from the
 * console UI, and what the admin must see and the server must hold afterwards.
 * tests/e2e/fault-matrix.spec.ts runs every row the same way (tests/HARNESS.md "Reliability and
 * security matrix"); adding a fault is adding a row.
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

/** What a row's hooks can reach. */
export interface FaultWorld {
  sandbox: SandboxFixture;
  context: BrowserContext;
  page: Page;
  /** The console app frame of `page` as it is now. */
  app: () => Promise<Frame>;
  extensionId: string;
  addFaults(...faults: SandboxFault[]): Promise<void>;
  /** Resolves once every injected fault has been hit: the request it holds is on the server. */
  faultsUsedUp(): Promise<void>;
  killServiceWorker(): Promise<void>;
  /** Opens the switcher on `page` (default: the first console tab), picks the first eligible org; resolves to the dialog's confirm button. */
  prepareSwitch(page?: Page): Promise<Locator>;
  /** The admin's whole switch on the first console tab: open the switcher, pick, confirm. */
  confirmSwitch(options?: { doubleClick?: boolean }): Promise<void>;
  /** Asserts what a console tab shows about the picked org. */
  expectShown(page: Page, shown: Shown): Promise<void>;
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
  scenario?: ScenarioName;
  /** After sign-in, before the console opens. */
  beforeOpen?: (world: FaultWorld) => Promise<void>;
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
  arm: (world) => world.addFaults({ method: call.method, path: call.path, status: 401 }),
  shows: { verified: true },
  applied: 1,
}));

const badBodies = [
  { kind: 'malformed JSON', body: '{"unterminated": ' },
  { kind: 'wrong-shape JSON', body: '{"unexpected":[1,2,3]}' },
];
const unreadableAnswers: FaultCase[] = badBodies.flatMap(({ kind, body }) => [
  ...SWITCH_CALLS.map(
    (call): FaultCase => ({
      name: `${kind} from ${call.label}`,
      arm: (world) => world.addFaults({ method: call.method, path: call.path, status: 200, body }),
      shows: { error: 'INVALID_RESPONSE' },
      applied: 0,
    }),
  ),
  {
    name: `${kind} from the verifying GET creative-cloud after the PUT`,
    arm: (world) => world.addFaults({ method: 'GET', path: CC, status: 200, body, after: 1 }),
    shows: { error: 'VERIFICATION_FAILED' },
    applied: 1,
  },
  {
    name: `${kind} from IMS token while refreshing an expired token`,
    arm: async (world) => {
      await expireTokens(world);
      await world.addFaults({ method: 'POST', path: IMS_PATHS.token, status: 200, body });
    },
    shows: { error: 'SESSION_EXPIRED' },
    applied: 0,
    signsInAgain: true,
  },
]);

/** Holds the next request to `path` long enough to kill the worker while it waits. */
const held = (method: string, path: string, after = 0): SandboxFault => ({ method, path, delayMs: 1_500, after });

const killWorker = async (world: FaultWorld) => {
  await world.faultsUsedUp();
  await world.killServiceWorker();
};

export const FAULT_CASES: FaultCase[] = [
  ...unauthorizedOnEachCall,
  {
    name: 'access token expired mid-switch: refreshed once, then switched',
    arm: expireTokens,
    shows: { verified: true },
    applied: 1,
  },
  {
    name: '401 from IMS token while refreshing: sign in again',
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
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, status: 429, headers: { 'Retry-After': '1' } }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: '429 with Retry-After 120 on the PUT: not now',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, status: 429, headers: { 'Retry-After': '120' } }),
    shows: { error: 'RATE_LIMITED' },
    applied: 0,
  },
  {
    name: '500, 502, 503 on the PUT, then success',
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
    arm: (world) => world.addFaults({ method: 'GET', path: IMS_PATHS.profile, status: 503, times: 2 }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: '500 forever on the PUT, then a retry once it recovers',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, status: 500, times: 0 }),
    shows: { error: 'SERVER_ERROR' },
    applied: 0,
    retryAfterwards: true,
  },
  {
    name: 'PUT answers slower than the timeout (and lands late): one change',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, delayMs: 16_000 }),
    shows: { verified: true },
    applied: 1,
    slow: true,
  },
  {
    name: 'connection dropped on the PUT: replayed with its Idempotency-Key',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, drop: true }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: 'connection dropped on GET creative-cloud',
    arm: (world) => world.addFaults({ method: 'GET', path: CC, drop: true }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: 'browser offline during the switch, then back online',
    arm: (world) => world.context.setOffline(true),
    shows: { error: 'NETWORK' },
    applied: 0,
    retryAfterwards: true,
  },
  ...unreadableAnswers,
  {
    name: 'worker killed before the PUT',
    arm: (world) => world.addFaults(held('GET', ME)),
    during: killWorker,
    shows: { error: 'WORKER_UNREACHABLE' },
    applied: 0,
  },
  {
    name: 'worker killed after the PUT, before verification',
    arm: (world) => world.addFaults(held('GET', CC, 1)),
    during: killWorker,
    shows: { error: 'WORKER_UNREACHABLE' },
    applied: 1,
  },
  {
    name: 'worker killed during a token refresh',
    arm: async (world) => {
      await expireTokens(world);
      await world.addFaults(held('POST', IMS_PATHS.token));
    },
    during: killWorker,
    shows: { error: 'WORKER_UNREACHABLE' },
    applied: 0,
  },
  {
    name: 'two console tabs switch at once',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, delayMs: 1_000 }),
    act: async (world) => {
      const other = await world.context.newPage();
      const confirmHere = await world.prepareSwitch();
      const confirmThere = await world.prepareSwitch(other);
      await confirmHere.click();
      await confirmThere.click();
      // The second tab's switch meets the first one's lock in the worker.
      await world.expectShown(other, { error: 'SWITCH_IN_PROGRESS' });
    },
    shows: { verified: true },
    applied: 1,
  },
  {
    name: 'double click on Switch orgs',
    act: (world) => world.confirmSwitch({ doubleClick: true }),
    shows: { verified: true },
    applied: 1,
  },
  {
    name: 'another admin changes the connection between check and PUT (412)',
    scenario: 'concurrent-admin',
    arm: (world) => world.sandbox.control('POST', 'concurrent-change').then(() => undefined),
    shows: { error: 'CONNECTION_CHANGED' },
    applied: 0,
  },
  {
    name: 'the console re-renders the view during the switch',
    arm: (world) => world.addFaults({ method: 'PUT', path: CC, delayMs: 1_000 }),
    during: async (world) => {
      await world.faultsUsedUp();
      const app = await world.app();
      await app.getByRole('navigation').getByRole('link', { name: 'General Settings', exact: true }).click();
      await app.getByRole('navigation').getByRole('link', { name: 'Creative Cloud', exact: true }).click();
    },
    shows: { connectedUpdates: true },
    applied: 1,
  },
  {
    name: '1,000 orgs with a slow organizations call',
    scenario: 'many-orgs',
    beforeOpen: (world) => world.addFaults({ method: 'GET', path: IMS_PATHS.organizations, delayMs: 3_000 }),
    shows: { verified: true },
    applied: 1,
    slow: true,
  },
];
