/** `npm run db:restore -- <backup file>`: restores the SQLite database named by DATABASE_URL from a backup. */
import path from "node:path";
import { restoreSqlite } from "@/lib/db/backup";
import { resolveDatabaseTarget } from "@/lib/db/database-url";

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
const backupFile = process.argv[2];
if (target.provider !== "sqlite") {
  console.error("db:restore is for SQLite. For PostgreSQL use pg_restore with a pg_dump archive (see README).");
  process.exit(1);
}
if (!backupFile) {
  console.error("Usage: npm run db:restore -- <backup file>");
  process.exit(1);
}
restoreSqlite(path.resolve(backupFile), target.filePath)
  .then(({ pages, tables }) => console.log(`Restored ${target.filePath} from ${backupFile} (${pages} pages): ${JSON.stringify(tables)}`))
  .catch((error) => {
    console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
