import { ASSETS_PATHS, type CcConnection, ccConnectionSchema } from '../../../../lib/assets/schemas';
import { type Organization, organizationsSchema } from '../../../../lib/ims/schemas';
import { type ConsoleSession, fetchConsoleSession } from '../console-session';
import { type Result, requestJson } from '../http';

export type { ConsoleSession } from '../console-session';
export type { ConsoleError, Result } from '../http';

/** The app's data access: its session, the IMS org list and the Assets CC-connection API. */
export interface ConnectionSnapshot {
  connection: CcConnection;
  etag: string;
}

/** Real pages load asynchronously; a small random delay keeps the sandbox honest about that. */
function realisticLatency(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 150));
}

const assetsHeaders = (session: ConsoleSession): Record<string, string> => ({
  Authorization: `Bearer ${session.accessToken}`,
  'x-api-key': session.clientId,
  'x-gw-ims-org-id': session.aemOrg.id,
});

async function getConnection(session: ConsoleSession): Promise<Result<ConnectionSnapshot>> {
  const result = await requestJson(ASSETS_PATHS.ccConnection, { headers: assetsHeaders(session) }, ccConnectionSchema);
  if (!result.ok) return result;
  if (!result.value.etag) return { ok: false, error: { code: 'BAD_RESPONSE', message: 'The answer has no ETag' } };
  return { ok: true, value: { connection: result.value.body, etag: result.value.etag } };
}

/** The native switch: a fresh GET for the ETag, then the PUT. No eligibility checks at all. */
async function putConnection(session: ConsoleSession, orgId: string): Promise<Result<ConnectionSnapshot>> {
  const fresh = await getConnection(session);
  if (!fresh.ok) return fresh;
  const init: RequestInit = {
    method: 'PUT',
    headers: {
      ...assetsHeaders(session),
      'Content-Type': 'application/json',
      'If-Match': fresh.value.etag,
      'Idempotency-Key': crypto.randomUUID(),
    },
    body: JSON.stringify({ orgId }),
  };
  const result = await requestJson(ASSETS_PATHS.ccConnection, init, ccConnectionSchema);
  if (!result.ok) return result;
  return { ok: true, value: { connection: result.value.body, etag: result.value.etag ?? '' } };
}

async function getOrganizations(session: ConsoleSession): Promise<Result<Organization[]>> {
  // The console's own client id, as on its Assets API calls: the request log tells the page from the extension by it.
  const init = { headers: { Authorization: `Bearer ${session.accessToken}`, 'x-api-key': session.clientId } };
  const result = await requestJson('/ims/organizations/v6', init, organizationsSchema);
  return result.ok ? { ok: true, value: result.value.body } : result;
}

export function createConsoleApi() {
  let session: Promise<Result<ConsoleSession>> | undefined;
  const loadSession = () => {
    session ??= fetchConsoleSession();
    return session;
  };

  /** Calls with the session's token; a 401 means it expired, so fetch a new session once and retry. */
  async function withSession<T>(call: (current: ConsoleSession) => Promise<Result<T>>): Promise<Result<T>> {
    const first = await loadSession();
    if (!first.ok) {
      session = undefined;
      return first;
    }
    const result = await call(first.value);
    if (result.ok || !isUnauthorized(result.error.code)) return result;
    session = undefined;
    const renewed = await loadSession();
    return renewed.ok ? call(renewed.value) : renewed;
  }

  const afterLatency =
    <T>(load: () => Promise<T>) =>
    async (): Promise<T> => {
      await realisticLatency();
      return load();
    };

  return {
    session: afterLatency(() =>
      withSession(async (current): Promise<Result<ConsoleSession>> => ({ ok: true, value: current })),
    ),
    organizations: afterLatency(() => withSession(getOrganizations)),
    connection: afterLatency(() => withSession(getConnection)),
    switchOrg: (orgId: string) => withSession((current) => putConnection(current, orgId)),
  };
}

/** The Assets API says `UNAUTHORIZED`; IMS answers `{ error: 'invalid_token' }`, which reads as HTTP_401. */
const isUnauthorized = (code: string) => code === 'UNAUTHORIZED' || code === 'HTTP_401';

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
