/** `npm run db:seed`: loads content/generated/bank.json into the database named by DATABASE_URL. */
import { fileURLToPath } from "node:url";
import { loadBank } from "@/lib/content/bank";
import { seedBank } from "@/lib/content/seed-bank";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-url";
import { contentRootFrom } from "@/lib/editor/content-root";
import { readApprovals, servedBank } from "@/lib/editor/approval";
import { servingPolicyFrom } from "@/lib/editor/serving-policy";

export async function seedDatabase(target: DatabaseTarget): Promise<string> {
  const db = createDb(target);
  try {
    // SERVE_UNAPPROVED_ITEMS=false leaves out items no editor approved as they are (README).
    const bank = servedBank(loadBank(), readApprovals(contentRootFrom(process.env)), servingPolicyFrom(process.env));
    const result = await seedBank(db, bank, new Date());
    return JSON.stringify(result);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  seedDatabase(resolveDatabaseTarget(process.env.DATABASE_URL))
    .then((summary) => console.log(`Question bank loaded: ${summary}`))
    .catch((error) => {
      console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
