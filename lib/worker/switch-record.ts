import { z } from 'zod/mini';
import { switchPathSchema } from '../history/entry';
import { checkedOrgRefSchema } from '../org-id';
import { storedItem } from '../stored-items';

/**
 * The switch in flight, in `storage.session` so a worker killed mid-switch finds it when it
 * wakes (docs/ARCHITECTURE.md#the-switch-step-by-step). `putSent` tells reconciliation whether the server may have applied it.
 * A switch through the console page spans several messages, so its record is also the lock:
 * `awaitingConsole` until the tab reports, and `expiresAt` so a closed tab cannot hold it.
 */
export const switchRecordSchema = z.strictObject({
  opId: z.string(),
  aemOrgId: z.string(),
  aemOrgName: z.string(),
  userId: z.string(),
  from: z.nullable(checkedOrgRefSchema),
  to: checkedOrgRefSchema,
  state: z.enum(['putSent', 'verifying', 'awaitingConsole']),
  startedAt: z.number(),
  path: z._default(switchPathSchema, 'api'),
  expiresAt: z.optional(z.number()),
  /** The Assets API the PUT went to (the console's AEM author host, or the configured override). */
  assetsBaseUrl: z.optional(z.string()),
  /** The AEM author host (environment) of the console, for the history entry. */
  authorHost: z.optional(z.string()),
});
export type SwitchRecord = z.infer<typeof switchRecordSchema>;

/**
 * One record per AEM org: a switch in one org must never overwrite another org's record that
 * is still waiting to be reconciled (its PUT may have landed). The single record of earlier
 * builds (`session:switchOperation`) needs no migration: the browser empties `storage.session`
 * when the extension is updated, so no record outlives the release that wrote it.
 */
const switchRecordsItem = storedItem('switchOperations');
const switchRecordsSchema = z.record(z.string(), switchRecordSchema);

async function readRecords(): Promise<Record<string, SwitchRecord>> {
  const parsed = switchRecordsSchema.safeParse(await switchRecordsItem.getValue());
  return parsed.success ? parsed.data : {};
}

/** The switch in flight in this AEM org, if any. */
export async function readSwitchRecord(aemOrgId: string): Promise<SwitchRecord | undefined> {
  const record = (await readRecords())[aemOrgId];
  return record?.aemOrgId === aemOrgId ? record : undefined;
}

/** Every switch in flight, one per AEM org (reconciliation on wake). */
export async function readSwitchRecords(): Promise<SwitchRecord[]> {
  return Object.entries(await readRecords()).flatMap(([key, record]) => (record.aemOrgId === key ? [record] : []));
}

export async function writeSwitchRecord(record: z.input<typeof switchRecordSchema>): Promise<void> {
  await switchRecordsItem.setValue({ ...(await readRecords()), [record.aemOrgId]: record });
}

export async function clearSwitchRecord(aemOrgId: string): Promise<void> {
  const { [aemOrgId]: _settled, ...others } = await readRecords();
  if (Object.keys(others).length > 0) await switchRecordsItem.setValue(others);
  else await switchRecordsItem.removeValue();
}
