import { userRoute } from "@/app/api/_shared/handler";
import { endAllSessions } from "@/lib/auth/sessions";
import { clearedSessionCookie } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db/client";

/** "Sign out everywhere": ends every session of the account, this one included, and drops its cookie. */
export const DELETE = userRoute({}, async (userId) => {
  const ended = await endAllSessions(getDb(), userId);
  return Response.json({ ended }, { headers: { "Cache-Control": "no-store", "Set-Cookie": clearedSessionCookie() } });
});
