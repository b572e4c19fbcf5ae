import type { PageShape } from './page-shape-schema';
import { redactDeep } from './redact';

/**
 * The page shape as it may enter a report: the content script already left out option texts and
 * the picker's value; here every org name and user name the worker knows becomes `[org]` or
 * `[user]`, org ids `[org id]`, and the report's own redaction runs (tokens, e-mail addresses).
 */
export interface KnownNames {
  orgNames: readonly string[];
  userNames: readonly string[];
}

const ORG_ID = /[0-9A-F]{24}@AdobeOrg/gi;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function replacer(names: readonly string[], placeholder: string): (text: string) => string {
  const usable = [...new Set(names.map((name) => name.trim()).filter((name) => name.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  if (usable.length === 0) return (text) => text;
  const pattern = new RegExp(usable.map(escapeRegExp).join('|'), 'gi');
  return (text) => text.replace(pattern, placeholder);
}

export function redactPageShape(shape: PageShape, known: KnownNames): PageShape {
  const orgs = replacer(known.orgNames, '[org]');
  const users = replacer(known.userNames, '[user]');
  // User names first: an e-mail address may contain an org's name.
  return redactDeep(shape, (text) => orgs(users(text.replace(ORG_ID, '[org id]'))));
}
