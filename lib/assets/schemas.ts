import { z } from 'zod/mini';
import { orgIdSchema } from '../org-id';

/**
 * The AEM Assets API for the Creative Cloud connection. It is not publicly documented:
 * these shapes are our model of it, served by the sandbox and isolated behind one client.
 */

export const assetsUserSchema = z.looseObject({
  userId: z.string().check(z.minLength(1)),
  isAssetsAdmin: z.boolean(),
});
export type AssetsUser = z.infer<typeof assetsUserSchema>;

export const connectedOrgSchema = z.looseObject({
  id: orgIdSchema,
  name: z.string(),
});

export const ccConnectionSchema = z.looseObject({
  connectedOrg: z.nullable(connectedOrgSchema),
  updatedAt: z.iso.datetime({ offset: true }),
  updatedBy: z.string(),
});
export type CcConnection = z.infer<typeof ccConnectionSchema>;

export const switchRequestSchema = z.strictObject({ orgId: orgIdSchema });
export type SwitchRequest = z.infer<typeof switchRequestSchema>;

/** Codes the modeled API answers with; the UI translates each one. */
export const ASSETS_ERROR_CODES = [
  'NOT_ASSETS_ADMIN',
  'STALE_STATE',
  'PRECONDITION_REQUIRED',
  'UNKNOWN_ORG',
  'NO_CC_ENTITLEMENT',
  'DIFFERENT_USER_ID',
  'IDEMPOTENCY_KEY_REUSED',
  'UNAUTHORIZED',
  'BAD_REQUEST',
  'NOT_FOUND',
  'RATE_LIMITED',
  'SERVER_ERROR',
] as const;
export type AssetsErrorCode = (typeof ASSETS_ERROR_CODES)[number];

export const apiErrorSchema = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const ASSETS_PATHS = {
  me: '/adobe/assets/users/me',
  ccConnection: '/adobe/assets/settings/creative-cloud',
} as const;
