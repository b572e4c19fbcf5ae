import type { z } from 'zod/mini';
import { readAuthorHostBindings } from '../author-hosts/bindings';
import { authorHostTrust } from '../author-hosts/trust';
import type { Endpoints, EnvironmentSettings } from '../environment';
import { ExtensionError } from '../errors';
import type { authorHostStateSchema, ConsoleIdentity } from '../messaging/contract';
import { readEffectiveSettings } from '../settings/effective';

export type AuthorHostState = z.infer<typeof authorHostStateSchema>;

/**
 * Where this console's Assets API calls would go and who trusts that host
 * (docs/ARCHITECTURE.md#author-host-binding). An Assets base URL set in options or by policy
 * replaces the URL's host: the admin or IT chose it deliberately, so it needs no binding.
 * Undefined when the console names no author host (the caller reports AEM_HOST_UNKNOWN).
 */
export async function authorHostStateFor(
  identity: ConsoleIdentity,
  aemOrgId: string,
  settings: EnvironmentSettings,
  endpoints: Endpoints,
): Promise<AuthorHostState | undefined> {
  const environment = settings.name;
  if (endpoints.assetsBaseUrl) return { host: new URL(endpoints.assetsBaseUrl).host, trust: 'override', environment };
  const { authorHost } = identity;
  if (!authorHost) return undefined;
  const [bindings, { authorHostPolicy }] = await Promise.all([readAuthorHostBindings(), readEffectiveSettings()]);
  const trust = authorHostTrust({ environment, aemOrgId, authorHost }, bindings, authorHostPolicy);
  return { host: authorHost, trust, environment };
}

/** Whether a call carrying the token may go to this host. */
export const mayReceiveToken = (state: AuthorHostState | undefined) =>
  state?.trust === 'admin' || state?.trust === 'policy' || state?.trust === 'override';

/** The typed refusal for a host no token may go to (yet). */
export function untrustedHostError(state: AuthorHostState): ExtensionError {
  return state.trust === 'forbidden'
    ? new ExtensionError(
        'AUTHOR_HOST_FORBIDDEN',
        `Your organization's policy forbids the AEM author host ${state.host}`,
      )
    : new ExtensionError('AUTHOR_HOST_UNCONFIRMED', `Confirm the AEM author host ${state.host} for this AEM org first`);
}
