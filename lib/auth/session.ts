import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./options";

/**
 * The signed-in user's id, or null for a visitor or an ended session, through next-auth's session round
 * (whose jwt callback checks the session: lib/auth/options): for pages and server actions. Cached for
 * the render, so a layout and its page check the session once between them.
 */
export const getSessionUserId = cache(async (): Promise<string | null> => {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
});
