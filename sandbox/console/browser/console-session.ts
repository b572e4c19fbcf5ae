import { z } from 'zod/mini';
import { CONSOLE_ERROR_FORMS, PICKER_FORMS } from '../picker-forms';
import { type Result, requestJson } from './http';

/** The console's own IMS session (not the extension's): who is signed in to which AEM org. */
const consoleSessionSchema = z.looseObject({
  accessToken: z.string().check(z.minLength(1)),
  /** The console's own IMS client, which the Assets API knows as `x-api-key`. */
  clientId: z.string().check(z.minLength(1)),
  user: z.looseObject({ userId: z.string(), name: z.string(), email: z.string() }),
  aemOrg: z.looseObject({ id: z.string(), name: z.string(), tenant: z.string() }),
  picker: z.optional(z.enum(PICKER_FORMS)),
  recreate: z.optional(z.boolean()),
  errors: z.optional(z.enum(CONSOLE_ERROR_FORMS)),
});
export type ConsoleSession = z.infer<typeof consoleSessionSchema>;

export async function fetchConsoleSession(): Promise<Result<ConsoleSession>> {
  const result = await requestJson('/console/session', {}, consoleSessionSchema);
  return result.ok ? { ok: true, value: result.value.body } : result;
}
