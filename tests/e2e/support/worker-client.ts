import type { BrowserContext, Page, Worker } from '@playwright/test';
import {
  type RequestOf,
  type RequestType,
  type Response,
  type ResponseData,
  responseSchemaFor,
} from '../../../lib/messaging/contract';
import { ACCOUNT_TYPE_LABELS, type ScenarioUser } from '../../../sandbox/scenario-builders';
import type { ChromiumGlobals } from './extension-apis';

/**
 * Talks to the extension's worker the way the popup does: `chrome.runtime.sendMessage` from
 * an extension page, every answer checked against the message contract before a test reads it.
 */
export interface WorkerClient {
  /** The extension page the messages come from (`popup.html`). */
  page: Page;
  /** One request; resolves to the contract's answer (`{ ok, data }` or `{ ok: false, error }`). */
  send<T extends RequestType>(request: RequestOf<T>): Promise<Response<T>>;
  /** The data of a successful answer; throws with the error code and message otherwise. */
  data<T extends RequestType>(request: RequestOf<T>): Promise<ResponseData<T>>;
}

export async function openWorkerClient(context: BrowserContext, extensionId: string): Promise<WorkerClient> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const send = async <T extends RequestType>(request: RequestOf<T>): Promise<Response<T>> => {
    const raw = await page.evaluate(
      (message) => (globalThis as ChromiumGlobals).chrome?.runtime.sendMessage(message),
      request,
    );
    return parseAnswer(request.type, raw);
  };
  return {
    page,
    send,
    async data(request) {
      const answer = await send(request);
      if (!answer.ok) throw new Error(`${request.type} failed with ${answer.error.code}: ${answer.error.message}`);
      return answer.data;
    },
  };
}

/** Throws when the worker answered outside the contract: that is a bug, not an error value. */
export function parseAnswer<T extends RequestType>(type: T, raw: unknown): Response<T> {
  const parsed = responseSchemaFor(type).safeParse(raw);
  if (!parsed.success) throw new Error(`The ${type} answer breaks the contract: ${JSON.stringify(raw)}`);
  return parsed.data as Response<T>;
}

/** The sandbox login page's button for an account: "Ada Lovelace ada@acme.example Enterprise ID". */
export function accountButtonName(user: ScenarioUser): string {
  return `${user.name} ${user.email} ${ACCOUNT_TYPE_LABELS[user.accountType]}`;
}

/** The launchWebAuthFlow window: a new page of the context showing the sandbox's authorize page. */
export async function waitForLoginPage(context: BrowserContext): Promise<Page> {
  const page = await context.waitForEvent('page', { timeout: 10_000 });
  await page.waitForURL(/\/ims\/authorize\/v2/);
  return page;
}

/**
 * Picks an account on the login page. The form posts, IMS redirects to the extension's
 * redirect URL and Chromium closes the window, so the click may fail with its page gone.
 */
export async function chooseAccount(loginPage: Page, user: ScenarioUser): Promise<void> {
  await loginPage
    .getByRole('button', { name: accountButtonName(user), exact: true })
    .click()
    .catch((error: unknown) => {
      if (!loginPage.isClosed() && !/closed/i.test(String(error))) throw error;
    });
}

/** Interactive sign-in through the sandbox's login page, as `user`; answers the worker's reply. */
export async function signInAs(
  client: WorkerClient,
  user: ScenarioUser,
  options: { chooseAccount?: boolean } = {},
): Promise<Response<'signIn'>> {
  const loginPage = waitForLoginPage(client.page.context());
  const answer = client.send({ type: 'signIn', chooseAccount: options.chooseAccount ?? false });
  await chooseAccount(await loginPage, user);
  return answer;
}

type StorageAreaName = 'local' | 'session' | 'sync';
interface StorageAreas {
  storage: Record<StorageAreaName, { get(keys?: string | null): Promise<Record<string, unknown>> }>;
}

/** Everything (or one key) in one of the extension's storage areas, read inside its worker. */
export async function readExtensionStorage(
  worker: Pick<Worker, 'evaluate'>,
  area: StorageAreaName,
  key?: string,
): Promise<Record<string, unknown>> {
  return worker.evaluate(
    ({ area, key }) =>
      (globalThis as typeof globalThis & { chrome: StorageAreas }).chrome.storage[area].get(key ?? null),
    { area, key },
  );
}
