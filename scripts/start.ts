/**
 * `npm start`: prepares the database (migrations, question bank), builds the app when the build is
 * missing or older than the sources, and serves it in this process (scripts/serve.ts: Next.js, with the
 * hot API routes answered before its pipeline). `npm run dev` does the same with Next.js's dev server.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { readOrCreateSecret } from "@/lib/auth/secret-file";
import { resolveDatabaseTarget } from "@/lib/db/database-url";
import { migrateDatabase } from "@/lib/db/migrate";
import { addCompileHints } from "./compile-hints";
import { MISSING_SECRET_MESSAGE } from "@/lib/env";
import { seedDatabase } from "./seed";
import { serve } from "./serve";

const root = process.cwd();
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const nextBin = path.join(root, "node_modules", ".bin", "next");
const serwistBin = path.join(root, "node_modules", ".bin", "serwist");
const serviceWorker = path.join(root, "public", "sw.js");

const BUILD_INPUTS = ["app", "components", "lib", "content/generated", "next.config.js", "package-lock.json", "proxy.ts", "instrumentation.ts", "instrumentation-node.ts", "worker", "serwist.config.js", "scripts/compile-hints.ts"];

async function main() {
  if (process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_SECRET) fail(MISSING_SECRET_MESSAGE);
  const secret = process.env.NEXTAUTH_SECRET ?? readOrCreateSecret(path.join(root, "data"));

  const target = resolveDatabaseTarget(process.env.DATABASE_URL);
  console.log(`Database: ${target.provider === "sqlite" ? target.filePath : "PostgreSQL"}`);
  await migrateDatabase(process.env.DATABASE_URL, target, root);
  const seeded = await seedDatabase(target);
  console.log(`Question bank: ${seeded}`);

  const rebuild = !dev && buildIsStale();
  if (rebuild) {
    console.log("Building the app (next build)...");
    const build = spawnSync(nextBin, ["build"], { stdio: "inherit", env: { ...process.env, NEXTAUTH_SECRET: secret } });
    if (build.status !== 0) fail("next build failed");
    // As `npm run build`: the first-load scripts compiled off the main thread (scripts/compile-hints.ts).
    addCompileHints(root);
  }
  // The service worker precaches what `next build` wrote, so it is built after it, every time the app is.
  if (!dev && (rebuild || !fs.existsSync(serviceWorker))) {
    const bundle = spawnSync(serwistBin, ["build"], { stdio: "inherit", env: process.env });
    if (bundle.status !== 0) fail("serwist build (the service worker) failed");
  }

  process.env.DATABASE_URL ??= target.url;
  process.env.NEXTAUTH_SECRET = secret;
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  await serve({ dev, port: Number(port) });
  console.log(`Smriti is serving on http://localhost:${port}`);
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

function newestMtime(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(file)
    .filter((name) => name !== "generated" || !file.endsWith("db"))
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), stat.mtimeMs);
}

function fail(message: string): never {
  console.error(`Smriti cannot start: ${message}`);
  process.exit(1);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
