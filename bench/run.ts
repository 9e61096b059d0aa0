/**
 * `npm run bench [-- --quick] [--only <part>]... [--baseline <dir>]`: every benchmark (or the parts named:
 * content, progress, queries, core, http, cpu, memory-model, first-load), a table per part, and as the last line
 * one JSON object with every figure. `--baseline` names the checkout of another build (e.g. main's, built
 * with `npm run build` there) for the CPU part to run beside this one. Figures only: nothing here passes
 * or fails, and none of it runs in `npm test`.
 */
import { benchContent, formatContentBench } from "./content";
import { benchCoreCpu, formatCoreCpu } from "./core-cpu";
import { benchCpu, formatCpu } from "./cpu";
import { measureFirstLoadJs } from "./first-load-js";
import { benchHttp, formatFloorRatios } from "./http";
import { formatLoad } from "./load";
import { benchMemoryModelFit, formatMemoryFitBench } from "./memory-model";
import { benchProgress, formatProgressBench } from "./progress";
import { benchQueries, formatQueryCounts } from "./queries";

const quick = process.argv.includes("--quick");
const postgresUrl = process.env.TEST_POSTGRES_URL;
const argumentsOf = (flag: string) => process.argv.flatMap((argument, index) => (argument === flag && process.argv[index + 1] ? [process.argv[index + 1]!] : []));
const only = argumentsOf("--only");
const baselineDir = argumentsOf("--baseline")[0];
const runs = (part: string) => only.length === 0 || only.includes(part);

async function main() {
  const figures: Record<string, unknown> = { quick };

  if (runs("content")) {
    console.log("\n## Content check and build (real content and 100x synthetic)");
    const content = benchContent(100);
    console.log(formatContentBench(content));
    figures.content = content;
  }

  if (runs("progress")) {
    console.log("\n## GET /api/progress core (SQLite)");
    const progress = await benchProgress({ runs: quick ? 10 : 30, warmups: quick ? 2 : 3 });
    console.log(formatProgressBench(progress));
    figures.progress = progress;
  }

  if (runs("queries")) {
    console.log("\n## Database queries per request (Prisma query events and the hot SQL's statements, small and large data)");
    const queries = [await benchQueries({ quick })];
    if (postgresUrl) queries.push(await benchQueries({ quick, provider: "postgres", postgresUrl }));
    for (const counts of queries) console.log(formatQueryCounts(counts));
    figures.queriesPerRequest = queries;
  }

  if (runs("core")) {
    console.log("\n## CPU per call of submitReview and reviewQueue in one process (no HTTP)");
    const core = [await benchCoreCpu({ provider: "sqlite", quick })];
    if (postgresUrl) core.push(await benchCoreCpu({ provider: "postgres", quick, postgresUrl }));
    console.log(formatCoreCpu(core));
    figures.coreCpu = core;
  }

  if (runs("http")) {
    console.log("\n## HTTP load through `next start`, and the floor (bench/load.ts; latency in ms)");
    const http = [await benchHttp({ provider: "sqlite", quick })];
    if (postgresUrl) http.push(await benchHttp({ provider: "postgres", quick, postgresUrl }));
    else console.log("PostgreSQL skipped: set TEST_POSTGRES_URL to include it");
    console.log(formatLoad(http.flatMap((part) => part.rows)));
    console.log(`\n${formatFloorRatios(http.flatMap((part) => part.floorRatios))}`);
    figures.http = http.flatMap((part) => part.rows);
    figures.floorRatios = http.flatMap((part) => part.floorRatios);
  }

  if (runs("cpu")) {
    console.log(`\n## Server CPU per request: this build${baselineDir ? `, the baseline build in ${baselineDir}` : ""}, the Prisma floor and the raw floor`);
    const cpu = await benchCpu({ provider: "sqlite", quick, baselineDir });
    if (postgresUrl) cpu.push(...(await benchCpu({ provider: "postgres", quick, postgresUrl, baselineDir })));
    console.log(formatCpu(cpu));
    figures.cpu = cpu;
  }

  if (runs("memory-model")) {
    console.log("\n## Review submits while a heavy user's memory model is fitted or their cards rescheduled (SQLite, 20 users; latency in ms)");
    const memoryFit = await benchMemoryModelFit({ quick });
    console.log(formatLoad(memoryFit.rows));
    console.log(formatMemoryFitBench(memoryFit));
    figures.memoryModelFit = memoryFit;
  }

  if (runs("first-load")) {
    console.log("\n## First Load JS per route (gzip, from the last `next build`)");
    try {
      const firstLoad = measureFirstLoadJs();
      for (const { route, gzipBytes } of firstLoad) console.log(`${route.padEnd(36)} ${(gzipBytes / 1024).toFixed(1)} kB`);
      figures.firstLoadJs = firstLoad;
    } catch (error) {
      console.log(`skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  console.log(JSON.stringify(figures));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
