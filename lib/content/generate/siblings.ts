import type { CheckedContent, Fact } from "../check";
import type { Random } from "./random";
import { shuffled } from "./random";
import { datedStatement, replaceValue } from "./wording";

const key = (text: string) => text.trim().toLowerCase();

// Value types whose members are interchangeable as distractors across relations: any year can stand in
// for another. Events, documents, dialogues and free text only make sense within their own relation
// ("which dialogue" answered with a summit would be no question at all).
const INTERCHANGEABLE_TYPES = new Set(["year", "date", "month", "number", "money", "percentage", "place", "country", "person", "armed-service"]);

/**
 * Indexes the bank once so that every distractor lookup is a map read: generation stays linear in the
 * size of the content. Distractors come from facts of the same kind: first the same relation (another
 * exercise's service), then the same value type (another year), then entities of the same type.
 */
export class SiblingIndex {
  private readonly valuesByRelation = new Map<string, string[]>();
  private readonly valuesByType = new Map<string, string[]>();
  private readonly trueValues = new Map<string, Set<string>>();
  private readonly trueTexts = new Map<string, string[]>();

  constructor(private readonly content: CheckedContent) {
    const add = (map: Map<string, string[]>, mapKey: string, text: string) => {
      const list = map.get(mapKey) ?? [];
      if (!list.some((existing) => key(existing) === key(text))) list.push(text);
      map.set(mapKey, list);
    };
    for (const fact of content.facts) {
      add(this.valuesByRelation, fact.relation, fact.value.text);
      // Free text only makes sense as a distractor among answers to the same relation.
      if (fact.value.type !== "text") add(this.valuesByType, fact.value.type, fact.value.text);
      const slot = `${fact.subject}\u0000${fact.relation}`;
      this.trueValues.set(slot, (this.trueValues.get(slot) ?? new Set()).add(key(fact.value.text)));
      add(this.trueTexts, slot, fact.value.text);
    }
    for (const entity of content.entities.values()) {
      if (entity.type !== "text") add(this.valuesByType, `entity:${entity.type}`, entity.name);
    }
    for (const list of [...this.valuesByRelation.values(), ...this.valuesByType.values()]) list.sort();
  }

  /** Whether the bank holds `text` as a true value of the fact's subject and relation (in any version). */
  isTrueFor(fact: Fact, text: string): boolean {
    return this.trueValues.get(`${fact.subject}\u0000${fact.relation}`)?.has(key(text)) ?? false;
  }

  /** Every value the bank holds true for the fact's subject and relation. */
  trueValuesOf(fact: Fact): string[] {
    return this.trueTexts.get(`${fact.subject}\u0000${fact.relation}`) ?? [];
  }

  /** Up to `count` wrong values for the fact, nearest kind first, in a seeded order. */
  distractors(fact: Fact, count: number, random: Random): string[] {
    const interchangeable = INTERCHANGEABLE_TYPES.has(fact.value.type);
    const tiers = [
      this.valuesByRelation.get(fact.relation) ?? [],
      interchangeable ? (this.valuesByType.get(fact.value.type) ?? []) : [],
      interchangeable && fact.value.entityId ? (this.valuesByType.get(`entity:${fact.value.type}`) ?? []) : [],
    ];
    const chosen: string[] = [];
    for (const tier of tiers) {
      const usable = tier.filter(
        (text) =>
          !this.isTrueFor(fact, text) &&
          !chosen.some((other) => key(other) === key(text)) &&
          // A swapped-in value that already stands elsewhere in the sentence would read oddly.
          !fact.statement.toLowerCase().includes(key(text)),
      );
      chosen.push(...shuffled(usable, random).slice(0, count - chosen.length));
      if (chosen.length >= count) break;
    }
    return chosen;
  }

  /** A false version of the fact's statement, its value swapped for a sibling's, or undefined without one. */
  falseStatement(fact: Fact, random: Random): { statement: string; wrongValue: string } | undefined {
    const [wrongValue] = this.distractors(fact, 1, random);
    if (!wrongValue) return undefined;
    return { statement: datedStatement(fact, replaceValue(fact.statement, fact.value.textInStatement, wrongValue)), wrongValue };
  }

  get facts(): readonly Fact[] {
    return this.content.facts;
  }
}
