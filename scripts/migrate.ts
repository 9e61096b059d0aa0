/** `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL (default data/smriti.db). */
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
migrateDatabase(process.env.DATABASE_URL, target)
  .then((output) => {
    console.log(output.trim());
    console.log(`Migrated ${target.provider === "sqlite" ? target.filePath : "the PostgreSQL database"}.`);
  })
  .catch((error) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
