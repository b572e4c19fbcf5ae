import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/**
 * Error answers in the two styles the sandbox speaks: IMS's flat `{ error, error_description }`
 * and the Assets API's (and control API's) `{ error: { code, message } }`. Request bodies are
 * read as values, so a malformed one becomes a 400 instead of an exception.
 */

export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

export function imsError(c: Context, status: ContentfulStatusCode, error: string, description: string) {
  return c.json({ error, error_description: description }, status);
}

export type BodyResult<T> = { ok: true; data: T } | { ok: false; message: string };

/** Parses a JSON body against a schema; an empty body counts as `{}` when `emptyAsObject`. */
export async function readJsonBody<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: { emptyAsObject?: boolean } = {},
): Promise<BodyResult<z.infer<T>>> {
  const text = await c.req.text();
  let parsed: unknown;
  if (text.trim() === '') {
    if (!options.emptyAsObject) return { ok: false, message: 'The request needs a JSON body' };
    parsed = {};
  } else {
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, message: 'The request body is not valid JSON' };
    }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) return { ok: false, message: describeIssues(result.error) };
  return { ok: true, data: result.data };
}

/** Reads an `application/x-www-form-urlencoded` body (what IMS endpoints take). */
export async function readFormBody(c: Context): Promise<BodyResult<URLSearchParams>> {
  const contentType = c.req.header('Content-Type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return { ok: false, message: 'Send the parameters form-encoded (application/x-www-form-urlencoded)' };
  }
  return { ok: true, data: new URLSearchParams(await c.req.text()) };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
