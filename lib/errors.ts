/**
 * Every failure that crosses a boundary (worker → UI) carries one of these codes. The UI
 * maps each code to a translated message with the next step; `message` is the English
 * detail for logs and diagnostics.
 */
export const ERROR_CODES = [
  'INVALID_MESSAGE',
  'FORBIDDEN_SENDER',
  'WORKER_UNREACHABLE',
  'INVALID_RESPONSE',
  'INTERNAL',
  // HTTP transport (lib/http): what went wrong on the wire, before any API meaning.
  'NETWORK',
  'TIMEOUT',
  'ABORTED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'SERVER_ERROR',
  /** The API answered with its own `{ error: { code } }`; the HttpError carries that code and the status. */
  'API_ERROR',
  // Sign-in and session (lib/ims).
  'STATE_MISMATCH',
  'LOGIN_REQUIRED',
  'SIGN_IN_CANCELLED',
  'SIGN_IN_FAILED',
  'SESSION_EXPIRED',
  'NOT_SIGNED_IN',
  /** A custom environment without its base URLs. */
  'NOT_CONFIGURED',
  /** IMS and Assets URLs carried over from an earlier release, not yet confirmed in options. */
  'ENVIRONMENT_UNCONFIRMED',
  /** No IMS client id: IT has not registered one yet (options show what they need). */
  'NO_CLIENT_ID',
  // Switching (lib/worker/switch-org.ts).
  'READ_ONLY',
  'SWITCH_IN_PROGRESS',
  'CONNECTION_CHANGED',
  'NOT_ELIGIBLE',
  'VERIFICATION_FAILED',
  'SWITCH_INTERRUPTED',
  'NO_SWITCH_BACK',
  // A switch through the console page (lib/console-page/console-switch.ts) that did not verify.
  /** The console showed its own error instead of switching. */
  'CONSOLE_REFUSED',
  /** The Settings > Creative Cloud view went away while the switch ran. */
  'PAGE_CHANGED',
  /** The native picker could not be operated (the org or the button was not there). */
  'SWITCH_CANCELLED',
  /** A console switch was asked for where the Assets API answers: the API path is used there. */
  'SWITCH_PATH_CHANGED',
  /** The console's AEM org is not (yet) resolved against the user's IMS organizations. */
  'AEM_ORG_UNRESOLVED',
  /** The console's URL names no valid AEM author host for the Assets API, and no base URL override is set. */
  'AEM_HOST_UNKNOWN',
  /** The console's author host is not bound to its AEM org yet: the admin confirms it first. */
  'AUTHOR_HOST_UNCONFIRMED',
  /** Enterprise policy forbids the console's author host: no token goes there. */
  'AUTHOR_HOST_FORBIDDEN',
  /** Switch back from a switch made on another author host (another environment) is refused. */
  'SWITCH_BACK_OTHER_HOST',
  // The Assets API's own refusals of a switch (lib/assets/schemas.ts), passed through by name.
  'NOT_ASSETS_ADMIN',
  'NO_CC_ENTITLEMENT',
  'DIFFERENT_USER_ID',
  'UNKNOWN_ORG',
  // Settings (lib/settings): a field enterprise policy set, or a setting that does not validate.
  'POLICY_LOCKED',
  'INVALID_SETTINGS',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class ExtensionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtensionError';
  }
}

/** API refusal codes that the UI explains by name; a stale ETag means someone else switched. */
const API_CODE_TO_ERROR: Readonly<Record<string, ErrorCode>> = {
  STALE_STATE: 'CONNECTION_CHANGED',
  NOT_ASSETS_ADMIN: 'NOT_ASSETS_ADMIN',
  NO_CC_ENTITLEMENT: 'NO_CC_ENTITLEMENT',
  DIFFERENT_USER_ID: 'DIFFERENT_USER_ID',
  UNKNOWN_ORG: 'UNKNOWN_ORG',
};

/** The code a failure carries across the worker boundary: the API's own refusal when it has one. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (!(error instanceof ExtensionError)) return 'INTERNAL';
  const apiCode = (error as { apiCode?: unknown }).apiCode;
  return (typeof apiCode === 'string' && API_CODE_TO_ERROR[apiCode]) || error.code;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
