import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Bank, BankFact, BankItem } from "../bank";
import type { CheckedContent, Fact } from "../check";
import { assertionReason, cloze, type Context, flashcard, matchPairs, mcq, statementsHowMany, statementsWhich } from "./formats";
import { seededRandom, shuffled } from "./random";
import { SiblingIndex } from "./siblings";

/**
 * Splits n items into groups of `preferred` or `preferred - 1` that cover them all where possible
 * (9 in fours: 3 + 3 + 3), else as many as fit (5 in fours: 4, one left for the other formats).
 */
export function groupSizes(n: number, preferred: number): number[] {
  const groups = Math.ceil(n / preferred);
  if (groups * (preferred - 1) > n) return Array.from({ length: Math.floor(n / preferred) }, () => preferred);
  const full = n - groups * (preferred - 1);
  return Array.from({ length: groups }, (_, index) => (index < full ? preferred : preferred - 1));
}

function inGroups<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  let start = 0;
  return sizes.map((size) => items.slice(start, (start += size)));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Generates the question bank from checked content. Deterministic: every random choice is seeded by
 * the ids involved, and the output is sorted, so the same content gives the same bank byte for byte.
 */
export function buildBank(content: CheckedContent, contentHash: string): Bank {
  if (content.errors.length > 0) throw new Error(`The content has ${content.errors.length} errors: run npm run content:check`);
  const siblings = new SiblingIndex(content);
  const facts = [...content.facts].sort((a, b) => a.id.localeCompare(b.id));
  const context: Context = {
    content,
    siblings,
    factsBySubject: groupBy(facts, (fact) => fact.subject),
    explainsLinks: new Set(facts.flatMap((fact) => fact.explains.map((target) => `${fact.id}>${target}`))),
  };
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const items: BankItem[] = [];
  const add = (made: BankItem | BankItem[] | undefined) => {
    if (made) items.push(...(Array.isArray(made) ? made : [made]));
  };

  for (const fact of facts) {
    add(flashcard(fact, context));
    add(cloze(fact, context));
    add(mcq(fact, context));
    for (const explained of fact.explains) add(assertionReason(fact, byId.get(explained)!, context));
  }

  for (const [topic, topicFacts] of groupBy(facts, (fact) => fact.topic)) {
    const forWhich = shuffled(topicFacts, seededRandom(`groups:statements-which:${topic}`));
    for (const group of inGroups(forWhich, groupSizes(forWhich.length, 3))) add(statementsWhich(group, context));
    const forHowMany = shuffled(topicFacts, seededRandom(`groups:statements-how-many:${topic}`));
    for (const group of inGroups(forHowMany, groupSizes(forHowMany.length, 4))) add(statementsHowMany(group, context));
  }

  for (const [relationId, relationFacts] of groupBy(facts, (fact) => fact.relation)) {
    if (!content.relations.get(relationId)?.pairColumns) continue;
    // One pair per subject, so a list never matches the same thing twice.
    const oneEach = [...groupBy(relationFacts, (fact) => fact.subject).values()].map((group) => group[0]!);
    const ordered = shuffled(oneEach, seededRandom(`groups:match-pairs:${relationId}`));
    for (const group of inGroups(ordered, groupSizes(ordered.length, 4))) add(matchPairs(group, context));
  }

  items.sort((a, b) => a.id.localeCompare(b.id));
  return {
    version: 1,
    contentHash,
    documents: content.documents
      .map(({ id, title, publisher, kind, eventsDate, published, paragraphs, chrome }) => ({ id, title, publisher, kind, eventsDate, published, paragraphs, chrome }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    facts: facts.map(bankFact),
    items,
  };
}

function bankFact(fact: Fact): BankFact {
  return {
    id: fact.id,
    statement: fact.statement,
    topic: fact.topic,
    asOf: fact.asOf,
    timeSensitive: fact.timeSensitive,
    note: fact.note,
    sources: fact.sources.map(({ doc, locator, quote }) => ({ doc, locator, quote })),
  };
}

/** Hash of every authored file under the content root (not the generated bank). */
export function hashContentFiles(root: string): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) {
        if (name !== "generated") walk(file);
      } else if (/\.(ya?ml|txt)$/.test(name)) {
        hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
      }
    }
  };
  walk(root);
  return hash.digest("hex").slice(0, 16);
}
