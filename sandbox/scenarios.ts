import { z } from 'zod';
import { DEFAULT_PICKER_FORM, type PickerForm } from './console/picker-forms';
import {
  accessItem,
  org,
  type ProductGrant,
  productContexts,
  type ScenarioOrg,
  type ScenarioUser,
  user,
} from './scenario-builders';

/**
 * The worlds the sandbox can serve (docs/ARCHITECTURE.md#the-console-sandbox). Data is deterministic, so tests (here and in
 * the extension's e2e suites) compute their expectations from these objects instead of
 * repeating ids.
 */

export const SCENARIO_NAMES = [
  'default',
  'many-orgs',
  'not-admin',
  'same-email-different-ids',
  'no-entitled-orgs',
  'concurrent-admin',
  'extension-refused',
] as const;
export const scenarioNameSchema = z.enum(SCENARIO_NAMES);
export type ScenarioName = z.infer<typeof scenarioNameSchema>;

/**
 * How the Assets API answers tokens of the extension's IMS client: as any other caller, or
 * as the console's private API most likely does to a client it does not know (403 or 404).
 * The console's own session has a client of its own and is never refused.
 */
export const EXTENSION_ACCESS = ['allowed', 'forbidden', 'not-found'] as const;
export type ExtensionAccess = (typeof EXTENSION_ACCESS)[number];
export const extensionAccessSchema = z.enum(EXTENSION_ACCESS);

export interface Scenario {
  name: ScenarioName;
  description: string;
  /** The org the AEM Assets console belongs to; `tenant` is the slug in the console's URLs. */
  aemOrg: { id: string; name: string; tenant: string };
  orgs: ScenarioOrg[];
  users: ScenarioUser[];
  /** Who is signed in to the AEM console (`users/me`), whoever holds the token. */
  consoleUserId: string;
  /** The admin who changes the connection "under you" (concurrent change, control API). */
  otherAdminUserId: string;
  initialConnection: { orgId: string | null; updatedAt: string; updatedBy: string };
  tokenTtlSeconds: number;
  issueRefreshTokens: boolean;
  /** Whether the next GET of the CC settings is followed by another admin's change. */
  concurrentChangeArmed: boolean;
  /** How the Assets API treats the extension's client at start (control API: `assets-api`). */
  extensionAccess: ExtensionAccess;
  /** How the console page renders its native picker at start (control API: `console`). */
  pickerForm: PickerForm;
}

const INITIAL_UPDATED_AT = '2026-01-15T09:30:00.000Z';
const DEFAULT_TOKEN_TTL_SECONDS = 3600;

function acmeCompany(
  name: ScenarioName,
  description: string,
  variant: 'entitled' | 'unentitled' = 'entitled',
  extensionAccess: ExtensionAccess = 'allowed',
  pickerForm: PickerForm = DEFAULT_PICKER_FORM,
) {
  const acme = org('Acme', { countryCode: 'SE' });
  const design = org('Acme Design Studio', { countryCode: 'SE' });
  const marketing = org('Acme Marketing EMEA', { countryCode: 'DE' });
  const legacy = org('Acme Legacy Agency', { countryCode: 'US' });
  const odd = org('Åsa & Söner AB <img src=x onerror=alert(1)>', { countryCode: 'SE', seed: 'asa-soner' });
  const northwind = org('Northwind Partners', { countryCode: 'GB' });
  const orgs = [acme, design, marketing, legacy, odd, northwind];

  // Every state of every capability (the extension's view), and under it the truth the console
  // decides by: Marketing holds CC that no source shows (a switch there succeeds), Northwind
  // shows nothing about CC and holds none (the console refuses with NO_CC_ENTITLEMENT).
  const adaProducts: ProductGrant[] =
    variant === 'entitled'
      ? [
          ...productContexts(acme, ['aem']),
          // CC, Express and Libraries active (Access Profile).
          ...accessItem(acme, { creativeCloud: true, express: true, libraries: true }),
          // CC active; Express none (a confirmed code missing from the item); Libraries unknown.
          ...accessItem(design, { creativeCloud: true }),
          // CC and Libraries explicitly disabled: none.
          ...accessItem(legacy, { creativeCloud: false, libraries: false }),
          ...accessItem(odd, { creativeCloud: true, express: true }),
          // Express active from a product context; no Access Profile item: CC and Libraries unknown.
          ...productContexts(northwind, ['express']),
        ]
      : [
          ...productContexts(acme, ['aem']),
          ...accessItem(acme, { creativeCloud: false, express: true, libraries: true }),
          ...accessItem(design, { creativeCloud: false }),
          ...accessItem(marketing, { creativeCloud: false }),
          ...accessItem(legacy, { creativeCloud: false }),
          ...accessItem(odd, { creativeCloud: false, express: true }),
          ...accessItem(northwind, { creativeCloud: false, libraries: true }),
          // A lapsed Express context says "none" on its own.
          ...productContexts(design, ['express'], 'EXPIRED'),
        ];
  const ada = user({
    name: 'Ada Lovelace',
    email: 'ada@acme.example',
    accountType: 'type2',
    orgIds: orgs.map((o) => o.id),
    products: adaProducts,
    unlistedCcOrgIds: variant === 'entitled' ? [marketing.id] : [],
    isAssetsAdmin: name !== 'not-admin',
  });
  const grace = user({
    name: 'Grace Hopper',
    email: 'grace@example.com',
    accountType: 'type1',
    orgIds: [design.id, northwind.id],
    products: accessItem(design, { creativeCloud: true }),
    individualCc: 'CS_LVL_2',
  });
  const alan = user({
    name: 'Alan Turing',
    email: 'alan@acme.example',
    accountType: 'type2',
    orgIds: [acme.id, design.id, odd.id],
    products: [
      ...productContexts(acme, ['aem']),
      ...accessItem(acme, { creativeCloud: true }),
      ...accessItem(design, { creativeCloud: true }),
    ],
    individualCc: 'CS_LVL_1',
    isAssetsAdmin: true,
  });

  return {
    name,
    description,
    aemOrg: { id: acme.id, name: acme.name, tenant: 'acme' },
    orgs,
    users: [ada, grace, alan],
    consoleUserId: ada.userId,
    otherAdminUserId: alan.userId,
    initialConnection: {
      orgId: variant === 'entitled' ? acme.id : null,
      updatedAt: INITIAL_UPDATED_AT,
      updatedBy: alan.userId,
    },
    tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS,
    issueRefreshTokens: true,
    concurrentChangeArmed: name === 'concurrent-admin',
    extensionAccess,
    pickerForm,
  } satisfies Scenario;
}

const MANY_ORGS_COUNT = 1000;

function manyOrgs(): Scenario {
  const globex = org('Globex', { countryCode: 'US' });
  const divisions = Array.from({ length: MANY_ORGS_COUNT - 1 }, (_, index) =>
    org(`Globex Division ${String(index + 1).padStart(4, '0')}`, {
      countryCode: ['US', 'SE', 'DE', 'FR', 'JP'][index % 5],
    }),
  );
  const orgs = [globex, ...divisions];
  // Every third org has active CC (334 of 1,000) and some have it disabled (Access Profile);
  // the rest show nothing about CC (unknown). Express from product contexts, Libraries from items.
  const products = orgs.flatMap((o, index): ProductGrant[] => [
    ...(index === 0 ? productContexts(o, ['aem']) : []),
    ...(index % 3 === 0 ? accessItem(o, { creativeCloud: true, ...(index % 4 === 0 && { libraries: true }) }) : []),
    ...(index % 7 === 1 && index % 3 !== 0 ? accessItem(o, { creativeCloud: false }) : []),
    ...(index % 5 === 0 ? productContexts(o, ['express']) : []),
  ]);
  const hedy = user({
    name: 'Hedy Lamarr',
    email: 'hedy@globex.example',
    accountType: 'type3',
    orgIds: orgs.map((o) => o.id),
    products,
    isAssetsAdmin: true,
  });
  const alan = user({
    name: 'Alan Turing',
    email: 'alan@globex.example',
    accountType: 'type2',
    orgIds: [globex.id],
    products: [...productContexts(globex, ['aem']), ...accessItem(globex, { creativeCloud: true })],
    isAssetsAdmin: true,
  });
  return {
    name: 'many-orgs',
    description: 'An admin in 1,000 orgs, a third of them with active Creative Cloud',
    aemOrg: { id: globex.id, name: globex.name, tenant: 'globex' },
    orgs,
    users: [hedy, alan],
    consoleUserId: hedy.userId,
    otherAdminUserId: alan.userId,
    initialConnection: { orgId: globex.id, updatedAt: INITIAL_UPDATED_AT, updatedBy: alan.userId },
    tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS,
    issueRefreshTokens: true,
    concurrentChangeArmed: false,
    extensionAccess: 'allowed',
    pickerForm: DEFAULT_PICKER_FORM,
  };
}

function sameEmailDifferentIds(): Scenario {
  const initech = org('Initech', { countryCode: 'US' });
  const creative = org('Initech Creative', { countryCode: 'US' });
  const orgs = [initech, creative];
  // One person, two accounts: the console knows the enterprise one; CC is on the personal one.
  const personal = user({
    name: 'Sam Rivera',
    email: 'sam@initech.example',
    accountType: 'type1',
    orgIds: [initech.id, creative.id],
    products: [
      ...accessItem(initech, { creativeCloud: true }),
      ...accessItem(creative, { creativeCloud: true, libraries: true }),
    ],
    individualCc: 'CS_LVL_2',
    isAssetsAdmin: true,
  });
  const enterprise = user({
    name: 'Sam Rivera',
    email: 'sam@initech.example',
    accountType: 'type2',
    orgIds: [initech.id, creative.id],
    products: [
      ...productContexts(initech, ['aem', 'express']),
      ...productContexts(creative, ['express']),
      ...accessItem(initech, { creativeCloud: false }),
    ],
    isAssetsAdmin: true,
  });
  const peter = user({
    name: 'Peter Gibbons',
    email: 'peter@initech.example',
    accountType: 'type2',
    orgIds: [initech.id],
    products: [...productContexts(initech, ['aem']), ...accessItem(initech, { creativeCloud: true })],
    isAssetsAdmin: true,
  });
  return {
    name: 'same-email-different-ids',
    description: 'A personal and an enterprise account with one e-mail; CC only on the personal one',
    aemOrg: { id: initech.id, name: initech.name, tenant: 'initech' },
    orgs,
    users: [personal, enterprise, peter],
    consoleUserId: enterprise.userId,
    otherAdminUserId: peter.userId,
    initialConnection: { orgId: initech.id, updatedAt: INITIAL_UPDATED_AT, updatedBy: peter.userId },
    tokenTtlSeconds: DEFAULT_TOKEN_TTL_SECONDS,
    issueRefreshTokens: true,
    concurrentChangeArmed: false,
    extensionAccess: 'allowed',
    pickerForm: DEFAULT_PICKER_FORM,
  };
}

export const SCENARIOS: Record<ScenarioName, Scenario> = {
  default: acmeCompany(
    'default',
    'A small company: six orgs with CC, Express and Libraries active, none and unknown to the extension, one connected',
  ),
  'many-orgs': manyOrgs(),
  'not-admin': acmeCompany('not-admin', 'The console user is not an Assets admin'),
  'same-email-different-ids': sameEmailDifferentIds(),
  'no-entitled-orgs': acmeCompany('no-entitled-orgs', 'No org has an active Creative Cloud entitlement', 'unentitled'),
  'concurrent-admin': acmeCompany(
    'concurrent-admin',
    'Another admin changes the connection right after the next read of the CC settings',
  ),
  // The most realistic setting: the console's private API refuses the extension, and the picker
  // is React Spectrum's (portalled, unlinked, options showing only org names).
  'extension-refused': acmeCompany(
    'extension-refused',
    "The console's Assets API refuses the extension's client (403), so switches go through the console page; its picker is portalled and shows only org names",
    'entitled',
    'forbidden',
    'portalled',
  ),
};

export function userOf(scenario: Scenario, userId: string): ScenarioUser | undefined {
  return scenario.users.find((candidate) => candidate.userId === userId);
}

export function orgOf(scenario: Scenario, orgId: string): ScenarioOrg | undefined {
  return scenario.orgs.find((candidate) => candidate.id === orgId);
}

export type { ProductGrant, ScenarioOrg, ScenarioUser } from './scenario-builders';
