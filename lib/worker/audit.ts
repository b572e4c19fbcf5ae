import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { type AuditEntry, auditEntrySchema } from '../audit-entry';

export type { AuditEntry };

/** The switch history, kept in `storage.local` so it survives restarts. */

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
