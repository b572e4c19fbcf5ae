import { randomBytes } from 'node:crypto';

/**
 * Opaque IMS tokens. An access token and the refresh token it came with share a grant, so
 * logging out with either one ends both (as IMS does for a sign-in session).
 */

export type TokenKind = 'access' | 'refresh';
/** Who asked for the token: the IMS token endpoint, the console page's own session, or a test. */
export type TokenOrigin = 'ims' | 'console' | 'control';

export interface TokenRecord {
  token: string;
  kind: TokenKind;
  userId: string;
  clientId: string;
  grantId: string;
  origin: TokenOrigin;
  issuedAt: number;
  /** Access tokens only; refresh tokens last until revoked. */
  expiresAt: number | null;
  /**
   * The scopes granted (IMS writes them comma-separated). Undefined for tokens made outside
   * the authorize flow (the console's own session, the control API): they carry every scope.
   */
  scope?: string;
  revoked: boolean;
}

export type TokenCheck =
  | { ok: true; record: TokenRecord }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked'; description: string };

export function opaqueToken(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export class TokenStore {
  private readonly live = new Map<string, TokenRecord>();
  /** Every token ever issued, across resets, so tests can scan pages and storage for leaks. */
  readonly everIssued: TokenRecord[] = [];

  constructor(private readonly now: () => number) {}

  clear(): void {
    this.live.clear();
  }

  issue(fields: {
    kind: TokenKind;
    userId: string;
    clientId: string;
    origin: TokenOrigin;
    grantId?: string;
    ttlSeconds?: number;
    scope?: string;
  }): TokenRecord {
    const issuedAt = this.now();
    const record: TokenRecord = {
      token: opaqueToken(fields.kind === 'access' ? 'sbx_at_' : 'sbx_rt_'),
      kind: fields.kind,
      userId: fields.userId,
      clientId: fields.clientId,
      grantId: fields.grantId ?? opaqueToken('grant_', 12),
      origin: fields.origin,
      issuedAt,
      expiresAt: fields.kind === 'access' ? issuedAt + (fields.ttlSeconds ?? 3600) * 1000 : null,
      revoked: false,
      ...(fields.scope !== undefined && { scope: fields.scope }),
    };
    this.live.set(record.token, record);
    this.everIssued.push(record);
    return record;
  }

  check(token: string, kind: TokenKind): TokenCheck {
    const record = this.live.get(token);
    if (!record || record.kind !== kind) return { ok: false, reason: 'unknown', description: `Unknown ${kind} token` };
    if (record.revoked) return { ok: false, reason: 'revoked', description: `The ${kind} token was revoked` };
    if (record.expiresAt !== null && record.expiresAt <= this.now()) {
      return { ok: false, reason: 'expired', description: `The ${kind} token has expired` };
    }
    return { ok: true, record };
  }

  find(token: string): TokenRecord | undefined {
    return this.live.get(token);
  }

  /** Revokes every token of the grant the given token belongs to; undefined when it is unknown. */
  revokeGrantOf(token: string): TokenRecord | undefined {
    const record = this.live.get(token);
    if (record) this.revokeGrant(record.grantId);
    return record;
  }

  revokeGrant(grantId: string): void {
    for (const candidate of this.live.values()) {
      if (candidate.grantId === grantId) candidate.revoked = true;
    }
  }

  /** Ends every access token now (refresh tokens stay valid), for refresh tests. */
  expireAccessTokens(): number {
    const now = this.now();
    let expired = 0;
    for (const record of this.live.values()) {
      if (record.kind === 'access' && record.expiresAt !== null && record.expiresAt > now) {
        record.expiresAt = now;
        expired++;
      }
    }
    return expired;
  }
}
