import { z } from 'zod/mini';
import { checkedOrgRefSchema } from '../org-id';

/**
 * How a switch reached the server: the Assets API, or the console's own page when its API
 * refuses the extension. Entries written before the console path existed carry no path: 'api'.
 */
export const SWITCH_PATHS = ['api', 'console'] as const;
export const switchPathSchema = z.enum(SWITCH_PATHS);
export type SwitchPath = z.infer<typeof switchPathSchema>;

/** One switch in the history. Users are named by IMS user id only: no token, no e-mail. */
export const historyEntrySchema = z.strictObject({
  opId: z.string(),
  time: z.iso.datetime(),
  userId: z.string(),
  aemOrgId: z.string(),
  aemOrgName: z.string(),
  from: z.nullable(checkedOrgRefSchema),
  to: checkedOrgRefSchema,
  result: z.enum(['success', 'failed']),
  errorCode: z.optional(z.string()),
  path: z._default(switchPathSchema, 'api'),
  /** Carried over from `storage.local`, where a content script could have written it: not vouched for. */
  unverified: z.optional(z.literal(true)),
  /** The AEM author host (environment) the switch was made on; absent in entries from before it was recorded. */
  authorHost: z.optional(z.string().check(z.maxLength(300))),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/**
 * Who vouches for a successful switch: the Assets API's verifying read, or only what the console
 * page's own card showed (docs/ARCHITECTURE.md#through-the-console-page), which a page script could
 * fake. A failed switch is vouched for by nobody.
 */
export type SwitchReporter = 'assets-api' | 'console';

export function reportedBy(entry: Pick<HistoryEntry, 'result' | 'path'>): SwitchReporter | undefined {
  if (entry.result !== 'success') return undefined;
  return entry.path === 'console' ? 'console' : 'assets-api';
}
