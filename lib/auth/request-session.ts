import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { sessionTokenOf, type SessionSource } from "./session-token";
import { sessionIsLive } from "./sessions";

// Not marked "server-only" (unlike ./session, which pages use): besides Next.js's route handlers, the
// hot routes' dispatcher in scripts/serve.ts loads the same route modules outside Next's bundler, where
// that guard's package throws on import.

/**
 * The user id in a route handler request's session cookie, or null: the token read as
 * userIdFromSessionCookie does, then its session checked to be live (lib/auth/sessions: one primary-key
 * read), so that a session ended by sign-out, a password change or account deletion gets a 401.
 */
export async function getRequestUserId(request: SessionSource): Promise<string | null> {
  const token = await sessionTokenOf(request);
  if (!token?.sub) return null;
  return (await sessionIsLive(getDb(), token, new Date())) ? token.sub : null;
}

/** The session id in a request's session token, for a route that spares its own session (after userRoute checked it). */
export async function getRequestSessionId(request: Request): Promise<string | null> {
  const token = await sessionTokenOf(request as NextRequest);
  return typeof token?.sid === "string" ? token.sid : null;
}
