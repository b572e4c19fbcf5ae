import { BADGES, type Badge } from '../../../lib/entitlement/badges';
import { ACTIVE_STATUS_CODE, type OrgCapability } from '../../../lib/service-codes';
import type { ScenarioUser } from '../../../sandbox/scenario-builders';

/**
 * What the extension should see of one capability in one org, stated from the scenario's
 * grants alone (never from the extension's model code): a grant says active or none; an Access
 * Profile item of the org that lacks Express (a confirmed code) says none; nothing else says
 * anything. The sandbox's scenarios only grant codes of the service-code table.
 */
export function shownState(user: ScenarioUser, orgId: string, capability: OrgCapability) {
  const grants = user.products.filter((p) => p.orgId === orgId && p.capability === capability);
  if (grants.some((p) => p.statusCode === ACTIVE_STATUS_CODE)) return 'active' as const;
  if (grants.length > 0) return 'none' as const;
  const hasItem = user.products.some((p) => p.orgId === orgId && p.source === 'accessProfile');
  return capability === 'express' && hasItem ? ('none' as const) : ('unknown' as const);
}

/** The source that decided a shown state: the one whose grant says it, else the item (Express), else none. */
export function shownSource(user: ScenarioUser, orgId: string, capability: OrgCapability) {
  const state = shownState(user, orgId, capability);
  if (state === 'unknown') return null;
  const grants = user.products.filter((p) => p.orgId === orgId && p.capability === capability);
  const deciding = grants.find((p) => (p.statusCode === ACTIVE_STATUS_CODE) === (state === 'active'));
  return deciding?.source ?? 'accessProfile';
}

/**
 * The badges of an org for the console's own user, no policy, in display order. Typed over every
 * badge, so a new badge row does not compile until the oracle says when it shows.
 */
export function expectedBadgesOf(user: ScenarioUser, orgId: string, connectedOrgId: string | null | undefined) {
  const cc = shownState(user, orgId, 'creativeCloud');
  const express = shownState(user, orgId, 'express');
  const libraries = shownState(user, orgId, 'libraries');
  const shown: Record<Badge, boolean> = {
    connected: orgId === connectedOrgId,
    ccActive: cc === 'active',
    noCcEntitlement: cc === 'none',
    ccUnknown: cc === 'unknown',
    express: express === 'active',
    expressUnknown: express === 'unknown',
    libraries: libraries === 'active',
    librariesUnknown: libraries === 'unknown',
    // The console's own user, so the same user ID; no policy.
    differentUserId: false,
    blockedByPolicy: false,
  };
  return BADGES.filter((badge) => shown[badge]);
}
