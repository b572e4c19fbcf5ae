import type { Context } from 'hono';
import type { SandboxWorld } from './state';
import type { TokenCheck } from './tokens';

/** Reads `Authorization: Bearer <token>` and checks the access token against the world. */
export function authenticate(c: Context, world: SandboxWorld): TokenCheck {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) {
    return { ok: false, reason: 'unknown', description: 'Send the access token as Authorization: Bearer <token>' };
  }
  const check = world.tokens.check(match[1], 'access');
  if (check.ok && !world.user(check.record.userId)) {
    return { ok: false, reason: 'unknown', description: 'The token belongs to an account of another scenario' };
  }
  return check;
}
