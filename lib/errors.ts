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

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ExtensionError ? error.code : 'INTERNAL';
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
