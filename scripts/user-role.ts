/**
 * `npm run user:role -- <email> editor|learner`: sets an account's role in the database named by
 * DATABASE_URL (the SQLite file data/smriti.db without it). The account must exist: sign up first.
 */
import { fileURLToPath } from "node:url";
import { ROLES, setRole, type Role } from "@/lib/auth/roles";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { DomainError } from "@/lib/errors";

const USAGE = "usage: npm run user:role -- <email> editor|learner";

export async function main(args: string[], databaseUrl: string | undefined): Promise<string> {
  const [email, role, ...rest] = args;
  if (!email || !role || rest.length > 0 || !(ROLES as readonly string[]).includes(role)) throw new DomainError(USAGE);
  const db = createDb(resolveDatabaseTarget(databaseUrl));
  try {
    const user = await setRole(db, email, role as Role);
    return `${user.email} is now ${user.role === "editor" ? "an editor" : "a learner"} (from their next request; no need to sign in again).`;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2), process.env.DATABASE_URL)
    .then((message) => console.log(message))
    .catch((error) => {
      console.error(error instanceof DomainError ? error.message : `Setting the role failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
