import { impliedByTruth } from "../bounds";
import type { CheckedContent, CheckedList, Fact, ResolvedValue } from "../check";
import type { LoadedEntity } from "../load";
import { shuffled, type Random } from "./random";
import { datedStatement, descriptionHead, monthYear, replaceValue, sentence, valueInSentence } from "./wording";

const key = (text: string) => text.trim().toLowerCase();

/**
 * A topic's area: its first two levels ("International Relations > India-Japan"). Distractors and swaps
 * come from facts of the same area only, so a document about another country neither changes the
 * existing questions nor lends them absurd options.
 */
export function areaOf(topic: string): string {
  return topic.split(" > ").slice(0, 2).join(" > ");
}

// Entity types fine enough to be interchangeable without a declared kind: any country can stand in for
// another, but a place, an organisation or an event needs its kind ("disputed territory", "city").
const KIND_FREE_TYPES = new Set(["country", "person", "grouping", "armed-service"]);

/** The kind that makes an entity a near miss for another, or undefined when it is never a distractor. */
export function kindOf(entity: Pick<LoadedEntity, "type" | "kind">): string | undefined {
  return entity.kind ?? (KIND_FREE_TYPES.has(entity.type) ? entity.type : undefined);
}

/**
 * A provably wrong value: `why` is the author's reason it is wrong (a trap), `meaning` what the value is
 * really the date of (2008 for the 2006 partnership: the Joint Declaration on Security Cooperation).
 */
export type WrongValue = { text: string; why?: string; meaning?: string };

/** A false version of a fact, with the reason it is false for the explanation. */
export type FalseVariant = { statement: string; wrongValue?: string; why: string; authored: boolean };

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const ORDINAL_WORDS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];
/** A number or ordinal written in words ("seven", "seventh") as its number; undefined for other text. */
export function numberWordIndex(text: string): number | undefined {
  const lower = text.trim().toLowerCase();
  const index = Math.max(NUMBER_WORDS.indexOf(lower), ORDINAL_WORDS.indexOf(lower));
  return index >= 0 ? index : undefined;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Values near a number, a year or a month, in the same form. Editions and counts are next to the key
 * ("seventh" gives "sixth" and "eighth"); years and months are spaced (2047 gives 2044, 2050, 2042, 2052, ...),
 * for three neighbours in a row leave the middle one as the pick. Never after `latestYear` when the value
 * itself is not after it (no future year for a past event).
 */
export function numericNearMisses(value: ResolvedValue, latestYear: number, asOf?: string): string[] {
  // The month of record as a count of months (year * 12 + month index), where the fact is dated to a month.
  const latestMonth = asOf && /^\d{4}-\d{2}/.test(asOf) ? Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1 : undefined;
  const text = value.text.trim();
  const near = (n: number, spread: number) =>
    [-1, 1, -2, 2, -3, 3].filter((step) => Math.abs(step) <= spread).map((step) => n + step);
  const spaced = (n: number, steps: readonly number[]) => steps.flatMap((step) => [n - step, n + step]);
  if (value.type === "year" && /^\d{4}$/.test(text)) {
    const year = Number(text);
    // A target year ("a developed country by 2047") is set in round numbers: its near misses are round
    // years still ahead (2040, 2045, 2050), never 2044 or a year already past.
    if (year > latestYear) {
      const round = Array.from({ length: 12 }, (_, index) => Math.ceil((latestYear + 1) / 5) * 5 + index * 5).filter((candidate) => candidate !== year);
      return round.sort((a, b) => Math.abs(a - year) - Math.abs(b - year)).slice(0, 6).map(String);
    }
    return spaced(year, [3, 5, 8, 10])
      .filter((candidate) => candidate <= latestYear)
      .map(String);
  }
  if (value.type === "month") {
    const match = /^([A-Z][a-z]+) (\d{4})$/.exec(text);
    const month = match ? MONTHS.indexOf(match[1]!) : -1;
    if (month < 0) return [];
    const year = Number(match![2]);
    return spaced(month, [2, 4, 6, 8]).flatMap((m) => {
      const shiftedYear = year + Math.floor(m / 12);
      const shifted = `${MONTHS[((m % 12) + 12) % 12]} ${shiftedYear}`;
      // A month still ahead at the date of record (a celebration "to be held in September 2024") is
      // offered only months still ahead; a past month, only past ones.
      const ahead = (y: number, monthIndex: number) => (latestMonth === undefined ? y > latestYear : y * 12 + monthIndex > latestMonth);
      const shiftedMonth = ((m % 12) + 12) % 12;
      return ahead(shiftedYear, shiftedMonth) === ahead(year, month) ? [shifted] : [];
    });
  }
  if (value.type === "number") {
    const lower = text.toLowerCase();
    const words = NUMBER_WORDS.indexOf(lower) >= 0 ? NUMBER_WORDS : ORDINAL_WORDS.indexOf(lower) >= 0 ? ORDINAL_WORDS : undefined;
    const cased = (word: string) => (/^[A-Z]/.test(text) ? word[0]!.toUpperCase() + word.slice(1) : word);
    if (words) {
      const n = words.indexOf(lower);
      return near(n, 2)
        .filter((m) => m >= 1 && m < words.length)
        .map((m) => cased(words[m]!));
    }
    if (/^\d+$/.test(text)) return near(Number(text), 2).filter((m) => m >= 1).map(String);
  }
  return [];
}

/**
 * What the bank can prove false about a fact, and how. A swapped value makes a false statement only when
 * the bank knows it is false: an authored trap; a near number or year for a single-valued relation; a
 * sibling's value where the relation vouches for swaps and the kinds match; a non-member of a list the
 * author declared complete. Anything else (a value merely absent from the sources) is never keyed false.
 */
export class NearMisses {
  private readonly factsByArea = new Map<string, Fact[]>();
  private readonly trueValues = new Map<string, Set<string>>();
  private readonly listBySlot = new Map<string, CheckedList>();
  private readonly entityNames = new Map<string, LoadedEntity>();
  // Persons with terms in office, each with the pattern that finds them named in a statement.
  private readonly officeHolders: { person: LoadedEntity; named: RegExp }[] = [];

  constructor(private readonly content: CheckedContent) {
    for (const fact of content.facts) {
      const area = areaOf(fact.topic);
      this.factsByArea.set(area, [...(this.factsByArea.get(area) ?? []), fact]);
      const slot = this.slot(fact);
      this.trueValues.set(slot, (this.trueValues.get(slot) ?? new Set()).add(key(fact.value.text)));
    }
    // Held-back facts are not asked, but what they say is not to be keyed false either.
    for (const fact of content.heldBack) {
      const slot = this.slot(fact);
      this.trueValues.set(slot, (this.trueValues.get(slot) ?? new Set()).add(key(fact.value.text)));
    }
    for (const list of content.lists) this.listBySlot.set(`${list.subject}\u0000${list.relation}`, list);
    for (const entity of content.entities.values()) this.entityNames.set(key(entity.name), entity);
    for (const person of content.entities.values()) {
      const spellings = [person.name, ...person.aliases].filter((spelling) => spelling.length >= 3).map(escapeRegExp);
      if (person.terms) this.officeHolders.push({ person, named: new RegExp(`(?<![\\w-])(?:${spellings.join("|")})(?![\\w-])`) });
    }
  }

  private slot(fact: Pick<Fact, "subject" | "relation">): string {
    return `${fact.subject}\u0000${fact.relation}`;
  }

  /** The entity a value text names, if any. */
  entityNamed(text: string): LoadedEntity | undefined {
    return this.entityNames.get(key(text));
  }

  /**
   * Whether a wrong date keeps every office-holder the statement names in office: within the term that
   * holds the true date ("President Ram Nath Kovind visited Japan in 2019": 2017 to 2022, never 2007). A
   * person the true date finds out of office (a visit before or after the term) restricts nothing.
   */
  withinTerms(fact: Fact, text: string): boolean {
    if (!dateLike(fact.value.text) || !dateLike(text)) return true;
    for (const { person, named } of this.officeHolders) {
      if (!named.test(fact.statement)) continue;
      const spans = person.terms!.map((term) => ({ possibleDates: { from: term.from, to: term.to ?? fact.asOf, why: term.office } }));
      const holding = spans.find((span) => possibleDate(span, fact.value.text));
      if (holding && !possibleDate(holding, text)) return false;
    }
    return true;
  }

  /** Whether the bank holds `text` as a true value of the fact's subject and relation (in any version). */
  isTrueFor(fact: Fact, text: string): boolean {
    return this.trueValues.get(this.slot(fact))?.has(key(text)) ?? false;
  }

  /** The list declared complete for the fact's subject and relation, if any. */
  completeListOf(fact: Fact): CheckedList | undefined {
    return this.listBySlot.get(this.slot(fact));
  }

  /** Whether a wrong value for the fact is provably wrong: single-valued, or a complete list. */
  private provable(fact: Fact): boolean {
    return this.content.relations.get(fact.relation)!.cardinality === "one" || this.completeListOf(fact) !== undefined;
  }

  /**
   * Wrong values for the fact, nearest first in a seeded order: authored trap values, then numeric near
   * misses, then the relation's other values in the same area (same kind), then a complete list's
   * non-members. Each one is provably wrong, of the fact's kind, and not already in the statement.
   */
  wrongValues(fact: Fact, random: Random): WrongValue[] {
    const relation = this.content.relations.get(fact.relation)!;
    const chosen: WrongValue[] = [];
    const usable = (text: string) =>
      !this.isTrueFor(fact, text) &&
      !chosen.some((other) => key(other.text) === key(text)) &&
      !key(fact.statement).includes(key(text)) &&
      possibleDate(fact, text) &&
      this.withinTerms(fact, text) &&
      // "within ten years" for "within five years" is implied by the truth, not wrong.
      !impliedByTruth(fact.statement, fact.statement.replace(fact.value.textInStatement, text));
    for (const trap of fact.traps) if (trap.value && usable(trap.value.text)) chosen.push({ text: trap.value.text, why: trap.why });
    if (!this.provable(fact)) return chosen;

    const latestYear = Number(fact.asOf.slice(0, 4));
    // Dates of related events first (2008, the Joint Declaration, for the 2006 partnership): a distractor
    // with a meaning, which the explanation names.
    for (const related of this.relatedDates(fact)) if (usable(related.text)) chosen.push(related);
    const tiers: string[][] = [shuffled(numericNearMisses(fact.value, latestYear, fact.asOf), random)];
    const sameRelation = (this.factsByArea.get(areaOf(fact.topic)) ?? []).filter((other) => other.relation === fact.relation);
    // Another subject's value is a trap only where the author vouches for the relation: "India differs
    // with Japan over Russia" made "with Australia" is no falsehood anyone can prove.
    if (relation.swap || relation.describes) tiers.push(...this.siblingTiers(fact, sameRelation, random));
    for (const tier of tiers) for (const text of tier) if (usable(text)) chosen.push({ text });
    const list = this.completeListOf(fact);
    // A non-member reads well only in place of a value that stands alone at the start or end of the
    // sentence: "Japan has joined the ISA, an India-led initiative" would make "the AIIB, an India-led initiative".
    if (list && standsAlone(fact)) {
      const why = `${listMembersSentence(list, this.content.entities)}`;
      for (const entity of shuffled(list.nonMembers, random)) {
        if (usable(entity.name)) chosen.push({ text: entity.name, why: entity.why ?? `${capitalise(valueInSentence({ text: entity.name, entityId: entity.id }, this.content.entities))} is not on the list: ${why}` });
      }
    }
    return chosen;
  }

  /**
   * Dates of the same form (a year for a year, a month for a month) that other facts of the area give to
   * other things, the fact's own topic first, each with the statement that says what it is the date of;
   * for a past event none after its date of record, and none more than fifteen years away.
   */
  relatedDates(fact: Fact): { text: string; meaning: string }[] {
    if (fact.value.type !== "year" && fact.value.type !== "month") return [];
    const yearOf = (text: string) => Number(/\d{4}/.exec(text)?.[0]);
    const keyYear = yearOf(fact.value.text);
    const latestYear = Number(fact.asOf.slice(0, 4));
    // Past events get past dates; an event still ahead at its date of record gets dates still ahead.
    const ahead = (text: string) => (dateKeyOf(text) ?? "") > fact.asOf.slice(0, (dateKeyOf(text) ?? "").length);
    const related = (this.factsByArea.get(areaOf(fact.topic)) ?? []).filter(
      (other) =>
        other.subject !== fact.subject &&
        other.value.type === fact.value.type &&
        Math.abs(yearOf(other.value.text) - keyYear) <= 15 &&
        (keyYear > latestYear || yearOf(other.value.text) <= latestYear) &&
        ahead(other.value.text) === ahead(fact.value.text),
    );
    const sameTopicFirst = [...related].sort((a, b) => Number(b.topic === fact.topic) - Number(a.topic === fact.topic) || a.id.localeCompare(b.id));
    return sameTopicFirst.map((other) => ({ text: other.value.text, meaning: datedStatement(other) }));
  }

  /**
   * The relation's other values in the area: of the same kind for entity values; for descriptions, those
   * of subjects of the same type (an exercise is described against exercises, an agreement against
   * agreements); any other text value the author vouched for.
   */
  private siblingTiers(fact: Fact, sameRelation: readonly Fact[], random: Random): string[][] {
    const factEntity = fact.value.entityId ? this.content.entities.get(fact.value.entityId) : undefined;
    if (this.content.relations.get(fact.relation)!.describes) {
      // Descriptions of things of one fine kind: an exercise against exercises, a mechanism against mechanisms.
      const subjectType = this.content.entities.get(fact.subject)?.type;
      const head = descriptionHead(fact.value.text);
      const alike = sameRelation.filter((other) => this.content.entities.get(other.subject)?.type === subjectType && descriptionHead(other.value.text) === head);
      return [shuffled(alike.map((other) => other.value.text), random)];
    }
    if (!factEntity) return [shuffled(sameRelation.map((other) => other.value.text), random)];
    const kind = kindOf(factEntity);
    if (!kind) return [];
    const sameKind = sameRelation.filter((other) => {
      const entity = other.value.entityId ? this.content.entities.get(other.value.entityId) : undefined;
      return entity && kindOf(entity) === kind;
    });
    return [shuffled(sameKind.map((other) => other.value.text), random)];
  }

  /** The statement with a wrong value in place of the fact's, read with the right articles. */
  statementWith(fact: Fact, wrongText: string): string {
    const entity = this.entityNamed(wrongText);
    const replacement = entity ? valueInSentence({ text: entity.name, entityId: entity.id }, this.content.entities) : wrongText;
    return datedStatement(fact, replaceValue(fact.statement, fact.value.textInStatement, replacement));
  }

  /** False versions of the fact: authored sentences first, then statements with a provably wrong value. */
  falseVariants(fact: Fact, random: Random): FalseVariant[] {
    const truth = datedStatement(fact);
    const authored: FalseVariant[] = fact.traps
      .filter((trap) => trap.statement && !impliedByTruth(fact.statement, trap.statement))
      .map((trap) => ({ statement: datedStatement(fact, trap.statement), why: trap.why, authored: true }));
    const swapped: FalseVariant[] = this.wrongValues(fact, random).map(({ text, why, meaning }) => ({
      statement: this.statementWith(fact, text),
      wrongValue: text,
      why: why ?? (meaning ? `${sentence(truth)} ${sentence(meaning)}` : truth),
      authored: why !== undefined,
    }));
    // "so-called counterstrike capabilities" made "so-called nuclear weapons capabilities": the framing
    // words were the source's about its own value, and say nothing true of another.
    const swappable = !framedValue(fact.statement, fact.value.textInStatement);
    return [...authored, ...(swappable ? swapped : []).filter((variant) => !trivialSwap(variant.statement, fact.subjectName, variant.wrongValue!))].filter((variant) => variant.statement !== truth);
  }
}

/**
 * Whether a wrong date keeps the fact's sentence possible: inside the span the author gave for it
 * (`possibleDates`), compared to the precision the date has ("2021" is inside a span ending "2021-06").
 */
export function possibleDate(fact: Pick<Fact, "possibleDates">, text: string): boolean {
  const span = fact.possibleDates;
  const match = /^(?:(\d{1,2}) )?(?:(\w+) )?(\d{4})$/.exec(text.trim());
  if (!span || !match) return true;
  const month = match[2] ? MONTHS.indexOf(match[2]) + 1 : 0;
  const day = month > 0 && match[1] ? `-${match[1].padStart(2, "0")}` : "";
  const date = month > 0 ? `${match[3]}-${String(month).padStart(2, "0")}${day}` : match[3]!;
  return date >= span.from.slice(0, date.length) && date <= span.to.slice(0, date.length);
}

/** "2019", "2019-10" or "2019-10-22" for a year, "Month YYYY" or "D Month YYYY"; undefined for other text. */
function dateKeyOf(text: string): string | undefined {
  const match = /^(?:(\d{1,2}) )?(?:([A-Z][a-z]+) )?(\d{4})$/.exec(text.trim());
  if (!match) return undefined;
  const month = match[2] ? MONTHS.indexOf(match[2]) + 1 : 0;
  if (match[2] && month === 0) return undefined;
  if (month === 0) return match[3];
  return `${match[3]}-${String(month).padStart(2, "0")}${match[1] ? `-${match[1].padStart(2, "0")}` : ""}`;
}

/** Whether a text is a year, "Month YYYY" or "D Month YYYY". */
function dateLike(text: string): boolean {
  return /^(?:(?:\d{1,2} )?[A-Z][a-z]+ )?\d{4}$/.test(text.trim());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether words that frame the value as a term stand right before it ("so-called", "dubbed", "termed"). */
export function framedValue(statement: string, value: string): boolean {
  const at = statement.indexOf(value);
  return at > 0 && /\b(so[- ]called|dubbed|termed|known as|styled)\s+["“‘']?$/i.test(statement.slice(0, at));
}

/**
 * Whether a statement with a swapped value is settled by its words alone: it repeats a word of its subject
 * as its predicate ("The Free and Open Indo-Pacific Strategy is a strategy of India": a strategy is a
 * strategy), or the wrong value is a word of the subject's own name.
 */
export function trivialSwap(statement: string, subjectName: string, wrongValue: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 4);
  const named = new Set(words(subjectName));
  const predicate = /\b(?:is|are|was|were) (?:a|an|the) ([a-z]+)\b/i.exec(statement)?.[1]?.toLowerCase();
  if (predicate && named.has(predicate)) return true;
  return words(wrongValue).some((word) => named.has(word)) && !words(wrongValue).every((word) => ["india", "japan"].includes(word));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "as of August 2024, the countries are Australia, Japan, Russia and the United States." */
export function listMembersSentence(list: CheckedList, entities: CheckedContent["entities"]): string {
  const names = [...list.members].sort((a, b) => a.value.text.localeCompare(b.value.text)).map((fact) => valueInSentence(fact.value, entities));
  const joined = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0]!;
  return `${list.timeSensitive ? `as of ${monthYear(list.asOf)}, ` : ""}the ${list.noun} are ${joined}.`;
}

/** Whether the fact's value opens or closes its statement, with no clause about it alongside. */
function standsAlone(fact: Fact): boolean {
  const statement = fact.statement.trim();
  const at = statement.indexOf(fact.value.textInStatement);
  const after = statement.slice(at + fact.value.textInStatement.length);
  return /^(the |The )?$/.test(statement.slice(0, at)) || /^\.?$/.test(after);
}
