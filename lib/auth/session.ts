import { getServerSession } from "next-auth";
import { authOptions } from "./options";

/** The signed-in user's id, or null for a visitor. For route handlers, server actions and pages. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ?? null;
}
