import type { MessageKey } from '../i18n';
import type { EntitlementState, Prerequisites } from './states';

/**
 * Every badge is one row here: when it shows, how it looks and what it says. The row order is
 * the display order. The model (`badgesOf`), the badge schema, the views and the tests all derive
 * from this table, so a new badge is one new row (CONTRIBUTING.md#adding-a-badge).
 */

/** The facts of an org a badge rule may read. */
export interface BadgeFacts {
  connected: boolean;
  ccEntitlement: EntitlementState;
  express: EntitlementState;
  libraries: EntitlementState;
  blockedByPolicy: boolean;
}

export type BadgeTone = 'positive' | 'negative' | 'notice' | 'informative' | 'neutral';

interface BadgeRow {
  id: string;
  shows: (org: BadgeFacts, prerequisites: Prerequisites) => boolean;
  /** A symbol that carries the meaning without colour. */
  icon: string;
  tone: BadgeTone;
  label: MessageKey;
  /** For the `… unknown` badges: what the extension cannot see and who decides. */
  help?: MessageKey;
}

export const BADGE_TABLE = [
  { id: 'connected', shows: (org) => org.connected, icon: '●', tone: 'informative', label: 'badgeConnected' },
  {
    id: 'ccActive',
    shows: (org) => org.ccEntitlement === 'active',
    icon: '✓',
    tone: 'positive',
    label: 'badgeCcActive',
  },
  // Only when a source says so: the absence of an assumed code proves nothing.
  {
    id: 'noCcEntitlement',
    shows: (org) => org.ccEntitlement === 'none',
    icon: '✕',
    tone: 'negative',
    label: 'badgeNoCc',
  },
  {
    id: 'ccUnknown',
    shows: (org) => org.ccEntitlement === 'unknown',
    icon: '?',
    tone: 'notice',
    label: 'badgeCcUnknown',
    help: 'badgeCcUnknownHelp',
  },
  { id: 'express', shows: (org) => org.express === 'active', icon: '+', tone: 'neutral', label: 'badgeExpress' },
  {
    id: 'expressUnknown',
    shows: (org) => org.express === 'unknown',
    icon: '?',
    tone: 'neutral',
    label: 'badgeExpressUnknown',
    help: 'badgeExpressUnknownHelp',
  },
  { id: 'libraries', shows: (org) => org.libraries === 'active', icon: '+', tone: 'neutral', label: 'badgeLibraries' },
  {
    id: 'librariesUnknown',
    shows: (org) => org.libraries === 'unknown',
    icon: '?',
    tone: 'neutral',
    label: 'badgeLibrariesUnknown',
    help: 'badgeLibrariesUnknownHelp',
  },
  {
    id: 'differentUserId',
    shows: (_org, prerequisites) => prerequisites.sameUserId === 'unmet',
    icon: '!',
    tone: 'notice',
    label: 'badgeDifferentUserId',
  },
  { id: 'blockedByPolicy', shows: (org) => org.blockedByPolicy, icon: '⊘', tone: 'negative', label: 'badgeBlocked' },
] as const satisfies readonly BadgeRow[];

export type Badge = (typeof BADGE_TABLE)[number]['id'];
export type BadgeLook = Omit<BadgeRow, 'id' | 'shows'>;

/** The badge ids in display order (a tuple, for the badge schema). */
export const BADGES = BADGE_TABLE.map((row) => row.id) as [Badge, ...Badge[]];

export const BADGE_LOOK = Object.fromEntries(BADGE_TABLE.map((row): [Badge, BadgeLook] => [row.id, row])) as Record<
  Badge,
  BadgeLook
>;

/** The badges an org shows, in display order. */
export function badgesOf(org: BadgeFacts, prerequisites: Prerequisites): Badge[] {
  return BADGE_TABLE.filter((row) => row.shows(org, prerequisites)).map((row) => row.id);
}
