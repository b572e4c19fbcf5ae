import { z } from 'zod/mini';

/** Three states, never two: `unknown` is "no source we can read covers it", not "absent". */
export const entitlementStateSchema = z.enum(['active', 'none', 'unknown']);
export type EntitlementState = z.infer<typeof entitlementStateSchema>;

/** A console prerequisite: `unknown` when nothing we can ask answers it (the console then checks it). */
export const prerequisiteStateSchema = z.enum(['met', 'unmet', 'unknown']);
export type PrerequisiteState = z.infer<typeof prerequisiteStateSchema>;

/** The console-level prerequisites the status panel shows with ✓ / ✗ / unknown. */
export const prerequisitesSchema = z.strictObject({
  isAssetsAdmin: prerequisiteStateSchema,
  sameUserId: prerequisiteStateSchema,
});
export type Prerequisites = z.infer<typeof prerequisitesSchema>;
