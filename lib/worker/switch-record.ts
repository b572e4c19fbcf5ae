import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { switchPathSchema } from '../audit-entry';
import { orgIdSchema } from '../org-id';

/**
 * The switch in flight, in `storage.session` so a worker killed mid-switch finds it when it
 * wakes (DESIGN §7). `putSent` tells reconciliation whether the server may have applied it.
 * A switch through the console page spans several messages, so its record is also the lock:
 * `awaitingConsole` until the tab reports, and `expiresAt` so a closed tab cannot hold it.
 */
export const switchRecordSchema = z.strictObject({
  opId: z.string(),
  aemOrgId: z.string(),
  aemOrgName: z.string(),
  userId: z.string(),
  from: z.nullable(z.strictObject({ id: orgIdSchema, name: z.string() })),
  to: z.strictObject({ id: orgIdSchema, name: z.string() }),
  state: z.enum(['putSent', 'verifying', 'awaitingConsole']),
  startedAt: z.number(),
  path: z._default(switchPathSchema, 'api'),
  expiresAt: z.optional(z.number()),
  /** The Assets API the PUT went to (the console's AEM author host, or the configured override). */
  assetsBaseUrl: z.optional(z.string()),
});
export type SwitchRecord = z.infer<typeof switchRecordSchema>;

const switchRecordItem = storage.defineItem<unknown>('session:switchOperation');

export async function readSwitchRecord(): Promise<SwitchRecord | undefined> {
  const parsed = switchRecordSchema.safeParse(await switchRecordItem.getValue());
  return parsed.success ? parsed.data : undefined;
}

export function writeSwitchRecord(record: z.input<typeof switchRecordSchema>): Promise<void> {
  return switchRecordItem.setValue(record);
}

export function clearSwitchRecord(): Promise<void> {
  return switchRecordItem.removeValue();
}
