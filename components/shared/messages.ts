import type { z } from 'zod/mini';
import type { IndividualCreativeCloud, IneligibilityReason, UnknownFact } from '@/lib/entitlement/schemas';
import type { EnvironmentName } from '@/lib/environment';
import type { ErrorCode } from '@/lib/errors';
import type { MessageKey } from '@/lib/i18n';
import type { accountTypeSchema } from '@/lib/messaging/contract';

/**
 * Every worker error code has one translated message that names the cause and the next
 * step. Codes with the same remedy share a message.
 */
export const ERROR_MESSAGES: Record<ErrorCode, MessageKey> = {
  INVALID_MESSAGE: 'errorInternal',
  FORBIDDEN_SENDER: 'errorInternal',
  WORKER_UNREACHABLE: 'errorUnreachable',
  // An answer from Adobe that does not parse is the service's fault, not the extension's.
  INVALID_RESPONSE: 'errorServer',
  INTERNAL: 'errorInternal',
  NETWORK: 'errorNetwork',
  TIMEOUT: 'errorNetwork',
  ABORTED: 'errorNetwork',
  UNAUTHORIZED: 'errorSession',
  FORBIDDEN: 'errorForbidden',
  RATE_LIMITED: 'errorRateLimited',
  SERVER_ERROR: 'errorServer',
  API_ERROR: 'errorServer',
  STATE_MISMATCH: 'errorSignInFailed',
  LOGIN_REQUIRED: 'errorSession',
  SIGN_IN_CANCELLED: 'errorSignInCancelled',
  SIGN_IN_FAILED: 'errorSignInFailed',
  SESSION_EXPIRED: 'errorSession',
  NOT_SIGNED_IN: 'errorSession',
  NOT_CONFIGURED: 'errorNotConfigured',
  ENVIRONMENT_UNCONFIRMED: 'errorEnvironmentUnconfirmed',
  NO_CLIENT_ID: 'errorNoClientId',
  READ_ONLY: 'errorReadOnly',
  SWITCH_IN_PROGRESS: 'errorSwitchInProgress',
  CONNECTION_CHANGED: 'errorConnectionChanged',
  NOT_ELIGIBLE: 'errorNotEligible',
  VERIFICATION_FAILED: 'errorVerification',
  SWITCH_INTERRUPTED: 'errorInterrupted',
  NO_SWITCH_BACK: 'errorNoSwitchBack',
  CONSOLE_REFUSED: 'errorConsoleRefused',
  PAGE_CHANGED: 'errorPageChanged',
  SWITCH_CANCELLED: 'errorSwitchCancelled',
  SWITCH_PATH_CHANGED: 'errorSwitchPathChanged',
  AEM_ORG_UNRESOLVED: 'errorAemOrgUnresolved',
  AEM_HOST_UNKNOWN: 'errorAemHostUnknown',
  AUTHOR_HOST_UNCONFIRMED: 'errorAuthorHostUnconfirmed',
  AUTHOR_HOST_FORBIDDEN: 'errorAuthorHostForbidden',
  SWITCH_BACK_OTHER_HOST: 'errorSwitchBackOtherHost',
  NOT_ASSETS_ADMIN: 'errorNotAdmin',
  NO_CC_ENTITLEMENT: 'errorNoCc',
  DIFFERENT_USER_ID: 'errorDifferentUserId',
  UNKNOWN_ORG: 'errorUnknownOrg',
  POLICY_LOCKED: 'optionsErrorPolicyLocked',
  INVALID_SETTINGS: 'optionsErrorInvalidSettings',
};

export const REASON_MESSAGES: Record<IneligibilityReason, MessageKey> = {
  INVALID_ORG_ID: 'reasonInvalidOrgId',
  NOT_ACCESSIBLE: 'reasonNotAccessible',
  ALREADY_CONNECTED: 'reasonAlreadyConnected',
  NO_CC_ENTITLEMENT: 'reasonNoCc',
  CC_ENTITLEMENT_UNKNOWN: 'reasonCcUnknown',
  NOT_ASSETS_ADMIN: 'reasonNotAdmin',
  DIFFERENT_USER_ID: 'reasonDifferentUserId',
  BLOCKED_BY_POLICY: 'reasonBlocked',
  READ_ONLY: 'reasonReadOnly',
};

export const ACCOUNT_TYPES: Record<z.infer<typeof accountTypeSchema>, MessageKey> = {
  personal: 'accountPersonal',
  enterprise: 'accountEnterprise',
  federated: 'accountFederated',
  unknown: 'accountUnknown',
};

/** What the extension cannot see, one sentence each, for the switcher, the confirmation and the guard. */
export const UNKNOWN_FACT_MESSAGES: Record<UnknownFact, MessageKey> = {
  CC_ENTITLEMENT: 'unknownCcEntitlement',
  ASSETS_ADMIN: 'unknownAssetsAdmin',
  SAME_USER_ID: 'unknownSameUserId',
};

export const INDIVIDUAL_CC: Record<IndividualCreativeCloud, MessageKey> = {
  paid: 'individualCcPaid',
  free: 'individualCcFree',
  none: 'individualCcNone',
  unknown: 'individualCcUnknown',
};

/** Each environment's name as the popup and the console UI show it. */
export const ENVIRONMENT_LABELS: Record<EnvironmentName, MessageKey> = {
  production: 'popupEnvProduction',
  stage: 'popupEnvStage',
  sandbox: 'popupEnvSandbox',
  custom: 'popupEnvCustom',
};
