/**
 * `npx tsx scripts/compile-hints.ts` (part of `npm run build`, after `next build`, before `serwist build`):
 * marks every script a first visit to any page loads with V8's explicit compile hint,
 * `//# allFunctionsCalledOnLoad`, so that Chromium (136 and later) compiles all of its functions while it
 * streams the script in, off the main thread.
 *
 * Why: the bundler wraps each module in a function that the browser compiles only when it is first called,
 * and the bundler's runtime calls all of a page's modules (React DOM, Next.js's router, the page's client
 * components) in one go, in the task of the last script to arrive. Traced on `/` with the CPU slowed 4x,
 * that task compiled and ran 400 kB of framework code for 270-1800 ms, most of the page's blocking time
 * (docs/performance.md, "The shared script, traced and cut"). With the hint the compiling is done in the
 * background as the scripts download, and the task only runs them. Other browsers ignore the comment.
 * Scripts loaded later on demand (zod when a form is first used, say) are left as they are.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

const routeStatsSchema = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));

/** Adds the hint to each first-load script of the build in `root` that lacks it; returns how many it marked. */
export function addCompileHints(root = process.cwd()): number {
  const statsFile = path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
  if (!fs.existsSync(statsFile)) throw new Error(`${statsFile} is missing: run \`next build\` first`);
  const scripts = new Set(routeStatsSchema.parse(JSON.parse(fs.readFileSync(statsFile, "utf8"))).flatMap((route) => route.firstLoadChunkPaths.filter((chunk) => chunk.endsWith(".js"))));
  let marked = 0;
  for (const script of scripts) {
    const file = path.join(root, script);
    const source = fs.readFileSync(file, "utf8");
    if (source.startsWith(COMPILE_HINT)) continue;
    fs.writeFileSync(file, COMPILE_HINT + source);
    marked++;
  }
  return marked;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`Compile hints added to ${addCompileHints()} first-load scripts.`);
}
