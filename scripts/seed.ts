/** `npm run db:seed`: loads content/generated/bank.json into the database named by DATABASE_URL. */
import { fileURLToPath } from "node:url";
import { loadBank } from "@/lib/content/bank";
import { seedBank } from "@/lib/content/seed-bank";
import { createDb } from "@/lib/db/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "@/lib/db/database-url";

export async function seedDatabase(target: DatabaseTarget): Promise<string> {
  const db = createDb(target);
  try {
    const result = await seedBank(db, loadBank(), new Date());
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
