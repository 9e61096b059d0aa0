import "server-only";
import { getServerSession } from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "./options";
import { getDb } from "@/lib/db/client";
import { sessionTokenOf } from "./session-token";
import { sessionIsCurrent } from "./session-version";

/**
 * The signed-in user's id, or null for a visitor, through next-auth's session round: for pages and server
 * actions. It also renews the session cookie (a rolling 30-day session), so a user who opens the app
 * stays signed in.
 */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
}

/**
 * The user id in a route handler request's session cookie, or null: the token read as
 * userIdFromSessionCookie does, then its session version checked against the account's (one primary-key
 * lookup), so that a password change or reset signs other sessions out of the API too.
 */
export async function getRequestUserId(request: Request): Promise<string | null> {
  // Next.js hands route handlers a NextRequest, whose cookies getToken reads.
  const token = await sessionTokenOf(request as NextRequest);
  if (!token?.sub) return null;
  return (await sessionIsCurrent(getDb(), token.sub, token.sv)) ? token.sub : null;
}
