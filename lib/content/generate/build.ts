import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Bank, BankFact, BankItem } from "../bank";
import type { CheckedContent, Fact } from "../check";
import {
  assertionReason,
  bestDescription,
  chronology,
  cloze,
  coveredByAbout,
  type Context,
  dateKey,
  distinctDates,
  eventOf,
  flashcard,
  fullFormFact,
  listCard,
  listCount,
  matchPairs,
  mcq,
  notAnExplanation,
  membership,
  namesItsMatch,
  NARROW_SUBJECT_MOST_FACTS,
  relativeName,
  statesValueOf,
  statementsHowMany,
  statementsWhich,
} from "./formats";
import { areaOf, NearMisses } from "./near-misses";
import { seededRandom, shuffled } from "./random";
import { datedStatement } from "./wording";

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

const STOP_WORDS = new Set(["the", "and", "that", "with", "which", "from", "have", "has", "was", "were", "for", "its", "their", "this", "been", "between", "india", "japan", "india-japan"]);

function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9+-]+/).filter((word) => word.length >= 3 && !STOP_WORDS.has(word)));
}

/**
 * Two facts that may not stand in one item: two dated versions of one fact (four partners in 2022, six
 * in 2024), or two statements so alike that one gives the other away.
 */
function clash(a: Fact, b: Fact, content: CheckedContent): boolean {
  if (a.subject === b.subject && a.relation === b.relation) return true;
  // One statement may not state, as background, the value the other is tested on.
  // (A statement about the value itself - Dharma Guardian's service beside "the Ministers named Dharma
  // Guardian" - names it as its subject, which says nothing of whether the other statement holds.)
  const statesOthers = (tested: Fact, other: Fact) => tested.value.entityId !== other.subject && statesValueOf(tested, datedStatement(other), content);
  if (statesOthers(a, b) || statesOthers(b, a)) return true;
  // Two claims about one pair of things ("the UK is a ministerial partner", "the UK's 2+2 is held by
  // officials") are complements: one of them decides the other.
  if (a.subject === b.subject && a.value.entityId !== undefined && a.value.entityId === b.value.entityId) return true;
  // Two facts each of whose value is the other's trap ("the Act East Policy is Japan's", "the FOIP is
  // India's") are mirrors: side by side, one settles the other.
  const trapsOf = (fact: Fact) => fact.traps.flatMap((trap) => (trap.value ? [trap.value.text.toLowerCase()] : []));
  if (a.relation === b.relation && (trapsOf(a).includes(b.value.text.toLowerCase()) || trapsOf(b).includes(a.value.text.toLowerCase()))) return true;
  const wordsA = contentWords(a.statement);
  const wordsB = contentWords(b.statement);
  const shared = [...wordsA].filter((word) => wordsB.has(word)).length;
  return shared / Math.min(wordsA.size, wordsB.size) >= 0.6;
}

/** The items with those that pass `test` spread evenly among the rest, keeping each kind's order. */
function interleaved<T>(items: readonly T[], test: (item: T) => boolean): T[] {
  const passing = items.filter(test);
  const rest = items.filter((item) => !test(item));
  const result: T[] = [];
  const step = passing.length > 0 ? items.length / passing.length : Infinity;
  let next = 0;
  for (let index = 0; index < items.length; index++) {
    if (passing.length > 0 && index >= next * step && next < passing.length) result.push(passing[next++]!);
    else result.push(rest.shift() ?? passing[next++]!);
  }
  return result;
}

/**
 * Deals facts into groups of the given sizes, each fact into the first group it does not clash with;
 * groups left short are dropped (their facts still have their own items).
 */
function dealWithoutClashes(content: CheckedContent, facts: readonly Fact[], sizes: readonly number[], askedElsewhere: (fact: Fact) => boolean = () => false, falsifiable: (fact: Fact) => boolean = () => false): Fact[][] {
  const groups: Fact[][] = sizes.map(() => []);
  const unplaced: Fact[] = [];
  for (const fact of facts) {
    const open = groups.findIndex((group, index) => group.length < sizes[index]! && !group.some((other) => clash(fact, other, content)));
    if (open >= 0) groups[open]!.push(fact);
    else unplaced.push(fact);
  }
  // A fact no group took, and no other item asks (a true-only statement such as "Dharma Guardian is a
  // bilateral exercise"), takes the place of one that is asked elsewhere and of the same standing (never a
  // falsifiable fact's place for one that cannot be false), so the deal's luck leaves no fact unasked.
  for (const fact of unplaced.filter((candidate) => !askedElsewhere(candidate))) {
    for (const group of groups) {
      const at = group.findIndex((member, index) => askedElsewhere(member) && (falsifiable(fact) || !falsifiable(member)) && !group.some((other, otherIndex) => otherIndex !== index && clash(fact, other, content)));
      if (at < 0) continue;
      group[at] = fact;
      break;
    }
  }
  return groups.filter((group, index) => group.length === sizes[index]);
}

/** Greedy groups of four dated events with dates told apart, in id order so that groups stay stable. */
function chronologyGroups(facts: readonly Fact[]): Fact[][] {
  const groups: Fact[][] = [];
  let current: Fact[] = [];
  for (const fact of facts) {
    const keys = [...current, fact].map((member) => dateKey(member.value.text)!);
    if (!distinctDates(keys)) continue;
    current.push(fact);
    if (current.length === 4) {
      groups.push(current);
      current = [];
    }
  }
  return groups;
}

/**
 * Generates the question bank from checked content. Deterministic: every random choice is seeded by
 * the ids involved, and the output is sorted, so the same content gives the same bank byte for byte.
 * Every group an item is made from lies within one topic area, so new documents about other areas leave
 * existing items as they are.
 */
export function buildBank(content: CheckedContent, contentHash: string): Bank {
  if (content.errors.length > 0) throw new Error(`The content has ${content.errors.length} errors: run npm run content:check`);
  const facts = [...content.facts].sort((a, b) => a.id.localeCompare(b.id));
  const context: Context = { content, nearMisses: new NearMisses(content) };
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const items: BankItem[] = [];
  const add = (made: BankItem | BankItem[] | undefined) => {
    if (made) items.push(...(Array.isArray(made) ? made : [made]));
  };

  for (const fact of facts) {
    add(flashcard(fact, context));
    add(cloze(fact, context));
    add(mcq(fact, context));
    add(bestDescription(fact, context));
    for (const entry of fact.explains) {
      const { fact: explained, why } = typeof entry === "string" ? { fact: entry, why: undefined } : entry;
      const assertion = byId.get(explained);
      if (assertion) add(assertionReason(fact, assertion, context, why));
    }
    for (const entry of fact.doesNotExplain) {
      const { fact: unexplained, why } = typeof entry === "string" ? { fact: entry, why: undefined } : entry;
      const statementI = byId.get(unexplained);
      if (statementI) add(notAnExplanation(fact, statementI, why));
    }
  }

  for (const list of [...content.lists].sort((a, b) => a.id.localeCompare(b.id))) {
    add(listCard(list, context));
    add(listCount(list, context));
    add(membership(list, context));
  }

  // Statement sets are about one subject: the facts of one topic.
  // Facts that can be made false are spread over the sets, and a set where nothing can be false is no
  // question: its key would always be "all of them".
  const falsifiable = (fact: Fact) => context.nearMisses.falseVariants(fact, seededRandom(`falsifiable:${fact.id}`)).length > 0;
  const canBeWrong = (group: readonly Fact[]) => group.some(falsifiable);
  // How-many keys spread over the four options within each area (a bank keyed "All" in two items of five
  // teaches a habit, not the facts): each set takes, of the keys it can have, the one its area has used
  // least so far, ties broken by a seeded draw. Per area, so another country's document leaves them be.
  const howManyKeysUsed = new Map<string, Map<string, number>>();
  const balancedHowMany = (group: readonly Fact[]) => {
    const used = howManyKeysUsed.get(areaOf(group[0]!.topic)) ?? new Map<string, number>();
    howManyKeysUsed.set(areaOf(group[0]!.topic), used);
    // "All three" and "All four" are one habit: "all of them".
    const keyOf = (made: BankItem) => made.options.find((option) => option.id === made.answer)!.text.replace(/^All \w+$/, "All");
    const made = Array.from({ length: group.length }, (_, falseWanted) => statementsHowMany(group, context, falseWanted)).filter((one): one is BankItem => one !== undefined);
    if (made.length === 0) return undefined;
    const fewest = Math.min(...made.map((one) => used.get(keyOf(one)) ?? 0));
    const candidates = made.filter((one) => (used.get(keyOf(one)) ?? 0) === fewest);
    const chosen = shuffled(candidates, seededRandom(`how-many-key:${group.map((fact) => fact.id).join(",")}`))[0]!;
    used.set(keyOf(chosen), fewest + 1);
    return chosen;
  };
  // Full forms ("JCM stands for ...") and facts the author marks cardOnly (trivia, filler) are drilled by
  // flashcards and cloze, never judged as statements.
  const judgeable = facts.filter((fact) => !fullFormFact(fact) && !fact.cardOnly);
  const askedElsewhere = (fact: Fact) => items.some((made) => made.factIds.includes(fact.id));
  // Statements the stem's occasion covers ("the third 2+2": what the Ministers said) are set apart from
  // the topic's background (the 2008 declaration, the AOIP), so a stem never claims a statement it does not cover.
  // (A topic's covered pool keeps the topic's own seed, so its sets stay as they were.)
  for (const [pool, topicFacts] of groupBy(judgeable, (fact) => (coveredByAbout(fact) || !fact.about ? fact.topic : `${fact.topic} (background)`))) {
    const forWhich = interleaved(shuffled(topicFacts, seededRandom(`groups:statements-which:${pool}`)), falsifiable);
    for (const group of dealWithoutClashes(content, forWhich, groupSizes(forWhich.length, 3), askedElsewhere, falsifiable)) if (canBeWrong(group)) add(statementsWhich(group, context));
    const forHowMany = interleaved(shuffled(topicFacts, seededRandom(`groups:statements-how-many:${pool}`)), falsifiable);
    for (const group of dealWithoutClashes(content, forHowMany, groupSizes(forHowMany.length, 4), askedElsewhere, falsifiable)) if (canBeWrong(group)) add(balancedHowMany(group));
  }
  // A fact the deal left unasked (its sets found no trap that fits beside it) gets a set of its own topic
  // with two facts that can be false there: the deal's luck leaves no fact out of the bank.
  for (const fact of judgeable.filter((candidate) => !askedElsewhere(candidate))) {
    const partners = shuffled(
      judgeable.filter((other) => other !== fact && other.topic === fact.topic && coveredByAbout(other) === coveredByAbout(fact) && falsifiable(other) && !clash(fact, other, content)),
      seededRandom(`groups:unasked:${fact.id}`),
    );
    for (let index = 0; index + 1 < partners.length; index++) {
      if (clash(partners[index]!, partners[index + 1]!, content)) continue;
      const made = statementsWhich([fact, partners[index]!, partners[index + 1]!], context);
      if (!made) continue;
      add(made);
      break;
    }
  }

  // A pair set's rows are one kind of thing (exercises with exercises, Indian centres never beside a
  // Tokyo neighbourhood): a heading widened to fit unlike rows is no UPSC heading.
  const subjectKind = (fact: Fact) => {
    const entity = content.entities.get(fact.subject);
    return entity ? (entity.kind ?? entity.type) : "";
  };
  // A cardOnly fact is no row either: four portfolios on the day, all rightly matched, test nothing.
  for (const [slot, relationFacts] of groupBy(facts.filter((fact) => !fact.cardOnly), (fact) => `${areaOf(fact.topic)}\u0000${fact.relation}\u0000${subjectKind(fact)}`)) {
    const relation = content.relations.get(slot.split("\u0000")[1]!)!;
    if (!relation.pairColumns) continue;
    // One pair per subject, so a list never matches the same thing twice; no row whose left side names
    // its right ("Modi-Abe summit in Tokyo — Tokyo") or is named against another version ("Original MoC").
    const oneEach = [...groupBy(relationFacts, (fact) => fact.subject).values()]
      .map((group) => group[0]!)
      .filter((fact) => !namesItsMatch(fact.subjectName, fact.value.text) && !relativeName(fact.subjectName));
    const ordered = shuffled(oneEach, seededRandom(`groups:match-pairs:${slot}`));
    for (const group of inGroups(ordered, groupSizes(ordered.length, 4))) add(matchPairs(group, context));
  }

  // An event whose name carries its year ("the Modi-Abe summit of October 2018") would date itself, and
  // one named against another version ("the original MoC") is no name at all.
  const dated = facts.filter(
    (fact) => content.relations.get(fact.relation)!.eventPhrase && dateKey(fact.value.text) && !/\b\d{4}\b/.test(eventOf(fact, content)) && !relativeName(eventOf(fact, content)),
  );
  for (const areaFacts of groupBy(dated, (fact) => areaOf(fact.topic)).values()) {
    for (const group of chronologyGroups(areaFacts)) add(chronology(group, context));
  }

  const broad = broadSubjects(facts);
  const unambiguous = withImpliedFacts(withoutSharedRecallPrompts(items), facts, content).map((made) => withNarrowSubjects(made, broad));
  unambiguous.sort((a, b) => a.id.localeCompare(b.id));
  return {
    version: 1,
    contentHash,
    documents: content.documents
      .map(({ id, title, publisher, kind, eventsDate, published, paragraphs, chrome }) => ({ id, title, publisher, kind, eventsDate, published, paragraphs, chrome }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    facts: [...facts, ...content.heldBack].sort((a, b) => a.id.localeCompare(b.id)).map(bankFact),
    items: unambiguous,
  };
}

/** The ways a text may name a thing: the entity's name and aliases, or the fact's own spelling. */
function spellingsOf(entityId: string | undefined, fallback: readonly string[], content: CheckedContent): string[] {
  const entity = entityId ? content.entities.get(entityId) : undefined;
  return [...new Set([...(entity ? [entity.name, ...entity.aliases] : []), ...fallback])].filter((spelling) => spelling.length >= 2);
}

/**
 * The everyday spellings of a formal portfolio: "Minister for Foreign Affairs of Japan" is printed as
 * "Japan's Foreign Minister" beside her name as often as in full, and tells her office all the same.
 */
export function officeSpellings(office: string): string[] {
  const match = /^Minister (?:for|of) (Foreign Affairs|External Affairs|Defence|Defense) of ([A-Z][a-z]+)$/.exec(office.trim());
  if (!match) return [];
  const short = match[1] === "Foreign Affairs" ? "Foreign" : match[1]!;
  const country = match[2]!;
  return [`${country}'s ${short} Minister`, `${country}’s ${short} Minister`, `${short} Minister of ${country}`, `${country} ${short} Minister`];
}

/** One pattern that finds any of the spellings as a whole name ("India" not inside "India-Japan"). */
function mentionPattern(spellings: readonly string[]): RegExp {
  return new RegExp(`(?<![\\w-])(${spellings.map(escapeRegExp).join("|")})(?![\\w-])`, "i");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An item's sentences as a learner reads them: stem, options and the feedback after answering, which shows
 * the explanation and every source quote. A quote is read after the statement of the item's fact it backs:
 * "who arrived in New Delhi on August 19, 2024" is about the ministers' arrival for the third 2+2, and
 * tells that meeting's city though the quote never names the meeting.
 */
function sentencesOf(item: BankItem, factById: ReadonlyMap<string, Fact>): string[] {
  // A citation's document title ("(Second India-Japan 2+2 ministerial dialogue, Tokyo (exam notes), line 14)")
  // names where a source was written about, not a claim of the item.
  const explanation = item.explanation.replace(/\((?:[^()]|\([^()]*\))*, (?:para|paras|line|lines) [^()]*\)/g, "");
  const printed = [item.prompt, ...item.options.map((option) => option.text), explanation].flatMap((text) => text.split(/(?<=[.?!:])\s+|\n/));
  const quotes = item.sources.map((citation) => {
    const backed = item.factIds.map((id) => factById.get(id)).find((fact) => fact?.sources.some((source) => source.doc === citation.doc && source.quote === citation.quote));
    return backed ? `${backed.statement} ${citation.quote}` : citation.quote;
  });
  return [...printed, ...quotes];
}

/**
 * Facts an item states or implies besides its own: a sentence of it names a fact's subject and its value
 * ("Japan has joined the ISA, an India-led initiative" tells that the ISA is India-led; a portfolio beside
 * a minister's name; the edition beside a meeting). The item and every item asking that fact get the key
 * `fact:<id>` among their subjects, so a quiz never shows a question together with its answer.
 */
export function withImpliedFacts(items: readonly BankItem[], facts: readonly Fact[], content: CheckedContent): BankItem[] {
  const readers = facts.map((fact) => ({
    fact,
    area: areaOf(fact.topic),
    subject: mentionPattern(spellingsOf(fact.subject, [fact.subjectName], content)),
    value: mentionPattern(spellingsOf(fact.value.entityId, [fact.value.text, fact.value.textInStatement, ...officeSpellings(fact.value.text)], content)),
    predicate: predicateOf(fact, content),
    described: describingRuns(fact),
  }));
  const factById = new Map(facts.map((fact) => [fact.id, fact]));
  const implied = new Map<string, Set<string>>();
  for (const item of items) {
    const own = new Set(item.factIds);
    // Under "With reference to <occasion>," each statement is read with its occasion: "the day before the
    // meeting" is the day before the third 2+2.
    const scope = /^With reference to (.+?), consider/.exec(item.prompt)?.[1];
    const sentences = sentencesOf(item, factById).map((line) => (scope ? `${scope}: ${line}` : line));
    for (const { fact, area, subject, value, predicate, described } of readers) {
      if (own.has(fact.id) || area !== areaOf(item.topic)) continue;
      const states = (line: string) => subject.test(line) && ((value.test(line) && predicate.every((word) => word.test(line))) || described.some((run) => run.test(line)));
      if (sentences.some(states)) implied.set(item.id, (implied.get(item.id) ?? new Set()).add(fact.id));
    }
  }
  const askedBy = new Set([...implied.values()].flatMap((ids) => [...ids]));
  return items.map((item) => {
    const keys = [...(implied.get(item.id) ?? []), ...item.factIds.filter((id) => askedBy.has(id))].map((id) => `fact:${id}`);
    return keys.length === 0 ? item : { ...item, subjects: [...new Set([...item.subjects, ...keys])].sort() };
  });
}

/**
 * For a fact whose value is a description in words ("an agreement for the reciprocal provision of supplies
 * and services between the armed forces of India and Japan"): its runs of three words with two that carry a
 * claim, each of which tells the description when printed beside the subject, however the sentence around
 * it is worded ("where Indian forces can obtain supplies and services under the ACSA"). The area's own
 * countries and their adjectives carry no claim.
 */
function describingRuns(fact: Fact): RegExp[] {
  if (fact.value.entityId) return [];
  const words = fact.value.text.toLowerCase().split(/[^a-z0-9'’-]+/).filter(Boolean);
  if (words.length < 5) return [];
  const areaWords = areaOf(fact.topic).toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 4);
  const claims = (word: string) => !PLAIN_WORDS.has(word) && !/^(between|into|under|about)$/.test(word) && !areaWords.some((area) => word.startsWith(area));
  const runs = new Set<string>();
  for (let index = 0; index + 3 <= words.length; index++) {
    const run = words.slice(index, index + 3);
    if (run.filter(claims).length >= 2) runs.add(run.join(" "));
  }
  return [...runs].map((run) => new RegExp(`(?<![\\w])${run.split(" ").map(escapeRegExp).join("[\\s,]+")}(?![\\w])`, "i"));
}

// Words that carry no claim of their own.
const PLAIN_WORDS = new Set("a an the of to in on at by for with and or is are was were has have had be been one as its it this that from which who".split(" "));

/**
 * What a fact says of its subject beyond naming it and its value, as word patterns a sentence must all hold
 * to state the fact: "Japan is the largest bilateral donor to India" needs "largest", "bilateral" and
 * "donor", for a sentence naming India and Japan says nothing of that. Only where the value is a named
 * thing (a country, a grouping) or a single word ("second"): a longer value or a date - a portfolio, a
 * year - is the claim itself.
 */
function predicateOf(fact: Fact, content: CheckedContent): RegExp[] {
  // A one-word value ("second") is as common in sentences as a name, and says as little alone.
  const namedOrOneWord = fact.value.entityId || (!/\s/.test(fact.value.text.trim()) && !/\d/.test(fact.value.text));
  if (!namedOrOneWord) return [];
  // A place beside an event is where it was: "arrived in New Delhi the day before the third 2+2" tells the venue.
  if (fact.value.entityId && content.entities.get(fact.value.entityId)?.type === "place") return [];
  const names = [...spellingsOf(fact.subject, [fact.subjectName], content), ...spellingsOf(fact.value.entityId, [fact.value.text], content)];
  let rest = fact.statement;
  for (const name of names.sort((a, b) => b.length - a.length)) rest = rest.replace(new RegExp(`${escapeRegExp(name)}(?:['’]s)?`, "gi"), " ");
  const words = rest
    .toLowerCase()
    .split(/[^a-z0-9+-]+/)
    .filter((word) => word.length >= 2 && !PLAIN_WORDS.has(word) && !/^\d{4}$/.test(word));
  // A word's first five letters: "partners" is found as "partner", "donors" as "donor".
  return [...new Set(words)].map((word) => new RegExp(`(?<![\\w])${escapeRegExp(word.slice(0, 5))}`, "i"));
}

export { NARROW_SUBJECT_MOST_FACTS } from "./formats";

/** Subjects with many facts: a meeting, a country, a format. */
function broadSubjects(facts: readonly Fact[]): Set<string> {
  const counts = new Map<string, number>();
  for (const fact of facts) counts.set(fact.subject, (counts.get(fact.subject) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count > NARROW_SUBJECT_MOST_FACTS).map(([subject]) => subject));
}

/**
 * An item's subjects keep apart, in a quiz, questions about one narrow thing (the summit's date and its
 * venue). A broad subject is no sibling key: every question of a topic quiz on "the second 2+2" is about
 * that meeting, and keeping them apart would leave the quiz one question long.
 */
function withNarrowSubjects(item: BankItem, broad: ReadonlySet<string>): BankItem {
  return { ...item, subjects: item.subjects.filter((subject) => !broad.has(subject)) };
}

/**
 * Two recall cards with one prompt and different answers ("...was held in _____." for Tokyo and for
 * September 2022) leave the learner no way to know which is meant: neither is made.
 */
function withoutSharedRecallPrompts(items: readonly BankItem[]): BankItem[] {
  const answers = new Map<string, Set<string>>();
  const recall = (item: BankItem) => item.options.length === 0;
  for (const item of items.filter(recall)) {
    const prompt = item.prompt.toLowerCase();
    answers.set(prompt, (answers.get(prompt) ?? new Set()).add(item.answer.toLowerCase()));
  }
  return items.filter((item) => !recall(item) || answers.get(item.prompt.toLowerCase())!.size === 1);
}

function bankFact(fact: Fact): BankFact {
  return {
    id: fact.id,
    statement: fact.statement,
    topic: fact.topic,
    asOf: fact.asOf,
    timeSensitive: fact.timeSensitive,
    note: fact.note,
    editorialNote: fact.editorialNote,
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
