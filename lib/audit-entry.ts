import { z } from 'zod/mini';
import { orgIdSchema } from './org-id';

/** One switch in the history. Users are named by IMS user id only: no token, no e-mail. */
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
