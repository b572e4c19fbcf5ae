import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { orgIdSchema } from '../org-id';

/**
 * The switch history, kept in `storage.local` so it survives restarts. An entry names users
 * by IMS user id only: no token, no e-mail.
 */

const orgRefSchema = z.strictObject({ id: orgIdSchema, name: z.string() });

export const auditEntrySchema = z.strictObject({
  opId: z.string(),
  time: z.iso.datetime(),
  userId: z.string(),
  aemOrgId: z.string(),
  aemOrgName: z.string(),
  from: z.nullable(orgRefSchema),
  to: orgRefSchema,
  result: z.enum(['success', 'failed']),
  errorCode: z.optional(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Enough for months of switches, small enough for `storage.local` quotas. */
export const AUDIT_LIMIT = 500;

const auditItem = storage.defineItem<unknown>('local:auditLog');

export async function readAudit(): Promise<AuditEntry[]> {
  const parsed = z.array(auditEntrySchema).safeParse(await auditItem.getValue());
  return parsed.success ? parsed.data : [];
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  const entries = await readAudit();
  await auditItem.setValue([entry, ...entries].slice(0, AUDIT_LIMIT));
}

export async function clearAudit(): Promise<void> {
  await auditItem.removeValue();
}

/** The org to go back to: `from` of the newest successful switch in this AEM org. */
export function switchBackTarget(entries: readonly AuditEntry[], aemOrgId: string): AuditEntry['from'] | undefined {
  return entries.find((entry) => entry.aemOrgId === aemOrgId && entry.result === 'success')?.from ?? undefined;
}
