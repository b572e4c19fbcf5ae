import { z } from 'zod/mini';

/**
 * Adobe IMS response shapes (docs/ARCHITECTURE.md#ims-and-the-assets-api). Objects are loose: IMS adds fields over
 * time and we must tolerate them, but every field we rely on is required and typed.
 */

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.optional(z.string()),
  id_token: z.optional(z.string()),
  sub: z.optional(z.string()),
  token_type: z.string(),
  expires_in: z.number().check(z.positive()),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const imsErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.optional(z.string()),
});

export const ACCOUNT_TYPES = {
  type1: 'personal',
  type2: 'enterprise',
  type3: 'federated',
} as const;
export type AccountType = (typeof ACCOUNT_TYPES)[keyof typeof ACCOUNT_TYPES] | 'unknown';

export const productContextSchema = z.looseObject({
  prodCtx: z.looseObject({
    serviceCode: z.string(),
    owningEntity: z.string(),
    statusCode: z.string(),
    label: z.optional(z.string()),
  }),
});

/** The user's own plans, not tied to any org (`creative_cloud` with `CS_LVL_1` free / `CS_LVL_2` paid). */
export const serviceAccountSchema = z.looseObject({
  serviceCode: z.string(),
  serviceStatus: z.optional(z.string()),
  serviceLevel: z.optional(z.string()),
  ident: z.optional(z.string()),
});
export type ServiceAccount = z.infer<typeof serviceAccountSchema>;

export const profileSchema = z.looseObject({
  userId: z.string().check(z.minLength(1)),
  authId: z.optional(z.string()),
  account_type: z.string(),
  email: z.string(),
  name: z.string(),
  // Both lists come only with their scope (below). Missing means "not told", which the
  // entitlement model keeps apart from an empty list ("told: nothing").
  projectedProductContext: z.optional(z.array(productContextSchema)),
  serviceAccounts: z.optional(z.array(serviceAccountSchema)),
});
export type Profile = z.infer<typeof profileSchema>;

export const organizationSchema = z.looseObject({
  orgName: z.string(),
  orgRef: z.looseObject({ ident: z.string(), authSrc: z.string() }),
  orgType: z.optional(z.string()),
  countryCode: z.optional(z.string()),
  groups: z.optional(
    z.array(
      z.looseObject({
        groupName: z.optional(z.string()),
        role: z.optional(z.string()),
        ident: z.optional(z.number()),
      }),
    ),
  ),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationsSchema = z.array(organizationSchema);

export function accountTypeOf(imsAccountType: string): AccountType {
  return ACCOUNT_TYPES[imsAccountType as keyof typeof ACCOUNT_TYPES] ?? 'unknown';
}

/**
 * Scopes the extension asks for, each for a source it reads: identity, the org list, the
 * per-org product contexts and the user's own plans (`serviceAccounts`). The Experience Cloud
 * shell asks for `creative_cloud`; that this scope is what brings `serviceAccounts` is our
 * reading of Adobe's public code. Roles are not read, so not asked for.
 */
export const IMS_SCOPES = [
  'openid',
  'AdobeID',
  'read_organizations',
  'additional_info.projectedProductContext',
  'creative_cloud',
] as const;
/** The scope each optional profile list needs (the sandbox checks the same names). */
export const PROFILE_LIST_SCOPES = {
  projectedProductContext: 'additional_info.projectedProductContext',
  serviceAccounts: 'creative_cloud',
} as const satisfies Record<string, (typeof IMS_SCOPES)[number]>;
