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

/**
 * An org as the user sees it named: its id and display name. The id is not checked here: an org
 * IMS or the Assets API reports with an id of another form is still shown (and refused as a
 * switch target, lib/entitlement/model.ts).
 */
export const orgRefSchema = z.strictObject({ id: z.string(), name: z.string() });
export type OrgRef = z.infer<typeof orgRefSchema>;

/** The same, for an org the extension switched to or from: its id is a well-formed org id. */
export const checkedOrgRefSchema = z.extend(orgRefSchema, { id: orgIdSchema });
