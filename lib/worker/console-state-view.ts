import type { CcConnection } from '../assets/schemas';
import { accountTypeOf, type Organization, type Profile } from '../ims/schemas';
import type { Identity } from '../messaging/contract';
import { orgIdFromRef } from '../org-id';

/** What IMS and the Assets API say, in the shapes the message contract carries. */

export function identityOf(profile: Profile): Identity {
  return {
    userId: profile.userId,
    name: profile.name,
    email: profile.email,
    accountType: accountTypeOf(profile.account_type),
  };
}

/** Only the fields the contract carries: the API may add more, the contract is strict. */
export function plainConnection(connection: Pick<CcConnection, 'connectedOrg'> & Partial<CcConnection>) {
  return {
    connectedOrg: connection.connectedOrg && { id: connection.connectedOrg.id, name: connection.connectedOrg.name },
    ...(connection.updatedAt !== undefined && { updatedAt: connection.updatedAt }),
    ...(connection.updatedBy !== undefined && { updatedBy: connection.updatedBy }),
  };
}

/** The page's "Current Creative Cloud org ID" as a connection, named from the user's orgs. */
export function pageConnection(
  orgId: string | null | undefined,
  organizations: readonly Organization[],
): Pick<CcConnection, 'connectedOrg'> | undefined {
  if (orgId === undefined) return undefined;
  if (orgId === null) return { connectedOrg: null };
  const known = organizations.find((org) => orgIdFromRef(org.orgRef) === orgId);
  return { connectedOrg: { id: orgId, name: known?.orgName ?? orgId } };
}
