import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";

const routeStatsSchema = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));

export type FirstLoadJs = { route: string; gzipBytes: number; rawBytes: number };

/**
 * First Load JS per route of the production build: the gzip size of every chunk a first visit to the
 * route downloads, from the build's own route-bundle-stats (Turbopack builds no longer print it).
 */
export function measureFirstLoadJs(root = process.cwd()): FirstLoadJs[] {
  const statsFile = path.join(root, ".next", "diagnostics", "route-bundle-stats.json");
  if (!fs.existsSync(statsFile)) throw new Error(`${statsFile} is missing: run \`next build\` first`);
  const gzipSizes = new Map<string, { gzip: number; raw: number }>();
  const sizeOf = (chunk: string) => {
    let size = gzipSizes.get(chunk);
    if (!size) {
      const bytes = fs.readFileSync(path.join(root, chunk));
      size = { gzip: gzipSync(bytes, { level: 9 }).length, raw: bytes.length };
      gzipSizes.set(chunk, size);
    }
    return size;
  };
  return routeStatsSchema
    .parse(JSON.parse(fs.readFileSync(statsFile, "utf8")))
    .map(({ route, firstLoadChunkPaths }) => ({
      route,
      gzipBytes: firstLoadChunkPaths.reduce((sum, chunk) => sum + sizeOf(chunk).gzip, 0),
      rawBytes: firstLoadChunkPaths.reduce((sum, chunk) => sum + sizeOf(chunk).raw, 0),
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const { route, gzipBytes } of measureFirstLoadJs()) console.log(`${route.padEnd(40)} ${(gzipBytes / 1024).toFixed(1)} kB`);
}
