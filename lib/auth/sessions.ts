import { randomBytes } from "node:crypto";
import { hotSqlOf, type Db } from "@/lib/db/client";
import { prepared } from "@/lib/db/hot-sql";
import { SESSION_MAX_AGE_SECONDS } from "./session-token";

/**
 * Server-side sessions. The session cookie is a next-auth JWT that would be good for 30 days whoever
 * holds it; it also carries the id (`sid`) of a UserSession row, and a session is live only while that
 * row exists. Ending a session deletes its row, so a copied cookie stops working at once.
 */

/** What the request path needs of a decoded session token. */
export type SessionClaims = { sub?: unknown; sid?: unknown };

/** The row's lastUsedAt is refreshed when older than this: a write per session per day, not per request. */
const LAST_USED_RESOLUTION_MS = 24 * 60 * 60 * 1000;

const sessionRow = prepared((q, session: { id: string }) => q.selectFrom("UserSession").select(["userId", "lastUsedAt"]).where("id", "=", session.id));

/** A new session id: 32 random bytes, base64url. A parameter of startSession, so tests can fix it. */
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Records a new session of the user at sign-in and returns its id, for the token. Rows of the user's
 * sessions unused for longer than a token lives are deleted on the way: no token can revive them.
 */
export async function startSession(db: Db, userId: string, now: Date, sessionId: () => string = newSessionId): Promise<string> {
  const id = sessionId();
  const unusedSince = new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  await db.$transaction([
    db.userSession.deleteMany({ where: { userId, lastUsedAt: { lt: unusedSince } } }),
    db.userSession.create({ data: { id, userId, createdAt: now, lastUsedAt: now } }),
  ]);
  return id;
}

/**
 * The one revocation check of the request path (the API's session lookup and next-auth's jwt callback
 * both call it): whether a decoded token's session is still live, i.e. its row exists and belongs to the
 * token's user. One primary-key read, plus at most one small write a day to keep lastUsedAt. A token
 * without a session id (signed before sessions were rows) is not live. A deleted account has no rows.
 */
export async function sessionIsLive(db: Db, claims: SessionClaims, now: Date): Promise<boolean> {
  if (typeof claims.sub !== "string" || typeof claims.sid !== "string") return false;
  // Through the hot SQL (lib/db/hot-sql): every signed-in API request makes this read.
  const hot = hotSqlOf(db);
  const [session] = await hot.read(sessionRow(hot, { id: claims.sid }));
  if (!session || session.userId !== claims.sub) return false;
  if (now.getTime() - new Date(session.lastUsedAt).getTime() > LAST_USED_RESOLUTION_MS) {
    await hot.transaction([{ query: hot.q.updateTable("UserSession").set({ lastUsedAt: now }).where("id", "=", claims.sid) }]);
  }
  return true;
}

/** Sign-out: ends one session; the user's other devices stay signed in. */
export async function endSession(db: Db, claims: SessionClaims): Promise<void> {
  if (typeof claims.sid !== "string") return;
  await db.userSession.deleteMany({ where: { id: claims.sid } });
}

/** "Sign out everywhere": ends every session of the user, this one included. Returns how many ended. */
export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { userId } });
  return count;
}
