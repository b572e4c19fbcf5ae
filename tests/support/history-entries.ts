import type { HistoryEntry } from '../../lib/history/entry';

/**
 * An entry of the switch history for tests: a successful switch in the Acme console, through
 * the API, from no org to Beta. A test overrides what it is about.
 */
export const historyEntry = (overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  opId: '3f1c2a9e-4b7d-4c1e-9a2b-6d8e0f1a2b3c',
  time: '2026-11-25T08:40:00.000Z',
  userId: 'A1B2C3D4E5F6A7B8C9D0E1F2@AdobeID',
  aemOrgId: '0123456789ABCDEF01234567@AdobeOrg',
  aemOrgName: 'Acme',
  from: null,
  to: { id: '89ABCDEF0123456789ABCDEF@AdobeOrg', name: 'Beta' },
  result: 'success',
  path: 'api',
  ...overrides,
});
