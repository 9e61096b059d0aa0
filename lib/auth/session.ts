import "server-only";
import { getServerSession } from "next-auth";
import type { NextRequest } from "next/server";
import { cache } from "react";
import { authOptions } from "./options";
import { getDb } from "@/lib/db/client";
import { sessionTokenOf } from "./session-token";
import { sessionIsLive } from "./sessions";

/**
 * The signed-in user's id, or null for a visitor or an ended session, through next-auth's session round
 * (whose jwt callback checks the session: lib/auth/options): for pages and server actions. Cached for
 * the render, so a layout and its page check the session once between them.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
});

/**
 * The user id in a route handler request's session cookie, or null: the token read as
 * userIdFromSessionCookie does, then its session checked to be live (lib/auth/sessions: one primary-key
 * read), so that a session ended by sign-out, a password change or account deletion gets a 401.
 */
export async function getRequestUserId(request: Request): Promise<string | null> {
  // Next.js hands route handlers a NextRequest, whose cookies getToken reads.
  const token = await sessionTokenOf(request as NextRequest);
  if (!token?.sub) return null;
  return (await sessionIsLive(getDb(), token, new Date())) ? token.sub : null;
}

/** The session id in a request's session token, for a route that spares its own session (after userRoute checked it). */
export async function getRequestSessionId(request: Request): Promise<string | null> {
  const token = await sessionTokenOf(request as NextRequest);
  return typeof token?.sid === "string" ? token.sid : null;
}
