import type { Scenario, ScenarioUser } from '../../../sandbox/scenarios';
import { expectedBadgesOf, shownSource, shownState } from './entitlement-truth';

/**
 * What the worker should report, worked out from the sandbox's scenario data alone: the e2e
 * tests compare the worker's answers with this, never with the extension's own model code.
 */

export const EXPECTED_ACCOUNT_TYPE = { type1: 'personal', type2: 'enterprise', type3: 'federated' } as const;

/** What the sandbox's state endpoint says about the connection (`GET /__sandbox/state`). */
export interface SandboxConnectionTruth {
  connectedOrg: { id: string; name: string } | null;
  updatedAt: string;
  updatedBy: string;
}

function expectedOrg(scenario: Scenario, user: ScenarioUser, orgId: string, connectedOrgId: string | null) {
  const consoleUser = scenario.users.find((candidate) => candidate.userId === scenario.consoleUserId);
  const name = scenario.orgs.find((org) => org.id === orgId)?.name ?? orgId;
  const cc = shownState(user, orgId, 'creativeCloud');
  const connected = orgId === connectedOrgId;
  const sameUserId = user.userId === scenario.consoleUserId;
  const reasons = [
    connected && 'ALREADY_CONNECTED',
    cc === 'none' && 'NO_CC_ENTITLEMENT',
    !consoleUser?.isAssetsAdmin && 'NOT_ASSETS_ADMIN',
    !sameUserId && 'DIFFERENT_USER_ID',
  ].filter((reason): reason is string => typeof reason === 'string');
  return {
    orgId,
    orgName: name,
    ccEntitlement: cc,
    express: shownState(user, orgId, 'express'),
    libraries: shownState(user, orgId, 'libraries'),
    decidedBy: {
      ccEntitlement: shownSource(user, orgId, 'creativeCloud'),
      express: shownSource(user, orgId, 'express'),
      libraries: shownSource(user, orgId, 'libraries'),
    },
    connected,
    blockedByPolicy: false,
    eligible: reasons.length === 0,
    reasons,
    // The console's user answers (the sandbox's Assets API does), so only CC can be unknown.
    unknowns: cc === 'unknown' ? ['CC_ENTITLEMENT'] : [],
    badges: [...expectedBadgesOf(user, orgId, connectedOrgId), ...(sameUserId ? [] : ['differentUserId'])],
  };
}

const INDIVIDUAL_CC = { CS_LVL_1: 'free', CS_LVL_2: 'paid' } as const;

/** The `console` part of a signed-in `getConsoleState` answer, without its `fetchedAt` time. */
export function expectedConsole(scenario: Scenario, user: ScenarioUser, connection: SandboxConnectionTruth) {
  const connectedOrgId = connection.connectedOrg?.id ?? null;
  const orgs = user.orgIds.map((orgId) => expectedOrg(scenario, user, orgId, connectedOrgId));
  const consoleUser = scenario.users.find((candidate) => candidate.userId === scenario.consoleUserId);
  return {
    connection,
    consoleUserId: scenario.consoleUserId,
    // The sandbox's Assets API answers the extension unless a test says otherwise.
    switchPath: 'api' as const,
    model: {
      orgs,
      prerequisites: {
        isAssetsAdmin: consoleUser?.isAssetsAdmin ? 'met' : 'unmet',
        sameUserId: user.userId === consoleUser?.userId ? 'met' : 'unmet',
      },
      connectedOrg: connection.connectedOrg,
      individualCreativeCloud: user.individualCc ? INDIVIDUAL_CC[user.individualCc] : 'none',
      sources: { productContexts: 'answered', serviceAccounts: 'answered', accessProfile: 'answered' },
    },
    summary: {
      total: orgs.length,
      eligible: orgs.filter((org) => org.eligible).length,
      ccActive: orgs.filter((org) => org.ccEntitlement === 'active').length,
      ccUnknown: orgs.filter((org) => org.ccEntitlement === 'unknown').length,
      blockedByPolicy: 0,
      connectedOrgId,
      connectedOrgName: connection.connectedOrg?.name ?? null,
    },
    readOnly: false,
  };
}

export function expectedIdentity(user: ScenarioUser) {
  return {
    userId: user.userId,
    name: user.name,
    email: user.email,
    accountType: EXPECTED_ACCOUNT_TYPE[user.accountType],
  };
}
