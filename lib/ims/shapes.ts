import { z } from 'zod/mini';

/**
 * Adobe IMS response shapes (see shared IMS notes). Objects are loose: IMS adds fields over
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

export const profileSchema = z.looseObject({
  userId: z.string().check(z.minLength(1)),
  authId: z.optional(z.string()),
  account_type: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.optional(z.array(z.looseObject({ organization: z.string(), named_role: z.string() }))),
  // An account without any product may come without the list; treat that as empty.
  projectedProductContext: z.optional(z.array(productContextSchema)),
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

/** Scopes the extension asks for: identity, org list, product contexts and roles. */
export const IMS_SCOPES = [
  'openid',
  'AdobeID',
  'read_organizations',
  'additional_info.projectedProductContext',
  'additional_info.roles',
] as const;
