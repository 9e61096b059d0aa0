import type { ContentError, LoadedContent, LoadedEntity, LoadedFact, LoadedList, LoadedRelation, Located, SourceDocument } from "./load";
import { chromeLines, containsQuote, lineOfQuote, lookAlikeDifference, passageAt } from "./passages";
import type { ValueType } from "./schema";
import { impliedByTruth } from "./bounds";

/** A fact's value made concrete: its type, how questions write it, and how the statement writes it. */
export type ResolvedValue = {
  type: ValueType;
  /** How questions and options write the value (an entity's name). */
  text: string;
  /** The exact text in the statement that stands for the value (the name or an alias). */
  textInStatement: string;
  entityId?: string;
};

/** An authored false variant of a fact: the false sentence, the wrong value where it is one, and why. */
export type Trap = { statement: string; value?: ResolvedValue; why: string };

export type Fact = Omit<LoadedFact, "value" | "located" | "traps"> & {
  value: ResolvedValue;
  subjectName: string;
  traps: Trap[];
  file: string;
};

/** A list declared complete, with its members (facts) and its near-miss non-members resolved. */
export type CheckedList = Omit<LoadedList, "located" | "nonMembers"> & {
  members: Fact[];
  nonMembers: (LoadedEntity & { why?: string })[];
  file: string;
};

export type CheckedContent = {
  documents: SourceDocument[];
  entities: Map<string, LoadedEntity>;
  relations: Map<string, LoadedRelation>;
  facts: Fact[];
  /** Facts whose source is wrong or imprecise: shown with their editorial note, never asked. */
  heldBack: Fact[];
  lists: CheckedList[];
  errors: ContentError[];
};

/**
 * Every cross-check that zod cannot make alone: references resolve, quotes occur where their locator
 * says, ids are unique, values occur in their statements, and undated facts do not contradict. Returns
 * every error at once, sorted by file and line, with the facts that passed, resolved for generation.
 */
export function checkContent(content: LoadedContent): CheckedContent {
  const errors: ContentError[] = [...content.errors];
  const report = (where: Located, field: string, message: string) =>
    errors.push({ file: where.file, line: where.lineOf(field), field: where.fieldName(field), message });

  const documents = uniqueById(content.documents, "document", errors);
  const entities = uniqueById(content.entities, "entity", errors);
  const relations = uniqueById(content.relations, "relation", errors);
  uniqueById(content.facts, "fact", errors);

  for (const entity of content.entities) {
    const spellings = [entity.name, ...entity.aliases];
    const duplicate = spellings.find((spelling, index) => spellings.indexOf(spelling) !== index);
    if (duplicate) report(entity.located, "aliases", `"${duplicate}" is listed twice`);
  }

  const facts: Fact[] = [];
  const factIds = new Set(content.facts.map((fact) => fact.id));
  for (const fact of content.facts) {
    const before = errors.length;
    const subject = entities.get(fact.subject);
    if (!subject) report(fact.located, "subject", `unknown entity "${fact.subject}"`);
    const relation = relations.get(fact.relation);
    if (!relation) report(fact.located, "relation", `unknown relation "${fact.relation}"`);
    const value = resolveValue(fact, entities, report);
    if (value && relation && value.type !== relation.valueType && relation.valueType !== "text") {
      report(fact.located, "value", `relation "${relation.id}" takes a ${relation.valueType}, but this value is a ${value.type}`);
    }
    fact.explains.forEach((entry, index) => {
      const id = typeof entry === "string" ? entry : entry.fact;
      if (!factIds.has(id)) report(fact.located, `explains[${index}]`, `unknown fact "${id}"`);
      if (id === fact.id) report(fact.located, `explains[${index}]`, "a fact cannot explain itself");
    });
    fact.doesNotExplain.forEach((entry, index) => {
      const id = typeof entry === "string" ? entry : entry.fact;
      if (!factIds.has(id)) report(fact.located, `doesNotExplain[${index}]`, `unknown fact "${id}"`);
      if (fact.explains.some((explained) => (typeof explained === "string" ? explained : explained.fact) === id)) report(fact.located, `doesNotExplain[${index}]`, `"${id}" is also in explains`);
    });
    fact.sources.forEach((source, index) => checkSource(source, documents.get(source.doc), (field, message) => report(fact.located, `sources[${index}].${field}`, message)));
    const traps = value ? resolveTraps(fact, value, entities, report) : [];
    if (errors.length === before && subject && value) {
      const { located, ...rest } = fact;
      facts.push({ ...rest, value, traps, subjectName: subject.name, file: located.file });
    }
  }

  reportUnknownDocuments(content, documents, errors);
  reportSharedSpellings(content.entities, errors);
  checkChrome(content, documents, report);

  const located = new Map(content.facts.map((fact) => [fact.id, fact.located]));
  for (const [first, second] of contradictions(facts, relations)) {
    const where = located.get(second.id)!;
    report(
      where,
      "value",
      `contradicts fact "${first.id}" (${first.file}): "${second.value.text}" vs "${first.value.text}" for ${second.subjectName} / ${second.relation}. ` +
        "If the value changed over time, mark both timeSensitive with their own asOf dates.",
    );
  }
  const contradicting = new Set(contradictions(facts, relations).flatMap(([a, b]) => [a.id, b.id]));

  const consistent = facts.filter((fact) => !contradicting.has(fact.id));
  const lists = checkLists(content.lists, consistent, entities, relations, documents, errors);
  errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
  return {
    documents: [...documents.values()],
    entities,
    relations,
    facts: consistent.filter((fact) => !fact.editorialNote),
    heldBack: consistent.filter((fact) => fact.editorialNote),
    lists,
    errors,
  };
}

/**
 * One error per unknown document id, at its first citation, naming how many citations use it: a
 * misspelt id in a file of forty facts is one mistake, not forty.
 */
function reportUnknownDocuments(content: LoadedContent, documents: Map<string, SourceDocument>, errors: ContentError[]) {
  const citations = new Map<string, { where: Located; field: string }[]>();
  const cite = (doc: string, where: Located, field: string) => {
    if (!documents.has(doc)) citations.set(doc, [...(citations.get(doc) ?? []), { where, field }]);
  };
  for (const fact of content.facts) fact.sources.forEach((source, index) => cite(source.doc, fact.located, `sources[${index}].doc`));
  for (const list of content.lists) list.sources.forEach((source, index) => cite(source.doc, list.located, `sources[${index}].doc`));
  for (const [doc, uses] of citations) {
    const [{ where, field }] = uses as [{ where: Located; field: string }];
    const more = uses.length > 1 ? ` (cited ${uses.length} times; the others are not listed)` : "";
    const known = [...documents.keys()].sort().join(", ");
    errors.push({ file: where.file, line: where.lineOf(field), field: where.fieldName(field), message: `unknown document "${doc}"${more}; the documents are: ${known}` });
  }
}

/** Two entities written the same way (name or alias) would make a statement's value ambiguous. */
function reportSharedSpellings(entities: LoadedEntity[], errors: ContentError[]) {
  const owner = new Map<string, LoadedEntity>();
  for (const entity of entities) {
    for (const spelling of new Set([entity.name, ...entity.aliases])) {
      const first = owner.get(spelling);
      if (first && first.id !== entity.id) {
        errors.push({
          file: entity.located.file,
          line: entity.located.lineOf(spelling === entity.name ? "name" : "aliases"),
          field: entity.located.fieldName(spelling === entity.name ? "name" : "aliases"),
          message: `"${spelling}" also names entity "${first.id}" (${first.located.file}:${first.located.line}): one spelling, one entity`,
        });
      } else owner.set(spelling, entity);
    }
  }
}

const LOOSER_BOUND = "only loosens the statement's bound (\"within ten years\" when it is within five; \"more than three\" when it is five), so it is true: a trap must contradict the statement (a tighter bound, or another kind of change)";

/** A trap must really differ from the fact: another value, or another sentence, and not one the fact implies. */
function resolveTraps(
  fact: LoadedFact,
  value: ResolvedValue,
  entities: Map<string, LoadedEntity>,
  report: (where: Located, field: string, message: string) => void,
): Trap[] {
  const traps: Trap[] = [];
  fact.traps.forEach((trap, index) => {
    const field = `traps[${index}]`;
    if ("statement" in trap) {
      if (trap.statement.trim() === fact.statement.trim()) report(fact.located, `${field}.statement`, "is the fact's own statement, not a false variant");
      else if (impliedByTruth(fact.statement, trap.statement)) report(fact.located, `${field}.statement`, LOOSER_BOUND);
      else traps.push({ statement: trap.statement, why: trap.why });
      return;
    }
    let wrong: ResolvedValue;
    if ("entity" in trap.value) {
      const entity = entities.get(trap.value.entity);
      if (!entity) return report(fact.located, `${field}.value.entity`, `unknown entity "${trap.value.entity}"`);
      wrong = { type: entity.type, text: entity.name, textInStatement: entity.name, entityId: entity.id };
    } else {
      wrong = { type: trap.value.type, text: trap.value.text, textInStatement: trap.value.text };
    }
    if (wrong.type !== value.type) return report(fact.located, `${field}.value`, `a trap for a ${value.type} must be a ${value.type}, not a ${wrong.type}`);
    if (sameValue(wrong, value)) return report(fact.located, `${field}.value`, "is the fact's own value, not a false variant");
    if (impliedByTruth(fact.statement, fact.statement.replace(value.textInStatement, wrong.text))) return report(fact.located, `${field}.value`, LOOSER_BOUND);
    traps.push({ statement: "", value: wrong, why: trap.why });
  });
  return traps;
}

function checkLists(
  lists: LoadedList[],
  facts: Fact[],
  entities: Map<string, LoadedEntity>,
  relations: Map<string, LoadedRelation>,
  documents: Map<string, SourceDocument>,
  errors: ContentError[],
): CheckedList[] {
  const report = (where: Located, field: string, message: string) =>
    errors.push({ file: where.file, line: where.lineOf(field), field: where.fieldName(field), message });
  const checked: CheckedList[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    const before = errors.length;
    if (seen.has(list.id)) report(list.located, "id", `duplicate list id "${list.id}"`);
    seen.add(list.id);
    if (!entities.has(list.subject)) report(list.located, "subject", `unknown entity "${list.subject}"`);
    const relation = relations.get(list.relation);
    if (!relation) report(list.located, "relation", `unknown relation "${list.relation}"`);
    else if (relation.cardinality !== "many") report(list.located, "relation", `"${list.relation}" has one value per subject: only "many" relations make lists`);
    const members = facts.filter((fact) => fact.subject === list.subject && fact.relation === list.relation && !fact.editorialNote);
    if (relation && members.length === 0) report(list.located, "relation", `no fact gives ${list.subject} a value of "${list.relation}"`);
    const memberIds = new Set(members.map((fact) => fact.value.entityId ?? fact.value.text.toLowerCase()));
    const nonMembers: CheckedList["nonMembers"] = [];
    list.nonMembers.forEach((entry, index) => {
      const { entity: id, why } = typeof entry === "string" ? { entity: entry, why: undefined } : entry;
      const entity = entities.get(id);
      if (!entity) return report(list.located, `nonMembers[${index}]`, `unknown entity "${id}"`);
      if (memberIds.has(id)) return report(list.located, `nonMembers[${index}]`, `"${id}" is a member of the list (a fact says so)`);
      nonMembers.push({ ...entity, why });
    });
    list.sources.forEach((source, index) => checkSource(source, documents.get(source.doc), (field, message) => report(list.located, `sources[${index}].${field}`, message)));
    if (errors.length === before) {
      const { located, ...rest } = list;
      checked.push({ ...rest, members, nonMembers, file: located.file });
    }
  }
  return checked;
}

function uniqueById<T extends { id: string; located: Located }>(items: T[], kind: string, errors: ContentError[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    const first = byId.get(item.id);
    if (first) {
      errors.push({
        file: item.located.file,
        line: item.located.lineOf("id"),
        field: item.located.fieldName("id"),
        message: `duplicate ${kind} id "${item.id}" (first defined in ${first.located.file}:${first.located.line})`,
      });
    } else byId.set(item.id, item);
  }
  return byId;
}

function resolveValue(
  fact: LoadedFact,
  entities: Map<string, LoadedEntity>,
  report: (where: Located, field: string, message: string) => void,
): ResolvedValue | undefined {
  if ("entity" in fact.value) {
    const entity = entities.get(fact.value.entity);
    if (!entity) {
      report(fact.located, "value.entity", `unknown entity "${fact.value.entity}"`);
      return undefined;
    }
    const spelling = [entity.name, ...entity.aliases].find((candidate) => fact.statement.includes(candidate));
    if (!spelling) {
      report(fact.located, "statement", `does not contain the value "${entity.name}" (or an alias: ${entity.aliases.join(", ") || "none"})`);
      return undefined;
    }
    return { type: entity.type, text: entity.name, textInStatement: spelling, entityId: entity.id };
  }
  if (!fact.statement.includes(fact.value.text)) {
    report(fact.located, "statement", `does not contain the value "${fact.value.text}"`);
    return undefined;
  }
  return { type: fact.value.type, text: fact.value.text, textInStatement: fact.value.text };
}

function checkSource(
  source: { doc: string; locator: string; quote: string },
  document: SourceDocument | undefined,
  report: (field: string, message: string) => void,
) {
  // An unknown document is reported once, by reportUnknownDocuments, not once per citation.
  if (!document) return;
  const passage = passageAt(document, source.locator);
  if ("error" in passage) {
    report("locator", passage.error);
    return;
  }
  if (containsQuote(passage.text, source.quote)) return;
  const lookAlike = lookAlikeDifference(passage.text, source.quote);
  if (lookAlike) {
    report("quote", `${lookAlike}: copy the quote from the document`);
    return;
  }
  const actualLine = lineOfQuote(document, source.quote);
  report(
    "quote",
    actualLine
      ? `not found at ${source.locator} of ${document.id}; it is at line ${actualLine}`
      : `not found in ${document.id}: quotes must be verbatim (only white space may differ)`,
  );
}

/**
 * Chrome ranges must point into their document, and no "line N" or "lines N-M" citation may include a
 * line marked as chrome. ("para N" runs to the next numbered paragraph, so the last one may take in a
 * trailing back link: the paragraph, not that line, is what it cites.)
 */
function checkChrome(content: LoadedContent, documents: Map<string, SourceDocument>, report: (where: Located, field: string, message: string) => void) {
  const chrome = new Map<string, Set<number>>();
  for (const document of documents.values()) {
    const { lines, errors } = chromeLines(document);
    for (const error of errors) report(document.located, `chrome[${error.index}]`, error.message);
    if (lines.size > 0) chrome.set(document.id, lines);
  }
  for (const fact of content.facts) {
    fact.sources.forEach((source, index) => {
      const marked = chrome.get(source.doc);
      const document = documents.get(source.doc);
      if (!marked || !document || source.locator.startsWith("para")) return;
      const passage = passageAt(document, source.locator);
      if ("error" in passage) return;
      for (let line = passage.firstLine; line <= passage.lastLine; line++) {
        if (marked.has(line)) {
          report(fact.located, `sources[${index}].locator`, `cites line ${line} of ${document.id}, which its .yaml marks as page chrome (not the document's content)`);
          return;
        }
      }
    });
  }
}

/** Pairs of facts that give one subject different values for a single-valued relation without dating both. */
function contradictions(facts: Fact[], relations: Map<string, LoadedRelation>): [Fact, Fact][] {
  const bySlot = new Map<string, Fact[]>();
  for (const fact of facts) {
    if (relations.get(fact.relation)?.cardinality !== "one") continue;
    const key = `${fact.subject}\u0000${fact.relation}`;
    const slot = bySlot.get(key);
    if (slot) slot.push(fact);
    else bySlot.set(key, [fact]);
  }
  const pairs: [Fact, Fact][] = [];
  for (const slot of bySlot.values()) {
    for (let i = 0; i < slot.length; i++) {
      for (let j = i + 1; j < slot.length; j++) {
        const [a, b] = [slot[i]!, slot[j]!];
        if (sameValue(a.value, b.value)) continue;
        const datedApart = a.timeSensitive && b.timeSensitive && a.asOf !== b.asOf;
        if (!datedApart) pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

export function sameValue(a: ResolvedValue, b: ResolvedValue): boolean {
  return a.text.toLowerCase() === b.text.toLowerCase();
}
