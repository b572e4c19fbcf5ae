import { z } from 'zod/mini';

/** IMS org ids as Adobe writes them: 24 upper-case hex digits, then `@AdobeOrg`. */
export const ORG_ID_PATTERN = /^[0-9A-F]{24}@AdobeOrg$/;

export const orgIdSchema = z.string().check(z.regex(ORG_ID_PATTERN));

export function isOrgId(value: string): boolean {
  return ORG_ID_PATTERN.test(value);
}

/** The org id used everywhere is `${orgRef.ident}@${orgRef.authSrc}` (IMS organizations/v6). */
export function orgIdFromRef(ref: { ident: string; authSrc: string }): string {
  return `${ref.ident}@${ref.authSrc}`;
}
