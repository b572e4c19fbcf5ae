import { z } from 'zod/mini';
import { baseUrlsSchema, environmentNameSchema, LOOPBACK_HOSTNAMES } from '../environment';

/** An IMS client ID: letters, digits, `_`, `.` and `-` (what Adobe's developer console issues). */
export const clientIdSchema = z.string().check(z.regex(/^[\w.-]{1,200}$/));

/**
 * The environment a user picks in options; a custom one must name its IMS base URL. Its Assets
 * base URL is optional: without one the API is called on each console's AEM author host.
 */
export const environmentChoiceSchema = z
  .strictObject({
    name: environmentNameSchema,
    baseUrls: z.optional(baseUrlsSchema),
  })
  .check(z.refine((choice) => choice.name !== 'custom' || choice.baseUrls !== undefined, 'Custom needs base URLs'));
export type EnvironmentChoice = z.infer<typeof environmentChoiceSchema>;

/** Why a base URL typed in options is refused, for an inline message; undefined when it is fine. */
export type BaseUrlProblem = 'required' | 'invalid' | 'insecure' | 'hasPath';

export function baseUrlProblem(value: string): BaseUrlProblem | undefined {
  const text = value.trim();
  if (!text) return 'required';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid';
  if (url.username || url.password) return 'invalid';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTNAMES.includes(url.hostname)) return 'insecure';
  if (url.pathname !== '/' || url.search || url.hash) return 'hasPath';
  return undefined;
}

/** The origin form the extension stores (`https://host:port`, no trailing slash). */
export function normalizedBaseUrl(value: string): string {
  return new URL(value.trim()).origin;
}

export type ClientIdProblem = 'required' | 'invalid';

export function clientIdProblem(value: string): ClientIdProblem | undefined {
  if (!value.trim()) return 'required';
  return clientIdSchema.safeParse(value.trim()).success ? undefined : 'invalid';
}
