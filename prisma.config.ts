import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseTarget } from "./lib/db/database-url";

// Prisma's JS schema engine works through driver adapters, so migrations run here without any
// downloaded engine binary. DATABASE_URL picks the provider folder: prisma/sqlite or prisma/postgres.
const target = resolveDatabaseTarget(process.env.DATABASE_URL);
const folder = path.join("prisma", target.provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: folder,
  migrations: { path: path.join(folder, "migrations") },
  adapter: async () => {
    if (target.provider === "postgres") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg(
        { connectionString: target.url, options: target.schema ? `-c search_path=${target.schema}` : undefined },
        { schema: target.schema },
      );
    }
    fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: target.url });
  },
});
