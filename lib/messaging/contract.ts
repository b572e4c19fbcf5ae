import { z } from 'zod/mini';
import { AUTHOR_HOST_TRUST, authorHostSchema } from '../author-hosts/trust';
import { customConsoleHostSchema } from '../console-hosts/custom/schemas';
import { diagnosticsReportSchema } from '../diagnostics/schemas';
import { entitlementModelSchema, entitlementSummarySchema } from '../entitlement/schemas';
import { environmentNameSchema } from '../environment';
import { ERROR_CODES } from '../errors';
import { historyEntrySchema, switchPathSchema } from '../history/entry';
import { orgIdSchema, orgRefSchema } from '../org-id';
import { consoleProfilePolicySchema } from '../policy/console-profile-policy';
import { clientIdSchema, environmentChoiceSchema } from '../settings/schemas';
import { WORKER_EVENT_REASONS, type WorkerEvent } from './worker-event';

/**
 * The one contract between the worker and everything that talks to it (content script,
 * popup, options). Requests and responses are strict: an unknown field is an error. No
 * token ever appears in a response.
 */

const shortText = z.string().check(z.maxLength(300));

/**
 * Which console a tab shows (docs/ARCHITECTURE.md#console-hosts-and-detection): the shell URL's tenant or AEM org id, the header's org
 * name, the AEM author host of `?repoId=` / `?repo=`. For a content script the worker reads the
 * tab's URL itself, and that wins (lib/worker/aem-org.ts).
 */
export const consoleIdentitySchema = z.strictObject({
  tenant: z.optional(shortText),
  orgId: z.optional(orgIdSchema),
  orgName: z.optional(shortText),
  authorHost: z.optional(authorHostSchema),
  /**
   * The origin of the tab showing the console (`https://experience.adobe.com`). The worker sets
   * it from the tab's URL for a content script, whatever the page sent; it keys the AEM org an
   * admin chose for a tenant, so one console host cannot choose for another.
   */
  consoleOrigin: z.optional(z.string().check(z.maxLength(300), z.regex(/^https?:\/\/[^/?#\s]+$/))),
});
export type ConsoleIdentity = z.infer<typeof consoleIdentitySchema>;

/** How a switch through the console page ended, as the content script observed it. */
export const CONSOLE_SWITCH_OUTCOMES = ['verified', 'cancelled', 'refused', 'pageChanged', 'unverified'] as const;
export type ConsoleSwitchOutcome = (typeof CONSOLE_SWITCH_OUTCOMES)[number];

export const requestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('getStatus') }),
  // The detector in a console frame found Settings > Creative Cloud: inject the UI into that frame.
  z.strictObject({ type: z.literal('showConsoleUi') }),
  // The console profile's corrections IT set by policy (labels per language, the org-id pattern):
  // the page never supplies them, the content scripts ask the worker.
  z.strictObject({ type: z.literal('getConsoleProfile') }),
  z.strictObject({ type: z.literal('signIn'), chooseAccount: z.boolean() }),
  z.strictObject({ type: z.literal('signOut') }),
  z.strictObject({
    type: z.literal('getConsoleState'),
    console: consoleIdentitySchema,
    // `cached` answers at once from the last known state when there is one (then ask `fresh`).
    freshness: z.enum(['cached', 'fresh']),
    // What the page's "Current Creative Cloud org ID" card shows (null: none; absent: no card).
    // The connection when the Assets API is unavailable to the extension.
    pageConnectedOrgId: z.optional(z.nullable(orgIdSchema)),
  }),
  z.strictObject({ type: z.literal('chooseAemOrg'), console: consoleIdentitySchema, orgId: orgIdSchema }),
  // The admin's trusted click on "Trust this AEM environment": the worker binds the author host of
  // the sender's tab URL (never one the message names) to the AEM org the admin saw.
  z.strictObject({ type: z.literal('confirmAuthorHost'), console: consoleIdentitySchema, aemOrgId: orgIdSchema }),
  // Options: forget one binding; the next console load asks the admin again.
  z.strictObject({
    type: z.literal('removeAuthorHostBinding'),
    environment: environmentNameSchema,
    aemOrgId: orgIdSchema,
    authorHost: authorHostSchema,
  }),
  z.strictObject({
    type: z.literal('switchOrg'),
    console: consoleIdentitySchema,
    orgId: orgIdSchema,
    expectedCurrentOrgId: z.nullable(orgIdSchema),
  }),
  z.strictObject({
    type: z.literal('switchBack'),
    console: consoleIdentitySchema,
    expectedCurrentOrgId: z.nullable(orgIdSchema),
  }),
  // A switch through the console page (the API refuses the extension): the worker validates,
  // locks and records it; the content script drives the native picker and reports the outcome.
  z.strictObject({
    type: z.literal('beginConsoleSwitch'),
    console: consoleIdentitySchema,
    target: z.union([orgIdSchema, z.literal('back')]),
    expectedCurrentOrgId: z.nullable(orgIdSchema),
  }),
  z.strictObject({
    type: z.literal('finishConsoleSwitch'),
    console: consoleIdentitySchema,
    opId: z.string().check(z.minLength(1), z.maxLength(100)),
    outcome: z.enum(CONSOLE_SWITCH_OUTCOMES),
    observedOrgId: z.nullable(orgIdSchema),
    // The console's own error text, for the admin's eyes only: never stored in the history.
    pageMessage: z.optional(shortText),
  }),
  z.strictObject({ type: z.literal('getHistory') }),
  // Options (docs/ARCHITECTURE.md#message-contract-and-sender-checks): each field optional; a field policy set is refused with POLICY_LOCKED.
  z.strictObject({
    type: z.literal('saveSettings'),
    environment: z.optional(environmentChoiceSchema),
    clientId: z.optional(clientIdSchema),
    readOnly: z.optional(z.boolean()),
  }),
  z.strictObject({ type: z.literal('clearAllData') }),
  // Options, after the browser granted the host inside the admin's click: the worker validates,
  // stores and registers the console content script there.
  z.strictObject({ type: z.literal('addConsoleHost'), host: customConsoleHostSchema }),
  z.strictObject({ type: z.literal('removeConsoleHost'), matchPattern: customConsoleHostSchema.shape.matchPattern }),
  // The popup's view of the active tab (docs/ARCHITECTURE.md#data-flow; an extension page names the tab; the worker
  // answers only for a tab a content script reported a console in), diagnostics, clearing history.
  z.strictObject({
    type: z.literal('getPopupState'),
    tabId: z.optional(z.number().check(z.int(), z.nonnegative())),
    freshness: z.enum(['cached', 'fresh']),
  }),
  // With the tab the popup shows: the report then includes that console's page shape.
  z.strictObject({ type: z.literal('getDiagnostics'), tabId: z.optional(z.number().check(z.int(), z.nonnegative())) }),
  z.strictObject({ type: z.literal('clearHistory') }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export const statusSchema = z.strictObject({
  version: z.string(),
  environment: environmentNameSchema,
  signedIn: z.boolean(),
});
export type Status = z.infer<typeof statusSchema>;

export const accountTypeSchema = z.enum(['personal', 'enterprise', 'federated', 'unknown']);

export const identitySchema = z.strictObject({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  accountType: accountTypeSchema,
});
export type Identity = z.infer<typeof identitySchema>;

export const connectionSchema = z.strictObject({
  connectedOrg: z.nullable(orgRefSchema),
  // Absent when the connection was read from the console page, which shows only the org.
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
});

export const aemOrgSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('resolved'), org: orgRefSchema }),
  z.strictObject({ status: z.enum(['ambiguous', 'unknown']), candidates: z.array(orgRefSchema) }),
]);

/**
 * The author host a console's Assets API calls go to and who trusts it
 * (docs/ARCHITECTURE.md#author-host-binding): `override` is the Assets base URL options or policy
 * set, which replaces the URL's host; `unconfirmed` and `forbidden` get no call carrying a token.
 */
export const authorHostStateSchema = z.strictObject({
  host: z.string(),
  trust: z.enum([...AUTHOR_HOST_TRUST, 'override']),
  environment: environmentNameSchema,
});

export const consoleStateSchema = z.discriminatedUnion('signedIn', [
  z.strictObject({ signedIn: z.literal(false) }),
  z.strictObject({
    signedIn: z.literal(true),
    identity: identitySchema,
    aemOrg: aemOrgSchema,
    // Present once the AEM org is resolved and the console names an author host (or one is set).
    authorHost: z.optional(authorHostStateSchema),
    // Present once the AEM org is resolved and its author host trusted.
    console: z.optional(
      z.strictObject({
        // Absent when the API is unavailable and the page has not shown the connection (yet).
        connection: z.optional(connectionSchema),
        // Absent when the API is unavailable: the console's user is then unknown.
        consoleUserId: z.optional(z.string()),
        switchPath: switchPathSchema,
        model: entitlementModelSchema,
        summary: entitlementSummarySchema,
        readOnly: z.boolean(),
        fetchedAt: z.number(),
      }),
    ),
  }),
]);
export type ConsoleState = z.infer<typeof consoleStateSchema>;

export const switchResultSchema = z.strictObject({ connection: connectionSchema, entry: historyEntrySchema });

const responseDataSchemas = {
  getStatus: statusSchema,
  showConsoleUi: z.strictObject({ shown: z.literal(true) }),
  getConsoleProfile: consoleProfilePolicySchema,
  signIn: identitySchema,
  signOut: z.strictObject({ signedIn: z.literal(false) }),
  getConsoleState: consoleStateSchema,
  chooseAemOrg: consoleStateSchema,
  confirmAuthorHost: consoleStateSchema,
  removeAuthorHostBinding: z.strictObject({ removed: z.boolean() }),
  switchOrg: switchResultSchema,
  switchBack: switchResultSchema,
  beginConsoleSwitch: z.strictObject({
    opId: z.string(),
    to: orgRefSchema,
    from: z.nullable(orgRefSchema),
  }),
  finishConsoleSwitch: z.strictObject({ entry: historyEntrySchema }),
  getHistory: z.strictObject({ entries: z.array(historyEntrySchema) }),
  // A change of environment or client ID ends the session: `signedOut` says whether one ended.
  saveSettings: z.strictObject({ signedOut: z.boolean() }),
  clearAllData: z.strictObject({ cleared: z.literal(true) }),
  addConsoleHost: z.strictObject({ added: z.boolean() }),
  removeConsoleHost: z.strictObject({ removed: z.boolean() }),
  getPopupState: z.strictObject({
    status: statusSchema,
    readOnly: z.boolean(),
    /** Where to open the console when the active tab is not one. */
    consoleUrl: z.string(),
    identity: z.nullable(identitySchema),
    tab: z.nullable(z.strictObject({ console: consoleIdentitySchema, state: consoleStateSchema })),
  }),
  getDiagnostics: diagnosticsReportSchema,
  clearHistory: z.strictObject({ entries: z.array(historyEntrySchema) }),
} as const satisfies Record<RequestType, z.ZodMiniType>;
export type ResponseData<T extends RequestType> = z.infer<(typeof responseDataSchemas)[T]>;

export const messageErrorSchema = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });
export type MessageError = z.infer<typeof messageErrorSchema>;

export type Response<T extends RequestType> = { ok: true; data: ResponseData<T> } | { ok: false; error: MessageError };

export function responseSchemaFor<T extends RequestType>(type: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), data: responseDataSchemas[type] }),
    z.strictObject({ ok: z.literal(false), error: messageErrorSchema }),
  ]);
}

/** Who may ask for what. Content scripts never sign out or read the history. */
export type SenderKind = 'contentScript' | 'extensionPage';
const everyone: readonly SenderKind[] = ['contentScript', 'extensionPage'];
export const REQUEST_ACCESS: Record<RequestType, readonly SenderKind[]> = {
  getStatus: everyone,
  showConsoleUi: ['contentScript'],
  getConsoleProfile: ['contentScript'],
  signIn: everyone,
  signOut: ['extensionPage'],
  getConsoleState: everyone,
  chooseAemOrg: everyone,
  // Only the console tab knows the host (its tab URL); only options manage the list.
  confirmAuthorHost: ['contentScript'],
  removeAuthorHostBinding: ['extensionPage'],
  switchOrg: everyone,
  switchBack: everyone,
  beginConsoleSwitch: ['contentScript'],
  finishConsoleSwitch: ['contentScript'],
  getHistory: ['extensionPage'],
  saveSettings: ['extensionPage'],
  clearAllData: ['extensionPage'],
  addConsoleHost: ['extensionPage'],
  removeConsoleHost: ['extensionPage'],
  getPopupState: ['extensionPage'],
  getDiagnostics: ['extensionPage'],
  clearHistory: ['extensionPage'],
};

/** Pushed by the worker to console tabs and extension pages when state changes elsewhere. */
export const workerEventSchema = z.strictObject({
  event: z.literal('stateChanged'),
  reason: z.enum(WORKER_EVENT_REASONS),
  aemOrgId: z.optional(z.string()),
});
export type { WorkerEvent };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only while the zod-free `WorkerEvent` the console tab checks is exactly this schema's type. */
export type WorkerEventTypesAgree<T extends true = Same<z.infer<typeof workerEventSchema>, WorkerEvent>> = T;
