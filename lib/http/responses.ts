import { z } from 'zod/mini';
import type { ErrorCode } from '../errors';
import { HttpError } from './errors';

/** Both error dialects we meet: the Assets API's `{ error: { code, message } }` and IMS's `{ error, error_description }`. */
const errorBodySchema = z.union([
  z.looseObject({ error: z.looseObject({ code: z.string(), message: z.optional(z.string()) }) }),
  z.looseObject({ error: z.string(), error_description: z.optional(z.string()) }),
]);

const MAX_DETAIL_LENGTH = 200;

export function apiErrorOf(bodyText: string): { apiCode: string; apiMessage?: string } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { error } = parsed.data;
  if (typeof error === 'string')
    return { apiCode: error, apiMessage: parsed.data.error_description as string | undefined };
  return { apiCode: error.code, apiMessage: error.message };
}

function codeForStatus(status: number, hasApiCode: boolean): ErrorCode {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER_ERROR';
  // A 403 that explains itself (e.g. NOT_ASSETS_ADMIN) is the API's answer, not a bare refusal.
  if (status === 403 && !hasApiCode) return 'FORBIDDEN';
  return 'API_ERROR';
}

/** The typed error for a non-2xx answer. */
export function errorFromStatus(
  endpoint: string,
  response: { status: number; bodyText: string },
  retryAfterMs: number | undefined,
): HttpError {
  const apiError = apiErrorOf(response.bodyText);
  const code = codeForStatus(response.status, apiError !== undefined);
  const detail = apiError
    ? `: ${apiError.apiCode}${apiError.apiMessage ? ` — ${apiError.apiMessage.slice(0, MAX_DETAIL_LENGTH)}` : ''}`
    : '';
  return new HttpError(code, `${endpoint} answered ${response.status}${detail}`, {
    endpoint,
    status: response.status,
    apiCode: apiError?.apiCode,
    retryAfterMs,
  });
}

type Issue = { path: readonly PropertyKey[]; code: string; expected?: unknown; message: string };

/** A response that parsed as JSON but not as the shape we rely on; names the first wrong field. */
export function invalidResponse(endpoint: string, status: number, issues: readonly Issue[]): HttpError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? first.path.map(String).join('.') : 'the top level';
  const what = first ? describeIssue(first) : 'does not match';
  return new HttpError(
    'INVALID_RESPONSE',
    `${endpoint} answered ${status} with an unexpected shape: ${where} ${what}`,
    {
      endpoint,
      status,
    },
  );
}

function describeIssue(issue: Issue): string {
  // zod/mini ships no English messages ("Invalid input"), so describe the issue from its code.
  if (issue.code === 'invalid_type') return `should be ${String(issue.expected)}`;
  if (issue.code === 'invalid_format') return 'has the wrong format';
  if (issue.code === 'too_small' || issue.code === 'too_big') return 'is out of range';
  return `is invalid (${issue.code})`;
}
