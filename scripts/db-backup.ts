/**
 * `npm run db:backup [-- <file>]`: an online backup of the SQLite database (default data/backups/smriti-<time>.db).
 * For PostgreSQL use pg_dump (see README).
 */
import path from "node:path";
import { backupSqlite } from "@/lib/db/backup";
import { resolveDatabaseTarget } from "@/lib/db/database-url";

const target = resolveDatabaseTarget(process.env.DATABASE_URL);
if (target.provider !== "sqlite") {
  console.error("db:backup is for SQLite. For PostgreSQL use pg_dump, e.g. pg_dump --format=custom \"$DATABASE_URL\" > smriti.dump");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const destination = path.resolve(process.argv[2] ?? path.join("data", "backups", `smriti-${stamp}.db`));
backupSqlite(target.filePath, destination)
  .then(({ file, pages, tables }) => console.log(`Backed up ${target.filePath} to ${file} (${pages} pages): ${JSON.stringify(tables)}`))
  .catch((error) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
