import type { z } from 'zod/mini';
import { apiErrorSchema } from '../../../lib/assets/schemas';

/** Answers are values (`ok` or an error with a code), never exceptions: the views show the code. */
export interface ConsoleError {
  code: string;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ConsoleError };

export interface Answer<T> {
  body: T;
  etag: string | null;
}

/** A same-origin call whose answer is parsed with `schema`; API errors keep their `{ code, message }`. */
export async function requestJson<T>(
  path: string,
  init: RequestInit,
  schema: z.ZodMiniType<T>,
): Promise<Result<Answer<T>>> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    return { ok: false, error: { code: 'NETWORK_ERROR', message: String(error) } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const apiError = apiErrorSchema.safeParse(body);
    if (apiError.success) return { ok: false, error: apiError.data.error };
    return { ok: false, error: { code: `HTTP_${response.status}`, message: response.statusText || 'Request failed' } };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, error: { code: 'BAD_RESPONSE', message: `Unexpected answer from ${path}` } };
  return { ok: true, value: { body: parsed.data, etag: response.headers.get('ETag') } };
}
