// lib/ is a directed graph: no module (a folder or file directly under lib/) imports, directly or through
// others, a module that imports it, and neither does any file. A cycle makes modules impossible to read
// or test alone and breaks on the first import-order change; this test names the imports that close one.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const LIB = path.join(import.meta.dirname, "..", "..", "lib");
const SKIPPED = [path.join(LIB, "db", "generated")];

type Edge = { from: string; to: string; via: string };

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return SKIPPED.includes(full) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The lib/ file an import names, or null for packages and files outside lib/. */
function resolveImport(fromFile: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(LIB, "..", specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(fromFile), specifier) : null;
  if (!base || !base.startsWith(LIB + path.sep)) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`${path.relative(LIB, fromFile)} imports ${specifier}, which does not resolve`);
}

/** Every import (type-only ones too: they tie the modules' meanings together all the same) between lib/ files. */
function fileImports(root = LIB): Edge[] {
  return sourceFiles(root).flatMap((file) =>
    ts
      .preProcessFile(fs.readFileSync(file, "utf8"), true, true)
      .importedFiles.map(({ fileName }) => resolveImport(file, fileName))
      .filter((target): target is string => target !== null && !SKIPPED.some((skipped) => target.startsWith(skipped)))
      .map((target) => ({ from: path.relative(root, file), to: path.relative(root, target), via: path.relative(root, file) })),
  );
}

/** A module: the folder directly under lib/ (lib/practice/quiz.ts is in "practice"), or the file itself. */
function moduleOf(relativePath: string): string {
  const [first, ...rest] = relativePath.split(path.sep);
  return rest.length === 0 ? first!.replace(/\.tsx?$/, "") : first!;
}

/** The strongly connected components with more than one node (Tarjan): each one is a cycle or several. */
function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) if (from !== to) next.set(from, (next.get(from) ?? new Set()).add(to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** The imports inside a cycle, to say which ones to undo. */
function describeCycle(component: string[], edges: readonly Edge[]): string {
  const members = new Set(component);
  const inside = edges.filter(({ from, to }) => from !== to && members.has(from) && members.has(to));
  return `${component.join(" <-> ")}:\n${[...new Set(inside.map(({ from, to, via }) => `  ${from} -> ${to} (${via})`))].join("\n")}`;
}

function moduleImports(files: readonly Edge[]): Edge[] {
  return files.map(({ from, to, via }) => ({ from: moduleOf(from), to: moduleOf(to), via }));
}

describe("lib/ imports", () => {
  const files = fileImports();

  it("form no cycle between modules", () => {
    const modules = moduleImports(files);
    expect(modules.length).toBeGreaterThan(50);
    expect(cycles(modules).map((component) => describeCycle(component, modules))).toEqual([]);
  });

  it("form no cycle between files", () => {
    expect(cycles(files).map((component) => describeCycle(component, files))).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const edges = [
      { from: "a", to: "b", via: "a/x.ts" },
      { from: "b", to: "c", via: "b/y.ts" },
      { from: "c", to: "a", via: "c/z.ts" },
      { from: "c", to: "d", via: "c/z.ts" },
    ];
    expect(cycles(edges)).toEqual([["a", "b", "c"]]);
    expect(cycles(edges.slice(0, 2))).toEqual([]);
  });
});
