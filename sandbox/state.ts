import { randomUUID } from 'node:crypto';
import {
  type ConsoleBehaviour,
  DEFAULT_CONSOLE_BEHAVIOUR,
  DEFAULT_PICKER_FORM,
  type PickerForm,
} from './console/picker-forms';
import { FaultStore } from './faults';
import { RequestLog } from './request-log';
import {
  type ExtensionAccess,
  orgOf,
  SCENARIOS,
  type Scenario,
  type ScenarioName,
  type ScenarioUser,
  userOf,
} from './scenarios';
import { TokenStore } from './tokens';

/**
 * The sandbox's whole in-memory world: the scenario, IMS sessions and tokens, the
 * Creative Cloud connection with its ETag, idempotency records, counters, faults and the
 * request log. `reset` brings all of it back to the scenario's initial state.
 */

export interface Connection {
  orgId: string | null;
  updatedAt: string;
  updatedBy: string;
  etag: string;
}

export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scope: string;
  locale: string | undefined;
  expiresAt: number;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  codeChallenge: string;
  expiresAt: number;
  used: boolean;
  /** The grant the code was exchanged for, so a replayed code can revoke it. */
  grantId: string | undefined;
  /** The scope the authorization asked for (comma-separated, as IMS takes it). */
  scope: string;
}

export interface IdempotentReply {
  /** What the first request asked for; the same key with another body is refused. */
  fingerprint: string;
  status: number;
  body: unknown;
  etag: string | undefined;
}

export interface SandboxConfig {
  tokenTtlSeconds: number;
  issueRefreshTokens: boolean;
}

export class SandboxWorld {
  scenario: Scenario;
  config: SandboxConfig;
  connection!: Connection;
  appliedChanges = 0;
  externalChanges = 0;
  concurrentChangeArmed = false;
  /** How the console page renders its native org picker (`POST /__sandbox/console`). */
  pickerForm: PickerForm = DEFAULT_PICKER_FORM;
  /** Re-created controls and how refusals are shown (`POST /__sandbox/console`). */
  consoleBehaviour: ConsoleBehaviour = { ...DEFAULT_CONSOLE_BEHAVIOUR };
  extensionAccess: ExtensionAccess = 'allowed';
  readonly putsByIdempotencyKey = new Map<string, number>();
  readonly idempotentReplies = new Map<string, IdempotentReply>();
  readonly pendingAuthorizations = new Map<string, PendingAuthorization>();
  readonly authorizationCodes = new Map<string, AuthorizationCode>();
  /** IMS browser sessions (the cookie IMS sets after a login): session id → user id. */
  readonly browserSessions = new Map<string, string>();
  readonly tokens: TokenStore;
  readonly faults = new FaultStore();
  readonly requests = new RequestLog();

  constructor(
    private readonly startupScenario: ScenarioName,
    readonly now: () => number = Date.now,
  ) {
    this.tokens = new TokenStore(now);
    this.scenario = SCENARIOS[startupScenario];
    this.config = this.configOf(this.scenario);
    this.load(startupScenario);
  }

  /** Back to the given scenario (the one the sandbox started with by default), all else cleared. */
  load(name: ScenarioName = this.startupScenario): void {
    this.scenario = SCENARIOS[name];
    this.config = this.configOf(this.scenario);
    const initial = this.scenario.initialConnection;
    this.connection = { ...initial, etag: newEtag() };
    this.appliedChanges = 0;
    this.externalChanges = 0;
    this.concurrentChangeArmed = this.scenario.concurrentChangeArmed;
    this.pickerForm = this.scenario.pickerForm;
    this.consoleBehaviour = { ...DEFAULT_CONSOLE_BEHAVIOUR };
    this.extensionAccess = this.scenario.extensionAccess;
    this.putsByIdempotencyKey.clear();
    this.idempotentReplies.clear();
    this.pendingAuthorizations.clear();
    this.authorizationCodes.clear();
    this.browserSessions.clear();
    this.tokens.clear();
    this.faults.clear();
    this.requests.clear();
  }

  user(userId: string): ScenarioUser | undefined {
    return userOf(this.scenario, userId);
  }

  get consoleUser(): ScenarioUser {
    const consoleUser = this.user(this.scenario.consoleUserId);
    if (!consoleUser) throw new Error(`Scenario ${this.scenario.name} names an unknown console user`);
    return consoleUser;
  }

  connectedOrg(): { id: string; name: string } | null {
    const { orgId } = this.connection;
    if (orgId === null) return null;
    return { id: orgId, name: orgOf(this.scenario, orgId)?.name ?? orgId };
  }

  /** Applies a change of the CC connection; `source` says whether a PUT or another admin did it. */
  changeConnection(orgId: string | null, updatedBy: string, source: 'put' | 'external'): Connection {
    this.connection = { orgId, updatedBy, updatedAt: new Date(this.now()).toISOString(), etag: newEtag() };
    if (source === 'put') this.appliedChanges++;
    else this.externalChanges++;
    return this.connection;
  }

  /** The armed concurrent change: another admin connects some other CC org, once. */
  runConcurrentChange(): void {
    if (!this.concurrentChangeArmed) return;
    this.concurrentChangeArmed = false;
    const otherAdmin = this.user(this.scenario.otherAdminUserId);
    const candidates = this.scenario.orgs.filter((o) => o.id !== this.connection.orgId);
    const entitled = candidates.find((o) => otherAdmin?.ccOrgIds.includes(o.id));
    const target = entitled ?? candidates[0];
    if (target) this.changeConnection(target.id, this.scenario.otherAdminUserId, 'external');
  }

  private configOf(scenario: Scenario): SandboxConfig {
    return { tokenTtlSeconds: scenario.tokenTtlSeconds, issueRefreshTokens: scenario.issueRefreshTokens };
  }
}

function newEtag(): string {
  return `"${randomUUID()}"`;
}
