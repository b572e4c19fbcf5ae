import { z } from 'zod/mini';
import { HttpError } from '../http/errors';
import { type Fetch, requestJson } from '../http/request';

/**
 * The Access Profile API (modeled on Adobe's public app code; docs/ARCHITECTURE.md#ims-and-the-assets-api): what each org
 * entitles the signed-in user to. `POST <base>/webapps/access_profile/v3` with the bearer
 * token answers `{ asnp: { payload } }`, where `payload` is base64 JSON holding
 * `appProfile.accessibleItems[]`, one per org (`source.owner_id`), each with
 * `fulfillable_items.<code>.enabled`.
 */

export const ACCESS_PROFILE_PATH = '/webapps/access_profile/v3';

export const accessProfileEnvelopeSchema = z.looseObject({
  asnp: z.looseObject({ payload: z.string().check(z.minLength(1)) }),
});

export const accessibleItemSchema = z.looseObject({
  source: z.looseObject({ owner_id: z.string() }),
  fulfillable_items: z.record(z.string(), z.looseObject({ enabled: z.boolean() })),
});
export type AccessibleItem = z.infer<typeof accessibleItemSchema>;

export const accessProfilePayloadSchema = z.looseObject({
  appProfile: z.looseObject({ accessibleItems: z.array(accessibleItemSchema) }),
});

export interface AccessProfileClientOptions {
  accessProfileBaseUrl: string;
  fetch?: Fetch;
  timeoutMs?: number;
}

const ENDPOINT = `POST ${ACCESS_PROFILE_PATH}`;

/** Base64 (standard or url-safe, padded or not) of UTF-8 JSON → the parsed payload, or INVALID_RESPONSE. */
export function decodeAccessProfilePayload(payload: string): AccessibleItem[] {
  let json: unknown;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new HttpError('INVALID_RESPONSE', `${ENDPOINT} answered a payload that is not base64 JSON`, {
      endpoint: ENDPOINT,
      cause,
    });
  }
  const parsed = accessProfilePayloadSchema.safeParse(json);
  if (!parsed.success) {
    throw new HttpError('INVALID_RESPONSE', `${ENDPOINT} answered a payload of an unexpected shape`, {
      endpoint: ENDPOINT,
    });
  }
  return parsed.data.appProfile.accessibleItems;
}

export function createAccessProfileClient(options: AccessProfileClientOptions) {
  const url = new URL(ACCESS_PROFILE_PATH, options.accessProfileBaseUrl).toString();
  return {
    /**
     * One try, no retries: this source only sharpens badges, so a slow or failing answer must
     * not hold up the console state (the caller turns any failure into "unavailable").
     */
    async getAccessibleItems(accessToken: string): Promise<AccessibleItem[]> {
      const { data } = await requestJson({
        url,
        method: 'POST',
        json: {},
        headers: { Authorization: `Bearer ${accessToken}` },
        schema: accessProfileEnvelopeSchema,
        fetch: options.fetch,
        retry: false,
        timeoutMs: options.timeoutMs,
      });
      return decodeAccessProfilePayload(data.asnp.payload);
    },
  };
}

export type AccessProfileClient = ReturnType<typeof createAccessProfileClient>;
