// Prints the rollup triggers generated from lib/db/rollup-rules.ts for one provider, to paste into a new
// migration whenever the counting rules change (tests/db/rollup-rules.test.ts fails until one holds them):
//   npx tsx scripts/rollup-triggers.ts sqlite|postgres
import { postgresRollupFunction, sqliteRollupTriggers } from "@/lib/db/rollup-rules";

const provider = process.argv[2];
if (provider === "sqlite") console.log(sqliteRollupTriggers());
else if (provider === "postgres") console.log(postgresRollupFunction());
else {
  console.error("Usage: tsx scripts/rollup-triggers.ts sqlite|postgres");
  process.exit(2);
}
