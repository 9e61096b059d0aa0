import path from "node:path";
import { performance } from "node:perf_hooks";
import { serialiseBank } from "@/lib/content/bank";
import { checkContent } from "@/lib/content/check";
import { buildBank } from "@/lib/content/generate/build";
import { loadContent, type LoadedContent } from "@/lib/content/load";

export type ContentBenchRow = { label: string; facts: number; items: number; checkMs: number; buildMs: number };

/**
 * Content that is `copies` times the real content: every fact, entity and relation again under new ids
 * (subjects renamed, so the copies never contradict one another), citing the same documents.
 */
export function scaledContent(content: LoadedContent, copies: number): LoadedContent {
  const scaled: LoadedContent = { ...content, entities: [...content.entities], relations: [...content.relations], facts: [...content.facts] };
  for (let copy = 1; copy < copies; copy++) {
    const suffix = `-copy${copy}`;
    for (const entity of content.entities) scaled.entities.push({ ...entity, id: entity.id + suffix });
    for (const fact of content.facts) {
      scaled.facts.push({
        ...fact,
        id: fact.id + suffix,
        subject: fact.subject + suffix,
        topic: `${fact.topic} ${copy % 10}`,
        explains: fact.explains.map((id) => id + suffix),
      });
    }
  }
  return scaled;
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

/** Times content:check and content:build on the real content and on content `scale` times larger. */
export function benchContent(scale = 100, root = path.resolve("content")): ContentBenchRow[] {
  const real = loadContent(root);
  return [
    { label: "real content", content: real },
    { label: `${scale}x content`, content: scaledContent(real, scale) },
  ].map(({ label, content }) => {
    const [checked, checkMs] = timed(() => checkContent(content));
    const [bank, buildMs] = timed(() => serialiseBank(buildBank(checked, "bench")));
    return { label, facts: checked.facts.length, items: (bank.match(/"type": /g) ?? []).length, checkMs, buildMs };
  });
}

export function formatContentBench(rows: readonly ContentBenchRow[]): string {
  return rows
    .map((row) => `${row.label.padEnd(14)} ${String(row.facts).padStart(7)} facts ${String(row.items).padStart(8)} items   check ${row.checkMs.toFixed(0).padStart(6)} ms   build ${row.buildMs.toFixed(0).padStart(6)} ms`)
    .join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  console.log(formatContentBench(benchContent()));
}
