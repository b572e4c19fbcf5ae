import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SandboxWorld } from '../state';
import { opaqueToken } from '../tokens';

/** IMS's browser session: the cookie that lets a later authorize (or `prompt=none`) skip the login page. */

const SESSION_COOKIE = 'ims_sid';
const COOKIE_PATH = '/ims';

export function sessionUserId(c: Context, world: SandboxWorld): string | undefined {
  const sessionId = getCookie(c, SESSION_COOKIE);
  const userId = sessionId ? world.browserSessions.get(sessionId) : undefined;
  return userId && world.user(userId) ? userId : undefined;
}

export function startSession(c: Context, world: SandboxWorld, userId: string): void {
  const sessionId = opaqueToken('sid_', 24);
  world.browserSessions.set(sessionId, userId);
  setCookie(c, SESSION_COOKIE, sessionId, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Lax' });
}

/** Signs the user out of IMS in every browser: their sessions end and this browser's cookie goes. */
export function endSessions(c: Context, world: SandboxWorld, userId: string | undefined): void {
  for (const [sessionId, sessionUser] of world.browserSessions) {
    if (sessionUser === userId) world.browserSessions.delete(sessionId);
  }
  const own = getCookie(c, SESSION_COOKIE);
  if (own) world.browserSessions.delete(own);
  deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
}
