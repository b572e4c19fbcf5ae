import { z } from 'zod/mini';
import { environmentNameSchema } from '../environment';
import { ERROR_CODES } from '../errors';

/**
 * The one contract between the worker and everything that talks to it (content script,
 * popup, options). Requests and responses are strict: an unknown field is an error.
 */

export const requestSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('getStatus') })]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export const statusSchema = z.strictObject({
  version: z.string(),
  environment: environmentNameSchema,
  signedIn: z.boolean(),
});
export type Status = z.infer<typeof statusSchema>;

const responseDataSchemas = {
  getStatus: statusSchema,
} as const satisfies Record<RequestType, z.ZodMiniType>;
export type ResponseData<T extends RequestType> = z.infer<(typeof responseDataSchemas)[T]>;

export const messageErrorSchema = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });
export type MessageError = z.infer<typeof messageErrorSchema>;

export type Response<T extends RequestType> = { ok: true; data: ResponseData<T> } | { ok: false; error: MessageError };

export function responseSchemaFor<T extends RequestType>(type: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), data: responseDataSchemas[type] }),
    z.strictObject({ ok: z.literal(false), error: messageErrorSchema }),
  ]);
}

/** Who may ask for what. Content scripts never get session management or history. */
export type SenderKind = 'contentScript' | 'extensionPage';
export const REQUEST_ACCESS: Record<RequestType, readonly SenderKind[]> = {
  getStatus: ['contentScript', 'extensionPage'],
};
