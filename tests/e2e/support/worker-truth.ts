import type { Scenario, ScenarioUser } from '../../../sandbox/scenarios';

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

function hasActive(user: ScenarioUser, orgId: string, capability: 'creativeCloud' | 'express' | 'libraries') {
  return user.products.some((p) => p.orgId === orgId && p.capability === capability && p.statusCode === 'ACTIVE');
}

function expectedOrg(scenario: Scenario, user: ScenarioUser, orgId: string, connectedOrgId: string | null) {
  const consoleUser = scenario.users.find((candidate) => candidate.userId === scenario.consoleUserId);
  const name = scenario.orgs.find((org) => org.id === orgId)?.name ?? orgId;
  const ccActive = hasActive(user, orgId, 'creativeCloud');
  const express = hasActive(user, orgId, 'express');
  const libraries = hasActive(user, orgId, 'libraries');
  const connected = orgId === connectedOrgId;
  const sameUserId = user.userId === scenario.consoleUserId;
  const reasons = [
    connected && 'ALREADY_CONNECTED',
    !ccActive && 'NO_CC_ENTITLEMENT',
    !consoleUser?.isAssetsAdmin && 'NOT_ASSETS_ADMIN',
    !sameUserId && 'DIFFERENT_USER_ID',
  ].filter((reason): reason is string => typeof reason === 'string');
  const badges = [
    connected && 'connected',
    ccActive ? 'ccActive' : 'noCcEntitlement',
    express && 'express',
    libraries && 'libraries',
    !sameUserId && 'differentUserId',
  ].filter((badge): badge is string => typeof badge === 'string');
  return {
    orgId,
    orgName: name,
    ccEntitlement: ccActive ? 'active' : 'none',
    express,
    libraries,
    connected,
    sameUserId,
    blockedByPolicy: false,
    eligible: reasons.length === 0,
    reasons,
    badges,
  };
}

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
        isAssetsAdmin: consoleUser?.isAssetsAdmin ?? false,
        sameUserId: user.userId === consoleUser?.userId,
      },
      connectedOrg: connection.connectedOrg,
    },
    summary: {
      total: orgs.length,
      eligible: orgs.filter((org) => org.eligible).length,
      ccActive: orgs.filter((org) => org.ccEntitlement === 'active').length,
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
