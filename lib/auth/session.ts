import { getServerSession } from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "./options";
import { userIdFromSessionCookie } from "./session-token";

/**
 * The signed-in user's id, or null for a visitor, through next-auth's session round: for pages and server
 * actions. It also renews the session cookie (a rolling 30-day session), so a user who opens the app
 * stays signed in.
 */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
}

/** The user id in a route handler request's session cookie, or null (see userIdFromSessionCookie). */
export function getRequestUserId(request: Request): Promise<string | null> {
  // Next.js hands route handlers a NextRequest, whose cookies getToken reads.
  return userIdFromSessionCookie(request as NextRequest);
}
