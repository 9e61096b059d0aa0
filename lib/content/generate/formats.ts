import type { BankItem, Citation, ItemStatement, ItemType } from "../bank";
import type { CheckedContent, CheckedList, Fact } from "../check";
import { areaOf, listMembersSentence, numberWordIndex, type FalseVariant, type NearMisses, type WrongValue } from "./near-misses";
import { hashIds, pick, seededRandom, shuffled, type Random } from "./random";
import { asOf, BLANK, datedStatement, descriptionHead, fillSubject, lowerOpening, monthYear, numbered, openingScope, OPTION_IDS, questionFor, replaceValue, sentence, valueInSentence, withLeadingPhrase, withoutScope } from "./wording";

export type Context = {
  content: CheckedContent;
  nearMisses: NearMisses;
};

type Sourced = { sources: readonly { doc: string; locator: string; quote: string }[] };

function citations(sourced: readonly Sourced[]): Citation[] {
  const seen = new Set<string>();
  const all: Citation[] = [];
  for (const { sources } of sourced) {
    for (const source of sources) {
      const id = `${source.doc}\u0000${source.locator}\u0000${source.quote}`;
      if (!seen.has(id)) all.push({ doc: source.doc, locator: source.locator, quote: source.quote });
      seen.add(id);
    }
  }
  return all;
}

function newestAsOf(dates: readonly string[]): string {
  return [...dates].sort().at(-1)!;
}

/**
 * An item whose id names what it asks (its type and the facts or list behind it: the "family") plus a
 * hash of what the learner sees. Rewording, re-keying or new options make a new item; the old one is
 * retired, so a learner's history never points at a question they were not shown.
 */
export function item(
  type: ItemType,
  family: string,
  facts: readonly Fact[],
  fields: Pick<BankItem, "prompt" | "options" | "answer" | "explanation">,
  extra: { sources?: Sourced[]; asOf?: string; subjects?: string[]; statements?: ItemStatement[]; cited?: readonly Fact[] } = {},
): BankItem {
  const meaning = hashIds([fields.prompt, ...fields.options.map((option) => `${option.id}) ${option.text}`), `key: ${fields.answer}`]).slice(0, 8);
  return {
    id: `${type}:${family}~${meaning}`,
    type,
    ...fields,
    // A list item's facts are all the list's members (a quiz keeps their other items apart), but it cites only the facts it shows.
    sources: citations([...(extra.cited ?? facts), ...(extra.sources ?? [])]),
    topic: facts[0]!.topic,
    factIds: facts.map((fact) => fact.id),
    subjects: [...new Set([...facts.map((fact) => fact.subject), ...(extra.subjects ?? [])])].sort(),
    asOf: newestAsOf([...facts.map((fact) => fact.asOf), ...(extra.asOf ? [extra.asOf] : [])]),
    ...(extra.statements ? { statements: extra.statements } : {}),
  };
}

/** The family part of an item id: what the item asks, whatever its wording. */
export function familyOf(itemId: string): string {
  return itemId.split("~")[0]!;
}

function withNote(text: string, fact: Fact): string {
  return fact.note ? `${text} ${sentence(fact.note)}` : text;
}

/** Facts a subject may have and still be one narrow thing (one summit, one exercise). */
export const NARROW_SUBJECT_MOST_FACTS = 6;

/**
 * A recall card's feedback: more than the prompt with its answer filled in. The fact, its note, else a
 * related fact of the same narrow subject and topic (what makes it memorable; a broad subject, or another
 * topic, would lend an unrelated fact: an exercise list on a card about the 2+2 format), and the source's own words.
 */
export function recallExplanation(fact: Fact, { content }: Context): string {
  const parts = [sentence(datedStatement(fact))];
  const ofSubject = content.facts.filter((other) => other.subject === fact.subject);
  if (fact.note) parts.push(sentence(fact.note));
  else if (ofSubject.length <= NARROW_SUBJECT_MOST_FACTS) {
    const related = ofSubject.find((other) => other.topic === fact.topic && other.relation !== fact.relation && other.id !== fact.id && !restates(other.statement, fact.statement));
    if (related) parts.push(sentence(datedStatement(related)));
  }
  const source = fact.sources[0];
  const document = source && content.documents.find((candidate) => candidate.id === source.doc);
  if (source && document) {
    // The cited words only, never the whole line around them: a line may go on to say what was no longer
    // true at the fact's date ("Negotiations are going on for the [ACSA]", signed in 2020).
    const words = source.quote;
    const quoted = datedStatement(fact).includes(words) ? "" : `: “${words.replace(/[“”]/g, "").replace(/[.:;,]$/, "")}”`;
    parts.push(`Source: ${document.title} (${source.locator})${quoted}.`);
  }
  return parts.join(" ");
}

/**
 * Whether a reason says nothing but the statement it stands against: no word of four letters or more
 * that the statement lacks ("The Miyawaki technique is a method of creating dense forests" against the
 * key; "That is kaizen; the Miyawaki technique is ..." names what the option is, and refutes it).
 */
export function onlyRestates(reason: string, statement: string): boolean {
  const words = (value: string) => value.toLowerCase().split(/[^a-z0-9+-]+/).filter((word) => word.length >= 4);
  const stated = new Set(words(statement));
  return words(reason).every((word) => stated.has(word));
}

/** Whether one statement says mostly what another says ("JIMEX is a bilateral exercise" beside "JIMEX is a bilateral naval exercise"). */
function restates(text: string, other: string): boolean {
  const words = (value: string) => new Set(value.toLowerCase().split(/[^a-z0-9+-]+/).filter((word) => word.length >= 4));
  const mine = words(text);
  const theirs = words(other);
  return [...mine].filter((word) => theirs.has(word)).length >= 0.6 * mine.size;
}

// Options start with a capital whatever the fact's casing, so the key cannot stand out by its case.
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Puts the key among the distractors in a seeded order and labels the options a-d. Years, dates and
 * numbers stand in ascending order, as the paper prints them; the key's rank among them is seeded where
 * the distractors are chosen (withKeyAtRandomRank).
 */
export function lettered(key: string, distractors: readonly string[], random: Random) {
  const shuffledTexts = shuffled([key, ...distractors].map(capitalised), random);
  const ordered = shuffledTexts.every((text) => orderOf(text) !== undefined);
  const texts = ordered ? [...shuffledTexts].sort((a, b) => orderOf(a)! - orderOf(b)!) : shuffledTexts;
  const options = texts.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  return { options, answer: options.find((option) => option.text === capitalised(key))!.id };
}

function initials(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join("");
}

/**
 * Whether a description decodes an acronym ("AOIP" from "ASEAN’s own statement of its approach to the
 * Indo-Pacific"): the acronym's letters, in order, begin words of the text, the first of them its first
 * word after an article. An aspirant who never heard of the thing reads the key off the name.
 */
export function decodesAcronym(acronym: string, text: string): boolean {
  if (!/^[A-Z]{2,6}$/.test(acronym)) return false;
  const starts = text
    .replace(/^(a|an|the)\s+/i, "")
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toLowerCase());
  const letters = acronym.toLowerCase();
  if (starts[0] !== letters[0]) return false;
  let at = 1;
  for (const start of starts.slice(1)) if (at < letters.length && start === letters[at]) at += 1;
  return at === letters.length;
}

/** Whether the prompt spells the answer by its initials ("What does JCM stand for?": Joint Crediting Mechanism). */
export function spelledByInitials(prompt: string, answer: string): boolean {
  const letters = initials(answer);
  return letters.length >= 2 && new RegExp(`\\b${letters}\\b`).test(prompt);
}

/**
 * Whether one prompt can have only this fact's value as its answer: a single-valued relation, or a list
 * with this one member. "Of which groupings is India a member?" has many right answers, and no card may
 * be keyed to one of them.
 */
function singleAnswer(fact: Fact, { content, nearMisses }: Context): boolean {
  if (content.relations.get(fact.relation)!.cardinality === "one") return true;
  return nearMisses.completeListOf(fact)?.members.length === 1;
}

// Words a name may hold in lower case: "Minister of External Affairs of India", "South and East China Seas".
const NAME_LINKS = new Set(["of", "for", "and", "the", "on", "in", "to", "a", "an", "at", "with", "by", "from", "&", "–", "-"]);
const LONGEST_NAME_WORDS = 10;

/**
 * Whether a text is one exact short answer: a name (each word capitalised but the links), or a number
 * with its unit ("65 minutes", "10th year", "fifth", "US$ 22.85 billion").
 */
export function readsAsName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length <= 3 && (/^(US|Rs\.?|INR)?[$₹¥]?\s*\d/.test(text.trim()) || numberWordIndex(words[0]!) !== undefined)) return true;
  return words.length <= LONGEST_NAME_WORDS && words.every((word) => NAME_LINKS.has(word) || /^[^a-z]/.test(word));
}

/**
 * Whether a recall card (flashcard or cloze) can be made: exactly one short answer is right. That is an
 * entity, a number, a date or a name; never a description, a purpose, a predicate or an adjective
 * ("How is X described?", "X was set up _____."), which many wordings answer equally well.
 */
export function oneShortAnswer(fact: Fact, context: Context): boolean {
  const relation = context.content.relations.get(fact.relation)!;
  if (!singleAnswer(fact, context) || relation.describes || /\bhow\b.*\bdescribed\b/i.test(fact.question ?? relation.question)) return false;
  // A full form is exact whatever its case ("HA/DR stands for humanitarian assistance and disaster response").
  const fullForm = /\bstands? for\b/.test(fact.statement);
  return fact.value.entityId !== undefined || fact.value.type !== "text" || fullForm || readsAsName(fact.value.textInStatement);
}

/**
 * Words that name an armed service's element: "fighter exercise" or "Japan Air Self Defence Force" beside a
 * blank for the Indian service tells "Air Force" at sight, "naval" tells "Navy".
 */
const SERVICE_HINTS: [RegExp, RegExp][] = [
  [/\bair\b/i, /\b(air|aerial|fighters?|aircraft|jets?)\b/i],
  [/\b(navy|naval|maritime)\b/i, /\b(naval|navy|navies|maritime|sea|ships?|warships?)\b/i],
  [/\barmy\b/i, /\b(army|armies|ground|land|infantry|soldiers?)\b/i],
];

/** Whether the words around a recall answer give away which armed service it is. */
export function serviceGivenAway(answer: string, context: string): boolean {
  return SERVICE_HINTS.some(([service, hint]) => service.test(answer) && hint.test(context));
}

const ORDINAL_WORD = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural|\d+(?:st|nd|rd|th))\b/gi;

/**
 * Whether the occasion a fact is filed under names its answer: a card under "Third 2+2 meeting" (or a
 * stem "With reference to the third ...") keyed "Third India-Japan 2+2 ministerial meeting" asks what the
 * learner is told.
 */
export function answerGivenByTopic(fact: Fact, answer: string): boolean {
  const occasion = `${fact.topic.split(" > ").at(-1)} ${fact.about ?? ""}`.toLowerCase();
  const ordinals = answer.match(ORDINAL_WORD) ?? [];
  return ordinals.some((ordinal) => new RegExp(`\\b${ordinal.toLowerCase()}\\b`).test(occasion));
}

/**
 * Whether a question asks the date of one occurrence of a series without naming which: with its date
 * blanked, "The Quad Foreign Ministers' Meeting in Tokyo was held on _____" fits the meeting of October
 * 2020 as well as that of July 2024. An edition in the question ("the second ...") names one.
 */
export function dateOfUnnamedOccurrence(fact: Fact, question: string, content: CheckedContent): boolean {
  if (!dateKey(fact.value.text) || !content.entities.get(fact.subject)?.recurring) return false;
  return !new RegExp(ORDINAL_WORD.source, "i").test(question);
}

/**
 * Whether a fact gives an abbreviation's full form ("JCM stands for Joint Crediting Mechanism"): a
 * flashcard or cloze drills it, but a paper-setter never puts it among statements to judge.
 */
export function fullFormFact(fact: Pick<Fact, "statement">): boolean {
  return /\bstands? for\b/i.test(fact.statement);
}

export function flashcard(fact: Fact, context: Context): BankItem | undefined {
  if (!oneShortAnswer(fact, context)) return undefined;
  if (answerGivenByTopic(fact, fact.value.text)) return undefined;
  const relation = context.content.relations.get(fact.relation)!;
  const subject = context.content.entities.get(fact.subject);
  const prompt = questionFor(fact, relation, subject)
    // Without options on a flashcard, "which of the following" becomes plain "which".
    .replace(/\b(w|W)hich (one )?of the following\b/, "$1hich");
  if (spelledByInitials(prompt, fact.value.text) && !/stand for/.test(prompt)) return undefined;
  if (namesKey(prompt, fact.value.text) || serviceGivenAway(fact.value.text, prompt) || answerGivenByArea(fact.topic, fact.value.text, prompt)) return undefined;
  if (dateOfUnnamedOccurrence(fact, prompt, context.content)) return undefined;
  return item("flashcard", fact.id, [fact], {
    prompt,
    options: [],
    answer: capitalised(fact.value.text),
    explanation: recallExplanation(fact, context),
  });
}

/** "Name the four countries ...": a recall card for a whole complete list. */
export function listCard(list: CheckedList, context: Context): BankItem | undefined {
  if (list.members.length < 2 || !list.recallQuestion) return undefined;
  const names = [...list.members].sort((a, b) => a.value.text.localeCompare(b.value.text)).map((fact) => valueInSentence(fact.value, context.content.entities));
  const joined = capitalised(`${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);
  // "Name the countries ..." says how many: "Name the four countries ...".
  const count = spelledCount(names.length);
  const question = /^Name the /.test(list.recallQuestion) ? list.recallQuestion.replace(/^Name the /, `Name the ${count} `) : `${list.recallQuestion} (${count})`;
  return item(
    "flashcard",
    `list:${list.id}`,
    list.members,
    {
      prompt: list.timeSensitive ? asOf(list.asOf, question) : question,
      options: [],
      answer: joined,
      // Why the near misses are not on it (the UK's and Brazil's 2+2 are held by officials): the card's point.
      explanation: [...list.members.map((fact) => sentence(datedStatement(fact))), ...list.nonMembers.flatMap((entity) => (entity.why ? [`Not among them: ${sentence(entity.why)}`] : []))].join(" "),
    },
    { sources: [list], asOf: list.asOf },
  );
}

function spelledCount(count: number): string {
  return ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][count] ?? String(count);
}

export function cloze(fact: Fact, context: Context): BankItem | undefined {
  if (!oneShortAnswer(fact, context) || !(fullFormFact(fact) || producibleBlank(fact.value.textInStatement))) return undefined;
  // The blank asks what the fact's question asks: "In which city ...?" makes "held in _____ (city)", which
  // "India" or a ward does not fill.
  const relation = context.content.relations.get(fact.relation)!;
  // A month's blank says so: "held in _____" is answered as truly by "2018" as by "October 2018".
  const unit = blankUnit(fact.question ?? relation.question) ?? (dateKey(fact.value.textInStatement)?.length === 7 ? "month and year" : undefined);
  const prompt = `Fill in the blank: ${datedStatement(fact, replaceValue(fact.statement, fact.value.textInStatement, unit ? `${BLANK} (${unit})` : BLANK))}`;
  // A blank whose answer stands beside it ("_____ (JeM)") or elsewhere in the sentence is no question.
  const entity = fact.value.entityId ? context.content.entities.get(fact.value.entityId) : undefined;
  const spellings = [fact.value.text, ...(entity?.aliases ?? [])].filter((spelling) => spelling.length >= 2);
  const rest = prompt.replace(BLANK, " ");
  if (spellings.some((spelling) => new RegExp(`\\b${escapeRegExp(spelling)}\\b`, "i").test(rest))) return undefined;
  if (spelledByInitials(rest, fact.value.text)) return undefined;
  // No blank that the sentence fills by itself: "an _____-led" gives away a vowel, "a _____ exercise
  // between India and Japan" gives "bilateral"; and no blank for a whole description.
  if (/\b(a|an|A|An) _____/.test(prompt)) return undefined;
  // A blank for the sentence's subject ("The _____ appreciated that ...") is filled as well by "Ministers"
  // or "joint statement" as by the meeting meant: the flashcard asks it precisely instead.
  if (opensWithBlank(prompt)) return undefined;
  if (answerGivenByTopic(fact, fact.value.textInStatement) || serviceGivenAway(fact.value.textInStatement, rest) || answerGivenByArea(fact.topic, fact.value.text, rest)) return undefined;
  if (dateOfUnnamedOccurrence(fact, rest, context.content)) return undefined;
  return item("cloze", fact.id, [fact], {
    prompt,
    options: [],
    answer: fact.value.textInStatement,
    explanation: recallExplanation(fact, context),
  });
}

// Titles of office: "Kamikawa Yoko was _____" is filled as truly by "present" as by her portfolio.
const OFFICE_TITLE = /\b(Minister|Secretary|President|Prime|Chief|Ambassador|Governor|Chairman|Chairperson|Director|Advisor|Adviser|Commissioner|Envoy)\b/;
const LONGEST_BLANK_WORDS = 6;

/**
 * Whether a cloze's blank asks for something an aspirant can produce word for word: a name or number
 * of at most six words. Not a job title, and not an event told by description ("Modi-Abe summit in Tokyo", where
 * "13th Annual Summit" is as right): the flashcard asks those with its authored question.
 */
export function producibleBlank(answer: string): boolean {
  const words = answer.trim().split(/\s+/);
  if (OFFICE_TITLE.test(answer) || words.length > LONGEST_BLANK_WORDS) return false;
  // A name is capitalised throughout ("Joint Service Staff Talks"); "summit in Tokyo" describes.
  return readsAsName(answer) || dateKey(answer) !== undefined;
}

/** The kind of answer a question pins ("In which city ...?": city), else undefined. */
export function blankUnit(question: string): string | undefined {
  return /\b[Ii]n which (?:[A-Z][a-z]+ )?(city|country|state|ward|district)\b/.exec(question)?.[1];
}

/** Whether a cloze's blank stands for the subject its sentence opens with. */
export function opensWithBlank(prompt: string): boolean {
  return /^Fill in the blank: (As of [^,]+, )?(the |The )?_____ /.test(prompt);
}

/** Whether the question already holds its answer ("When was the Modi-Abe summit of October 2018 held?"). */
function namesKey(prompt: string, key: string): boolean {
  return key.length >= 4 && new RegExp(`(?<![\\w-])${escapeRegExp(key)}(?![\\w-])`, "i").test(prompt);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Why each wrong option is wrong: the author's reason, else what the value is the date of (a related
 * event), else, for a date near the key, that the source dates the fact to the key. A wrong option with no
 * reason leaves undefined: the item is not made.
 */
export function whyWrong(options: readonly WrongValue[], fact: Fact, content: CheckedContent): string | undefined {
  const reasons = wrongOptionReasons(options, fact, content);
  return reasons && [...reasons.each, ...(reasons.sourced ? [reasons.sourced] : [])].map((reason) => ` ${reason}`).join("");
}

/**
 * Why each wrong option is wrong: an authored reason, or the other event the date belongs to, each in its
 * own sentence; dates with no event of their own are refuted together, once, as a paper-setter says it -
 * "The summit was held in October 2018 (exam notes, line 14), not in April, June or August 2018" - and
 * never with the document's title as the subject of the sentence, thrice. Undefined where an option has no reason.
 */
export function wrongOptionReasons(options: readonly WrongValue[], fact: Fact, content: CheckedContent): { each: string[]; sourced?: string } | undefined {
  const source = fact.sources[0];
  const document = source && content.documents.find((candidate) => candidate.id === source.doc);
  const each: string[] = [];
  const undated: string[] = [];
  for (const option of options) {
    if (option.why) each.push(`${capitalised(option.text)} is wrong: ${sentence(option.why)}`);
    // Another event's date says why it is not the answer only beside the thing asked about: "2019 is the
    // date of another event (President Kovind visited Japan ...), not of Veer Guardian".
    else if (option.meaning) each.push(`${capitalised(option.text)} is wrong: it is the date of another event (${lowerOpening(option.meaning.trim().replace(/\.$/, ""))}), not of ${valueInSentence({ text: fact.subjectName, entityId: fact.subject }, content.entities)}.`);
    else if (document && dateKey(option.text) && dateKey(fact.value.text)) undated.push(option.text);
    else return undefined;
  }
  if (undated.length === 0) return { each };
  const statement = datedStatement(fact).replace(/\.$/, "");
  const cited = `(${shortSourceName(document!)}, ${source!.locator})`;
  // "... in (November) 2016 (exam notes, line 76), not in 2021"
  const dateWords = `\\b(in|since|by|on) (?:[A-Z][a-z]+ )?${escapedPattern(fact.value.textInStatement)}`;
  const ending = new RegExp(`${dateWords}$`).exec(statement);
  // The date inside the sentence ("In 2007, Abe ... delivered ... in the Indian Parliament"): said once
  // more after the source, against the wrong ones, never the whole sentence twice.
  const inside = ending ? undefined : new RegExp(dateWords, "i").exec(statement);
  const sourced = ending
    ? `${statement} ${cited}, not ${ending[1]} ${listed(undated, "or")}.`
    : inside
      ? `${statement} ${cited}: ${lowerOpening(capitalised(inside[0]))}, not ${inside[1]!.toLowerCase()} ${listed(undated, "or")}.`
      : `${statement} ${cited}: the date is ${fact.value.text}, not ${listed(undated, "or")}.`;
  return { each, sourced };
}

function escapedPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An explanation's first sentence: the fact as its passage states it. "X is correct: <subject> is X" says
 * the key twice; only a statement that does not hold the key's words is led by it.
 */
export function keyOpening(fact: Fact): string {
  const statement = datedStatement(fact);
  return statement.toLowerCase().includes(fact.value.text.toLowerCase()) ? statement : `${capitalised(fact.value.text)} is correct: ${statement}`;
}

/** "A, B or C" (or "A, B and C"), in order of date. */
function listed(values: readonly string[], conjunction: "or" | "and"): string {
  const ordered = [...values].sort((a, b) => (orderOf(a) ?? 0) - (orderOf(b) ?? 0));
  return ordered.length === 1 ? ordered[0]! : `${ordered.slice(0, -1).join(", ")} ${conjunction} ${ordered.at(-1)}`;
}

/** A source as a citation names it: "exam notes", "joint statement", or the publisher of a report. */
export function shortSourceName(document: Pick<CheckedContent["documents"][number], "kind" | "title" | "publisher">): string {
  if (document.kind === "exam-notes") return "exam notes";
  if (document.kind === "official-statement") return document.title.split(",")[0]!.trim().toLowerCase();
  return document.publisher;
}

/** Where a value stands in order among values of its kind: a year, a month, a date or a number. */
export function orderOf(text: string): number | undefined {
  const date = dateKey(text);
  if (date) return Number(date.replace(/-/g, "").padEnd(8, "0"));
  const index = numberWordIndex(text);
  if (index !== undefined) return index;
  const match = /^(\d+)(st|nd|rd|th)?$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** A year or a month as a count of months (adjacent months differ by one, years by twelve); else undefined. */
function calendarIndex(text: string): { index: number; unit: number } | undefined {
  const date = dateKey(text);
  if (!date || date.length > 7) return undefined;
  const [year, month] = date.split("-").map(Number);
  return month ? { index: year! * 12 + month, unit: 1 } : { index: year! * 12, unit: 12 };
}

/**
 * Three wrong values for an ordered key (years, months, numbers) that put the key at a seeded rank among
 * the four: near-year distractors taken from both sides leave the key in the middle, and a test-wise
 * aspirant picks the median. Authored traps first wherever they fall, then values with a meaning (the
 * year of a related event), nearest first on each side; where one side runs short the other makes up the
 * three. No two years (or months) next to each other: three neighbours in a row give the middle away.
 * Unordered values keep their order.
 */
export function withKeyAtRandomRank<T extends WrongValue>(key: string, candidates: readonly T[], random: Random): T[] {
  const keyOrder = orderOf(key);
  const ordered = candidates.map((candidate) => ({ candidate, order: orderOf(candidate.text) }));
  if (keyOrder === undefined || ordered.some(({ order }) => order === undefined)) return candidates.slice(0, 3);
  const keyStep = calendarIndex(key);
  const picked: T[] = [];
  const spaced = (candidate: T) =>
    !keyStep ||
    [key, ...picked.map((other) => other.text)].every((text) => Math.abs((calendarIndex(text)?.index ?? Infinity) - (calendarIndex(candidate.text)?.index ?? -Infinity)) > keyStep.unit);
  const take = (candidate: T) => {
    if (picked.length < 3 && !picked.includes(candidate) && spaced(candidate)) picked.push(candidate);
  };
  for (const candidate of candidates) if (candidate.why) take(candidate);
  const nearestFirst = (side: typeof ordered) =>
    [...side].sort((a, b) => Number(!a.candidate.meaning) - Number(!b.candidate.meaning) || Math.abs(a.order! - keyOrder) - Math.abs(b.order! - keyOrder)).map(({ candidate }) => candidate);
  const below = nearestFirst(ordered.filter(({ order }) => order! < keyOrder));
  const above = nearestFirst(ordered.filter(({ order }) => order! > keyOrder));
  const wantedBelow = Math.floor(random() * 4);
  const countBelow = () => picked.filter((candidate) => orderOf(candidate.text)! < keyOrder).length;
  for (const candidate of below) if (countBelow() < wantedBelow) take(candidate);
  for (const candidate of above) take(candidate);
  for (const candidate of below) take(candidate);
  return picked;
}

/** A single-answer MCQ with four options of one kind; the stem asks for the value, never a blank. */
export function mcq(fact: Fact, context: Context): BankItem | undefined {
  const { content, nearMisses } = context;
  const relation = content.relations.get(fact.relation)!;
  if (relation.describes || !singleAnswer(fact, context) || answerGivenByTopic(fact, fact.value.text)) return undefined;
  const random = seededRandom(`mcq:${fact.id}`);
  const wrong = withKeyAtRandomRank(fact.value.text, nearMisses.wrongValues(fact, random), random);
  if (wrong.length < 3) return undefined;
  const prompt = questionFor(fact, relation, content.entities.get(fact.subject));
  if (spelledByInitials(prompt, fact.value.text) || namesKey(prompt, fact.value.text) || answerGivenByArea(fact.topic, fact.value.text, prompt)) return undefined;
  if (dateOfUnnamedOccurrence(fact, prompt, content)) return undefined;
  // Every trap is explained, or the item is not made.
  const reasons = wrongOptionReasons(wrong, fact, content);
  if (reasons === undefined) return undefined;
  // The sourced sentence states the fact itself: it opens the explanation in place of "X is correct: <fact>".
  const opening = reasons.sourced && reasons.sourced.startsWith(datedStatement(fact).replace(/\.$/, "")) ? reasons.sourced : keyOpening(fact);
  const rest = [...reasons.each, ...(reasons.sourced && reasons.sourced !== opening ? [reasons.sourced] : [])].map((reason) => ` ${reason}`).join("");
  const { options, answer } = lettered(fact.value.text, wrong.map((option) => option.text), random);
  return item("mcq", fact.id, [fact], {
    prompt,
    options,
    answer,
    explanation: withNote(opening, fact) + rest,
  });
}

/** "Which one of the following best describes X?": the options describe other things of the same area. */
export function bestDescription(fact: Fact, context: Context): BankItem | undefined {
  const { content, nearMisses } = context;
  const relation = content.relations.get(fact.relation)!;
  if (!relation.describes) return undefined;
  const random = seededRandom(`best-description:${fact.id}`);
  // Options are things of the key's fine kind (four exercises, four mechanisms), and none repeats a word of
  // the name it is asked about: that would give the key away, or rule the option out, at sight.
  const subjectName = content.entities.get(fact.subject)?.name ?? fact.subjectName;
  if (echoes(subjectName, fact.value.text) || decodesAcronym(subjectName, fact.value.text)) return undefined;
  const head = descriptionHead(fact.value.text);
  const candidates = nearMisses
    .wrongValues(fact, random)
    .filter((option) => descriptionHead(option.text) === head && !echoes(subjectName, option.text) && !decodesAcronym(subjectName, option.text))
    // A trap refuted only by the key said again ("... wastewater is wrong: The Miyawaki technique is a method of
    // creating dense forests") teaches nothing about the option: it is not offered.
    .filter((option) => !option.why || !onlyRestates(option.why, datedStatement(fact)));
  const wrong = ofOneShape(fact.value.text, candidates);
  if (!wrong || keyStandsOutByLength(fact.value.text, wrong)) return undefined;
  const describedBy = new Map(content.facts.filter((other) => other.relation === fact.relation).map((other) => [other.value.text.toLowerCase(), other]));
  const { options, answer } = lettered(fact.value.text, wrong.map((option) => option.text), random);
  const others = wrong
    .map((option) => {
      const owner = describedBy.get(option.text.toLowerCase());
      const ownerName = owner ? valueInSentence({ text: owner.subjectName, entityId: owner.subject }, content.entities) : "";
      return owner ? `${capitalised(option.text)} describes ${ownerName}.` : option.why ? `${capitalised(option.text)} is wrong: ${sentence(option.why)}` : "";
    })
    .filter(Boolean);
  const offered = wrong.flatMap((option) => describedBy.get(option.text.toLowerCase())?.subject ?? []);
  return item(
    "best-description",
    fact.id,
    [fact],
    {
      prompt: fillSubject("Which one of the following best describes {subject}?", content.entities.get(fact.subject) ?? fact.subjectName),
      options,
      answer,
      explanation: withNote(keyOpening(fact), fact) + (others.length ? ` ${others.join(" ")}` : ""),
    },
    // Its feedback says what each other option describes: a question about one of those things would be answered.
    { subjects: offered },
  );
}

// How much longer than the longest trap a key may be before its length alone picks it out.
export const KEY_MOST_LENGTH_RATIO = 1.25;

/**
 * Whether the key is conspicuously longer than every trap (a source clause pasted whole against short
 * authored traps): a test-wise candidate picks the longest, most specific option unread.
 */
export function keyStandsOutByLength(key: string, wrong: readonly { text: string }[]): boolean {
  return key.length > KEY_MOST_LENGTH_RATIO * Math.max(...wrong.map((option) => option.text.length));
}

/**
 * A description's shape as an aspirant sees it at a glance: its article ("The first ..." against "A
 * ...") and its scope (bilateral, "between India and Japan", against multilateral). A key of a shape no
 * other option has is picked without knowing the thing described.
 */
export function descriptionShape(text: string): string {
  // "The first ..." stands out beside "A ..."; "A", "An" and a possessive ("ASEAN’s own ...") read alike.
  const article = /^the\b/i.test(text.trim()) ? "the" : "";
  const scope = /\bmultilateral\b/i.test(text) ? "multilateral" : /\b(bilateral|between)\b/i.test(text) ? "bilateral" : "";
  return `${article}/${scope}`;
}

/**
 * Three wrong descriptions that leave the key no odd one out: all of the key's shape, else one of its
 * shape and two of one other (two and two); undefined when neither can be had.
 */
export function ofOneShape<T extends { text: string }>(key: string, candidates: readonly T[]): T[] | undefined {
  const keyShape = descriptionShape(key);
  const same = candidates.filter((option) => descriptionShape(option.text) === keyShape);
  if (same.length >= 3) return same.slice(0, 3);
  if (same.length === 0) return undefined;
  const others = candidates.filter((option) => descriptionShape(option.text) !== keyShape);
  const pair = others.map((option) => others.filter((other) => descriptionShape(other.text) === descriptionShape(option.text))).find((group) => group.length >= 2);
  return pair ? [same[0]!, ...pair.slice(0, 2)] : undefined;
}

const ECHO_STOP_WORDS = new Set(["india", "japan", "indian", "japanese", "between", "with", "which", "their", "exercise", "initiative"]);

/** Whether a description repeats a significant word of the name it describes ("Partnership for Quality Infrastructure": "quality infrastructure"). */
export function echoes(name: string, text: string): boolean {
  const words = (value: string) => new Set(value.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 5 && !ECHO_STOP_WORDS.has(word)));
  const inText = words(text);
  return [...words(name)].some((word) => inText.has(word));
}

/**
 * Whether a pair's left side names its right by a shared word stem ("2+2 ministerial dialogue — Foreign and
 * defence ministers", "secretary-level dialogue — secretaries"): the row matches itself at sight.
 */
export function namesItsMatch(left: string, right: string): boolean {
  const stems = (text: string) =>
    new Set(text.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 5 && !ECHO_STOP_WORDS.has(word)).map((word) => word.slice(0, 6)));
  const leftStems = stems(left);
  return left.toLowerCase().includes(right.toLowerCase()) || [...stems(right)].some((stem) => leftStems.has(stem));
}

type Judged = { fact: Fact; text: string; correct: boolean; truth: string; why?: string; wrongValue?: string };

/**
 * How many of `count` statements (or pairs) are made false. The number left true is drawn (seeded per
 * item) as the paper's four options would be: "all of them" one time in four, each smaller number from
 * `leastTrue` up equally often; where fewer facts can be made false than the draw asks, as many as can.
 * So neither the count of true statements nor the length of the keyed code ("1, 2 and 3") follows a
 * habit of the bank. `leastTrue` keeps a code-less "none" out where the paper's codes have no such option.
 */
export function falseCount(falsifiable: number, count: number, leastTrue: number, random: Random): number {
  const draw = random();
  const fewer = count - leastTrue;
  const drawnTrue = draw < 0.25 || fewer === 0 ? count : leastTrue + Math.floor(((draw - 0.25) / 0.75) * fewer);
  return Math.min(count - drawnTrue, falsifiable);
}

/**
 * Each fact as a numbered statement; some are made false with a provably false variant (an authored trap
 * first). A fact with no provable false variant always stands true.
 */
function judgeStatements(facts: readonly Fact[], nearMisses: NearMisses, random: Random, content: CheckedContent, leastTrue = 0, falseWanted?: number): Judged[] | undefined {
  const about = commonAbout(facts);
  const variants = facts.map((fact) => nearMisses.falseVariants(fact, random).filter((variant) => fitsItem(fact, variant, facts, about, content)));
  const falsifiable = facts.map((_, index) => index).filter((index) => variants[index]!.length > 0);
  // A set where no statement can be false here is no question: its key would always be "all of them".
  if (falsifiable.length === 0) return undefined;
  const wanted = falseWanted ?? falseCount(falsifiable.length, facts.length, leastTrue, random);
  // Two altered versions of one fact (two statements of one subject, or from one passage, both made
  // false) read as one trap told twice: at most one false statement per subject and per passage.
  const made = new Set<number>();
  for (const index of shuffled(falsifiable, random)) {
    if (made.size >= Math.min(wanted, facts.length - leastTrue)) break;
    if (![...made].some((other) => oneFact(facts[index]!, facts[other]!))) made.add(index);
  }
  // Under a stem that names the occasion, the statements do not name it again.
  // Unless the occasion's words hold the value asked ("At the third 2+2 (New Delhi, ...)" for the venue;
  // "Japan" inside "India-Japan" is no such value).
  const inScope = (fact: Fact, text: string) => {
    const scope = openingScope(text)?.scope;
    return scope !== undefined && new RegExp(`(?<![\\w-])${escapeRegExp(fact.value.textInStatement)}(?![\\w-])`).test(scope);
  };
  const shown = (fact: Fact, text: string) => (about && !inScope(fact, text) ? datedIfBare(text, withoutScope(text, about), fact) : text);
  const wrongValuesUsed = new Set<string>();
  return facts.map((fact, index) => {
    const truth = datedStatement(fact);
    if (!made.has(index)) return { fact, text: shown(fact, truth), correct: true, truth };
    // Two false statements with one wrong value ("2007" for the MoC and for the Emperor's visit) read as one trap.
    const fresh = variants[index]!.filter((variant) => !variant.wrongValue || !wrongValuesUsed.has(variant.wrongValue.toLowerCase()));
    const offered = fresh.length > 0 ? fresh : variants[index]!;
    const authored = offered.filter((variant) => variant.authored);
    const falseVersion = pick(authored.length > 0 ? authored : offered.slice(0, 2), random);
    if (falseVersion.wrongValue) wrongValuesUsed.add(falseVersion.wrongValue.toLowerCase());
    // A year an authored falsehood brings in ("completed ... in 2024") is a wrong value used too.
    for (const year of falseVersion.statement.match(/\b(1[89]|20)\d\d\b/g) ?? []) if (!truth.includes(year)) wrongValuesUsed.add(year);
    return { fact, text: shown(fact, falseVersion.statement), correct: false, truth, why: falseVersion.authored ? falseVersion.why : undefined, wrongValue: falseVersion.wrongValue };
  });
}

/**
 * A statement whose opening occasion was taken off ("At the third India-Japan 2+2, Rajnath Singh was
 * Minister of Defence of India.") keeps its date if nothing else in it says when: a bare portfolio label
 * is true or false only at a time.
 */
export function datedIfBare(original: string, stripped: string, fact: Pick<Fact, "asOf">): string {
  if (stripped === original || !openingScope(original) || !contextFree(stripped)) return stripped;
  return withLeadingPhrase(`As of ${monthYear(fact.asOf)}`, stripped);
}

/** Whether a statement holds nothing that says when or on what occasion: no year, no "As of", no meeting, Ministers or statement. */
export function contextFree(text: string): boolean {
  // A label of state ("Kamikawa Yoko was Minister for Foreign Affairs of Japan"), not a deed ("Rajnath Singh called ...").
  if (!/^(?:[A-Z][\w.'’-]*\s)+(?:was|were|is|are)\b/.test(text)) return false;
  return !/\b(1[89]|20)\d\d\b/.test(text) && !/^As of\b/.test(text) && !/\b(meeting|the Ministers|joint statement|the two sides|both sides|remarks|dialogue)\b/i.test(text);
}

/** Whether two facts are one fact told twice: one subject, or one cited passage. */
export function oneFact(a: Fact, b: Fact): boolean {
  const passages = (fact: Fact) => fact.sources.map((source) => `${source.doc}\u0000${source.locator}`);
  return a.subject === b.subject || passages(a).some((passage) => passages(b).includes(passage));
}

/**
 * What all the facts are about, which the stem names ("With reference to the third ..."), where the stem
 * covers every statement: a subject ("India-Japan relations") covers all its facts, but one occasion (a
 * dated meeting, "... (2024)") covers only the statements that name it. "With reference to the third 2+2"
 * above "India and Japan adopted their Joint Declaration on Security Cooperation in 2008" or the AOIP's
 * definition tells of the meeting what it never said: such a set opens plainly.
 */
export function commonAbout(facts: readonly Fact[]): string | undefined {
  const about = facts[0]!.about;
  return about && facts.every((fact) => fact.about === about && coveredByAbout(fact)) ? about : undefined;
}

/** Whether "With reference to <the fact's about>" covers the fact's statement (commonAbout). */
export function coveredByAbout(fact: Fact): boolean {
  if (!fact.about) return false;
  const occasion = /\b(19|20)\d\d\b/.test(fact.about);
  return !occasion || withoutScope(datedStatement(fact), fact.about) !== datedStatement(fact);
}

/**
 * Whether a false variant may stand in an item with these facts. Not when it takes the value of another
 * fact of the same relation in the item: "The Act East Policy is a policy of Japan" beside "The FOIP is a
 * strategy of Japan" (or its mirror) decides both at sight. And under a stem scoped to one occasion, not
 * when it changes the occasion ("At the third 2+2" in an item on the second): that trap belongs to items
 * about no one meeting.
 */
export function fitsItem(fact: Fact, variant: FalseVariant, facts: readonly Fact[], about: string | undefined, content?: CheckedContent): boolean {
  const wrong = variant.wrongValue?.toLowerCase();
  // A false version that brings in another statement's value ("... a fighter exercise ... with the UK" beside
  // "India is represented by the Indian Air Force") answers that statement.
  if (content && facts.some((other) => other !== fact && statesValueOf(other, variant.statement, content) && !statesValueOf(other, datedStatement(fact), content))) return false;
  if (wrong && facts.some((other) => other !== fact && other.relation === fact.relation && other.value.text.toLowerCase() === wrong)) return false;
  if (variant.wrongValue && serviceSettledBy(fact.value.text, variant.wrongValue, siblingText(fact, facts))) return false;
  if (!variant.wrongValue && serviceSettledBy(datedStatement(fact), variant.statement, siblingText(fact, facts))) return false;
  if (!about) return true;
  if (variant.wrongValue && stemSettles(about, fact.value.text, variant.wrongValue)) return false;
  // "The second ... meeting appreciated ..." for "The third ..." changes the occasion the stem is about.
  const namesOccasion = (text: string) => withoutScope(text, about) !== text;
  if (namesOccasion(datedStatement(fact)) && !namesOccasion(variant.statement)) return false;
  const scopeOf = (text: string) => openingScope(text)?.scope.replace(/\s*\([^)]*\)/g, "").toLowerCase();
  return scopeOf(variant.statement) === scopeOf(datedStatement(fact));
}

/**
 * Whether a text states, as background, the value a fact is tested on: "the India-Japan fighter exercise
 * Veer Guardian" settles "In Veer Guardian, India is represented by the Indian Air Force"; "when Buddhism was
 * introduced to Japan" settles "Indian culture reached Japan through Buddhism". A name, number, date or
 * phrase counts wherever it stands; a single common word ("bilateral") only beside the fact's subject.
 * The area's own countries (India and Japan in every statement) settle nothing.
 */
export function statesValueOf(tested: Fact, text: string, content: CheckedContent): boolean {
  if (givenByArea(tested.topic, tested.value.text)) return false;
  const entity = tested.value.entityId ? content.entities.get(tested.value.entityId) : undefined;
  const spellings = [tested.value.text, tested.value.textInStatement, ...(entity ? [entity.name, ...entity.aliases] : [])].filter((spelling) => spelling.trim().length >= 2);
  const named = (spelling: string) => wholeWords(spelling).test(text);
  const subject = content.entities.get(tested.subject);
  const besideSubject = () => [tested.subjectName, ...(subject ? [subject.name, ...subject.aliases] : [])].some(named);
  // "fighter" tells the Air Force only of the exercise it is said of, not of JIMEX beside Malabar.
  if (serviceGivenAway(tested.value.text, text) && besideSubject()) return true;
  if (!spellings.some(named)) return false;
  const distinctive = entity !== undefined || /\s|\d|^[A-Z]/.test(tested.value.text.trim());
  return distinctive || besideSubject();
}

const WHOLE_WORDS = new Map<string, RegExp>();

/** A pattern that finds a spelling as whole words, any case (built once per spelling: the deal asks often). */
function wholeWords(spelling: string): RegExp {
  const key = spelling.trim();
  let pattern = WHOLE_WORDS.get(key);
  if (!pattern) WHOLE_WORDS.set(key, (pattern = new RegExp(`(?<![\\w-])${escapeRegExp(key)}(?![\\w-])`, "i")));
  return pattern;
}

/** Each statement's fact and truth, in the prompt's order (BankItem.statements). */
function statementsOf(judged: readonly { fact: Fact; correct: boolean }[]): ItemStatement[] {
  return judged.map(({ fact, correct }) => ({ factId: fact.id, correct }));
}

/** The other statements of an item about the same thing as `fact` (its subject, or naming it). */
function siblingText(fact: Fact, facts: readonly Fact[]): string {
  return facts
    .filter((other) => other !== fact && (other.subject === fact.subject || other.statement.includes(fact.subjectName)))
    .map((other) => other.statement)
    .join(" ");
}

/**
 * Whether a false version that moves a thing to another armed service is settled by a sibling statement:
 * "Veer Guardian is held between the Japan Maritime Self-Defense Force and ..." beside "the fighter exercise
 * Veer Guardian".
 */
export function serviceSettledBy(truth: string, falseText: string, siblings: string): boolean {
  return SERVICE_HINTS.some(([service, hint]) => service.test(truth) && !service.test(falseText) && hint.test(siblings));
}

/**
 * Whether the stem's own words settle a swapped value: "With reference to the 2+2 format of foreign and
 * defence dialogues" above "... brings together the foreign and finance ministers". A word the swap takes
 * out of the statement that the stem says is the trap answered. India and Japan, in every stem of the
 * area, are no such word, except where the stem names their relationship ("India-Japan defence
 * cooperation"): then a swap that moves one of the pair away ("JIMEX is held with Australia") leaves the
 * stem's scope and is false at sight.
 */
export function stemSettles(about: string, trueValue: string, wrongValue: string): boolean {
  const pair = new Set([...about.matchAll(/\b([A-Z][a-z]+)-([A-Z][a-z]+)\b/g)].flatMap((match) => [match[1]!.toLowerCase(), match[2]!.toLowerCase()]));
  const words = (text: string) => new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => (word.length >= 4 || /^\d+$/.test(word)) && (pair.has(word) || !["india", "japan"].includes(word))));
  const stem = words(about);
  const kept = words(wrongValue);
  return [...words(trueValue)].some((word) => !kept.has(word) && stem.has(word));
}

/**
 * Each statement's verdict with the passage that settles it, not the statement said again: a true one
 * by its source's words (and the fact's note), a false one by the author's reason (it says what is true),
 * else the true statement, then the passage.
 */
function statementsExplanation(judged: readonly Judged[], content: CheckedContent, noun = "Statement"): string {
  return judged
    .map(({ fact, correct, truth, why, wrongValue }, index) => {
      const passage = passageOf(fact, content);
      if (correct) return `${noun} ${index + 1} is correct: ${passage ?? sentence(truth)}${fact.note ? ` ${sentence(fact.note)}` : ""}`;
      return `${noun} ${index + 1} is incorrect: ${sentence(why ? namingTheTrap(why, wrongValue) : truth)}${passage ? ` ${passage}` : ""}`;
    })
    .join(" ");
}

/**
 * A trap's reason as a statement's verdict: written beside the wrong option ("That is a separate
 * agreement ..."), its "That" has nothing to point at under a statement, so the wrong value takes its place.
 */
export function namingTheTrap(why: string, wrongValue: string | undefined): string {
  return wrongValue ? why.replace(/^(?:That|This) (is|was|are|were)\b/, (_, verb: string) => `${capitalised(wrongValue)} ${verb}`) : why;
}

/**
 * "“The Ministers appreciated ...” (Joint Statement ..., para 11)." The source that says most of the
 * statement (the news report's "without specifically naming Pakistan", not the notes' line that lacks it),
 * in its own words.
 */
export function passageOf(fact: Fact, content: CheckedContent): string | undefined {
  const words = (text: string) => new Set(text.toLowerCase().split(/[^a-z0-9+-]+/).filter((word) => word.length >= 4));
  const stated = words(fact.statement);
  const covered = (quote: string) => [...words(quote)].filter((word) => stated.has(word)).length;
  const source = [...fact.sources].sort((a, b) => covered(b.quote) - covered(a.quote))[0];
  const document = source && content.documents.find((candidate) => candidate.id === source.doc);
  if (!source || !document) return undefined;
  return `“${source.quote.replace(/[“”]/g, "").replace(/[.:;,]$/, "")}” (${document.title}, ${source.locator}).`;
}

function intro(facts: readonly Fact[]): string {
  const about = commonAbout(facts);
  return about ? `With reference to ${about}, consider the following statements:` : "Consider the following statements:";
}

const WHICH_OPTIONS: Record<number, string[][]> = {
  2: [["1"], ["2"], ["1", "2"], []],
  3: [["1"], ["2"], ["3"], ["1", "2"], ["2", "3"], ["1", "3"], ["1", "2", "3"]],
};

export function combinationText(numbers: readonly string[], count: number): string {
  if (count === 2) {
    if (numbers.length === 0) return "Neither 1 nor 2";
    if (numbers.length === 2) return "Both 1 and 2";
    return `${numbers[0]} only`;
  }
  if (numbers.length === count) return `${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}`;
  return numbers.length === 1 ? `${numbers[0]} only` : `${numbers.join(" and ")} only`;
}

/**
 * The key among three other codes, in the order the paper prints them. No statement number may stand in
 * every option (that statement would be given away as true) or in none (given away as false).
 */
function codeOptions(key: readonly string[], count: 2 | 3, random: Random) {
  const all = WHICH_OPTIONS[count]!.map((numbers) => combinationText(numbers, count));
  const keyText = combinationText(key, count);
  const numbersOf = new Map(WHICH_OPTIONS[count]!.map((numbers) => [combinationText(numbers, count), numbers]));
  const others = all.filter((text) => text !== keyText);
  const balanced = (texts: readonly string[]) =>
    Array.from({ length: count }, (_, index) => String(index + 1)).every((number) => {
      const holding = texts.filter((text) => numbersOf.get(text)!.includes(number)).length;
      return holding > 0 && holding < texts.length;
    });
  let distractors = others;
  if (count === 3) {
    // Codes of comparable shape: beside "1, 2 and 3" the two-statement codes, never "1 only", "2 only",
    // "3 only", where knowing any one statement true settles the item.
    const size = (text: string) => numbersOf.get(text)!.length;
    const unlike = (three: readonly string[]) => three.filter((text) => Math.abs(size(text) - key.length) > 1).length;
    const tries = shuffled(threeOf(others), random).filter((three) => balanced([keyText, ...three]));
    const fewestUnlike = Math.min(...tries.map(unlike));
    distractors = tries.find((three) => unlike(three) === fewestUnlike) ?? shuffled(threeOf(others), random)[0]!;
  }
  const texts = [keyText, ...distractors].sort((a, b) => all.indexOf(a) - all.indexOf(b));
  const options = texts.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  return { options, answer: options.find((option) => option.text === keyText)!.id };
}

function threeOf<T>(items: readonly T[]): T[][] {
  const sets: T[][] = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) for (let k = j + 1; k < items.length; k++) sets.push([items[i]!, items[j]!, items[k]!]);
  return sets;
}

/** "Which of the statements given above is/are correct?" over two or three facts of one subject. */
export function statementsWhich(facts: readonly Fact[], { nearMisses, content }: Context): BankItem | undefined {
  if (facts.length !== 2 && facts.length !== 3) return undefined;
  const id = hashIds(facts.map((fact) => fact.id));
  const random = seededRandom(`statements-which:${id}`);
  // The standard three-statement codes have no "none": keep at least one statement true.
  const judged = judgeStatements(facts, nearMisses, random, content, facts.length === 3 ? 1 : 0);
  if (!judged) return undefined;
  const key = judged.flatMap((statement, index) => (statement.correct ? [String(index + 1)] : []));
  const { options, answer } = codeOptions(key, facts.length as 2 | 3, random);
  return item("statements-which", id, facts, {
    prompt: `${intro(facts)}\n${numbered(judged.map(({ text }) => sentence(text)))}\nWhich of the statements given above is/are correct?`,
    options,
    answer,
    explanation: statementsExplanation(judged, content),
  }, { statements: statementsOf(judged) });
}

const HOW_MANY_OPTIONS: Record<number, string[]> = {
  3: ["Only one", "Only two", "All three", "None"],
  4: ["Only one", "Only two", "Only three", "All four"],
};

function howManyText(count: number, total: number): string {
  if (count === 0) return "None";
  if (count === total) return total === 3 ? "All three" : "All four";
  return ["Only one", "Only two", "Only three"][count - 1]!;
}

/**
 * "How many of the above statements are correct?" over three or four facts of one subject. `falseWanted`
 * asks for that many false statements (the bank spreads the keys over the four options); without it the
 * number is drawn.
 */
export function statementsHowMany(facts: readonly Fact[], { nearMisses, content }: Context, falseWanted?: number): BankItem | undefined {
  if (facts.length !== 3 && facts.length !== 4) return undefined;
  const id = hashIds(facts.map((fact) => fact.id));
  const random = seededRandom(`statements-how-many:${id}`);
  // Four-statement codes run from "Only one" to "All four": at least one stays true.
  const judged = judgeStatements(facts, nearMisses, random, content, facts.length === 4 ? 1 : 0, falseWanted);
  if (!judged) return undefined;
  const keyText = howManyText(judged.filter((statement) => statement.correct).length, facts.length);
  const options = HOW_MANY_OPTIONS[facts.length]!.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  return item("statements-how-many", id, facts, {
    prompt: `${intro(facts)}\n${numbered(judged.map(({ text }) => sentence(text)))}\nHow many of the above statements are correct?`,
    options,
    answer: options.find((option) => option.text === keyText)!.id,
    explanation: statementsExplanation(judged, content),
  }, { statements: statementsOf(judged) });
}

/**
 * "How many of the pairs given above are correctly matched?" over facts of one relation with pair
 * columns. A mismatched row shows a provably wrong value of the same kind (another row's value first).
 */
export function matchPairs(facts: readonly Fact[], { content, nearMisses }: Context): BankItem | undefined {
  const relation = content.relations.get(facts[0]!.relation)!;
  if (!relation.pairColumns || facts.length < 3 || facts.length > 4) return undefined;
  const id = hashIds(facts.map((fact) => fact.id));
  const random = seededRandom(`match-pairs:${id}`);
  // Every shown value is different, so no pair gives itself away by repeating another's value. How many
  // rows are mismatched is drawn evenly, as for statements; a set where no row can be wrong is no question.
  const shownValues = new Set(facts.map((fact) => fact.value.text.toLowerCase()));
  const candidates = facts.map((fact) => nearMisses.wrongValues(fact, random));
  const falsifiable = facts.map((_, index) => index).filter((index) => candidates[index]!.length > 0);
  if (falsifiable.length === 0) return undefined;
  const wanted = falseCount(falsifiable.length, facts.length, 1, random);
  const mismatched = new Set<number>();
  for (const index of shuffled(falsifiable, random)) {
    if (mismatched.size >= wanted) break;
    const wrong = candidates[index]!.find((option) => !shownValues.has(option.text.toLowerCase()));
    if (!wrong) continue;
    shownValues.delete(facts[index]!.value.text.toLowerCase());
    shownValues.add(wrong.text.toLowerCase());
    mismatched.add(index);
    candidates[index] = [wrong];
  }
  const pairs = facts.map((fact, index) => (mismatched.has(index) ? { fact, shown: candidates[index]![0]!.text, correct: false } : { fact, shown: fact.value.text, correct: true }));
  const total = pairs.length;
  const keyText = howManyText(pairs.filter((pair) => pair.correct).length, total);
  const options = HOW_MANY_OPTIONS[total]!.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  const [left, right] = relation.pairColumns;
  const table = pairs.map(({ fact, shown }) => `${capitalised(fact.subjectName)} — ${capitalised(shown)}`);
  return item("match-pairs", id, facts, {
    prompt: `${pairsOpening(facts)} the following pairs:\n${left} — ${right}\n${numbered(table)}\nHow many of the pairs given above are correctly matched?`,
    options,
    answer: options.find((option) => option.text === keyText)!.id,
    explanation: pairs
      .map(({ fact, correct }, index) => `Pair ${index + 1} is ${correct ? "correctly" : "incorrectly"} matched: ${sentence(datedStatement(fact))}`)
      .join(" "),
  }, { statements: statementsOf(pairs) });
}

/**
 * How a pairs item opens: with the occasion its rows hold at ("With reference to the third India-Japan
 * 2+2 ..., consider": ministers change, a portfolio is true of one meeting), else with the date of record
 * of a time-sensitive row, else plainly.
 */
export function pairsOpening(facts: readonly Fact[]): string {
  const about = commonAbout(facts);
  if (about && facts.some((fact) => openingScope(fact.statement) || fact.timeSensitive)) return `With reference to ${about}, consider`;
  const dated = facts.find((fact) => fact.timeSensitive);
  return dated ? `As of ${monthYear(dated.asOf)}, consider` : "Consider";
}

/** UPSC's own wording for Statement-I/Statement-II questions. */
export const ASSERTION_REASON_OPTIONS = [
  "Both Statement-I and Statement-II are correct and Statement-II is the correct explanation for Statement-I",
  "Both Statement-I and Statement-II are correct and Statement-II is not the correct explanation for Statement-I",
  "Statement-I is correct but Statement-II is incorrect",
  "Statement-I is incorrect but Statement-II is correct",
] as const;

type Variant = "explains" | "does-not-explain" | "reason-false" | "assertion-false";

/**
 * Statement-I/Statement-II items from a fact (the reason) that the author says explains another (the
 * assertion): the true pair, and a variant where one statement is replaced by a provably false version.
 */
export function assertionReason(reason: Fact, assertion: Fact, { nearMisses }: Context, why?: string): BankItem[] {
  const baseId = `${reason.id}--${assertion.id}`;
  const random = seededRandom(`assertion-reason:${baseId}`);
  const make = (variant: Variant, statementI: string, statementII: string, explanation: string): BankItem => {
    const options = ASSERTION_REASON_OPTIONS.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
    const keyIndex = { explains: 0, "does-not-explain": 1, "reason-false": 2, "assertion-false": 3 }[variant];
    return item("assertion-reason", `${baseId}:${variant}`, [assertion, reason], {
      prompt: `Consider the following statements:\nStatement-I: ${sentence(statementI)}\nStatement-II: ${sentence(statementII)}\nWhich one of the following is correct in respect of the above statements?`,
      options,
      answer: OPTION_IDS[keyIndex]!,
      explanation,
    });
  };
  const assertionText = datedStatement(assertion);
  const reasonText = datedStatement(reason);
  const isTrue = (which: "I" | "II", text: string) => `Statement-${which} is correct: ${sentence(text)}`;
  const items = [
    make(
      "explains",
      assertionText,
      reasonText,
      // The author's link where there is one, after both facts; else both facts joined by "because".
      why
        ? `${isTrue("I", assertionText)} ${isTrue("II", reasonText)} Statement-II is the correct explanation for Statement-I: ${sentence(why)}`
        : `Both statements are correct, and Statement-II is the correct explanation for Statement-I: ${because(assertionText, reasonText)}`,
    ),
  ];
  const [falseReason] = nearMisses.falseVariants(reason, random).filter((variant) => !decidedBy(variant, assertionText));
  const [falseAssertion] = nearMisses.falseVariants(assertion, random).filter((variant) => !decidedBy(variant, reasonText));
  const variants: (() => BankItem)[] = [];
  if (falseReason) {
    variants.push(() =>
      make("reason-false", assertionText, falseReason.statement, `${isTrue("I", assertionText)} Statement-II is incorrect: ${reasonWhy(falseReason.why, reasonText)}`),
    );
  }
  if (falseAssertion) {
    variants.push(() =>
      make("assertion-false", falseAssertion.statement, reasonText, `Statement-I is incorrect: ${reasonWhy(falseAssertion.why, assertionText)} ${isTrue("II", reasonText)}`),
    );
  }
  if (variants.length > 0) items.push(pick(variants, random)());
  return items;
}

/**
 * Whether the other statement of a pair settles a false variant by itself: a changed year, number or
 * edition beside a statement with a date or number of its own ("in its 20th year" against "elevated in
 * 2014"; "elevated in 2006" against "in its 10th year in 2024"). Arithmetic, not knowledge, would answer it.
 */
export function decidedBy(variant: FalseVariant, other: string): boolean {
  const numeric = (text: string) => /\d/.test(text) || numberWordIndex(text) !== undefined;
  return variant.wrongValue !== undefined && numeric(variant.wrongValue) && /\d|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i.test(other);
}

/**
 * "Both correct, but Statement-II is not the correct explanation": only from pairs the author declared
 * (`doesNotExplain`), two true statements close enough to tempt, the link between them vouched absent.
 */
export function notAnExplanation(statementII: Fact, statementI: Fact, why?: string): BankItem | undefined {
  // A tempting non-explanation is about the same subject, Statement-II offered as a reason for
  // Statement-I (Japan's FDI rank beside its standing as a donor). Two facts of one topic about different
  // things (Tarang Shakti and Veer Guardian) tempt no one: fewer items rather than weak ones.
  if (!plausiblyCausal(statementII, statementI)) return undefined;
  const options = ASSERTION_REASON_OPTIONS.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  return item("assertion-reason", `${statementII.id}--${statementI.id}:does-not-explain`, [statementI, statementII], {
    prompt: `Consider the following statements:\nStatement-I: ${sentence(datedStatement(statementI))}\nStatement-II: ${sentence(datedStatement(statementII))}\nWhich one of the following is correct in respect of the above statements?`,
    options,
    answer: OPTION_IDS[1]!,
    explanation:
      `Statement-I is correct: ${sentence(datedStatement(statementI))} Statement-II is correct: ${sentence(datedStatement(statementII))} ` +
      `But Statement-II is not the correct explanation for Statement-I${why ? `: ${sentence(why)}` : "."}`,
  });
}

/**
 * Whether Statement-II could pass for the reason of Statement-I: both are about one thing, as subject or
 * as value ("Japan is fifth among FDI sources" beside "Japan is the largest bilateral donor to India").
 */
export function plausiblyCausal(statementII: Fact, statementI: Fact): boolean {
  const about = (fact: Fact) => [fact.subject, ...(fact.value.entityId ? [fact.value.entityId] : [])];
  return about(statementII).some((thing) => about(statementI).includes(thing));
}

/**
 * The link an "explains" pair vouches for, in one sentence that names both facts: "India has to balance
 * the Quad and BRICS because India has long adopted a non-aligned approach." It says what the reason
 * accounts for, not that it "explains it".
 */
export function because(assertion: string, reason: string): string {
  const effect = assertion.trim().replace(/[.]$/, "");
  return sentence(`${effect} because ${lowerOpening(reason.trim())}`);
}

/** Why a statement is false: the author's reason (which says what is true), else the true statement. */
function reasonWhy(why: string, truth: string): string {
  return sentence(why || truth);
}

type ListEntry = { name: string; member: boolean; fact: Fact | undefined };

/** Members and non-members of a complete list, three or four of them, at least one of each where possible. */
function listSelection(list: CheckedList, size: number, random: Random): ListEntry[] | undefined {
  // A member the area names (Japan in an India-Japan item) is no question.
  const members = shuffled(list.members.filter((fact) => !givenByArea(fact.topic, fact.value.text)), random);
  const nonMembers = shuffled(list.nonMembers, random);
  // Any count from one to all is possible on the paper; the rest are near-miss non-members.
  const wanted = 1 + Math.floor(random() * size);
  const memberCount = Math.max(size - nonMembers.length, Math.min(wanted, members.length));
  const chosen = [
    ...members.slice(0, memberCount).map((fact) => ({ name: fact.value.text, member: true, fact })),
    ...nonMembers.slice(0, size - memberCount).map((entity) => ({ name: entity.name, member: false, fact: undefined })),
  ];
  if (chosen.length < size) return undefined;
  return chosen.sort((a, b) => a.name.localeCompare(b.name));
}

function listPrompt(list: CheckedList, names: readonly string[], question: string): string {
  return `Consider the following ${list.noun}:\n${numbered(names)}\n${list.timeSensitive ? asOf(list.asOf, question) : question}`;
}

/** Each entry's fact (a member's; none for a non-member) and whether it is a member. */
function listStatements(chosen: readonly ListEntry[]): ItemStatement[] {
  return chosen.map((entry) => ({ factId: entry.fact?.id ?? null, correct: entry.member }));
}

/** Each entry's verdict in the record's words: the members' own statements, the non-members' reasons. */
function listExplanation(list: CheckedList, chosen: ListEntry[], context: Context): string {
  return chosen
    .map((entry, index) => {
      if (entry.fact) return `${index + 1}. Yes: ${sentence(datedStatement(entry.fact))}`;
      const why = list.nonMembers.find((candidate) => candidate.name === entry.name)?.why;
      return `${index + 1}. No: ${why ? sentence(why) : `${entry.name} is not among them; ${listMembersSentence(list, context.content.entities)}`}`;
    })
    .join(" ");
}

/**
 * What a list item cites: the facts of the members it shows, and the list's own sources that name an
 * entry it shows (else all of them, for the list's completeness); never every member's passage.
 */
function listCitations(list: CheckedList, chosen: readonly ListEntry[]) {
  const shown = chosen.flatMap((entry) => (entry.fact ? [entry.fact] : []));
  const names = chosen.map((entry) => entry.name.toLowerCase());
  const naming = list.sources.filter((source) => names.some((name) => source.quote.toLowerCase().includes(name)));
  return { sources: [{ sources: naming.length > 0 ? naming : list.sources }], asOf: list.asOf, cited: shown };
}

/** "Consider the following countries: ... With how many of the above ...?" from a complete list. */
export function listCount(list: CheckedList, context: Context): BankItem | undefined {
  const random = seededRandom(`list-count:${list.id}`);
  const chosen = listSelection(list, 4, random);
  if (!chosen) return undefined;
  const count = chosen.filter((entry) => entry.member).length;
  const options = HOW_MANY_OPTIONS[4]!.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  // The item is about the whole list: a quiz with it holds no other item on the list's facts.
  return item(
    "list-count",
    list.id,
    list.members,
    {
      prompt: listPrompt(list, chosen.map((entry) => entry.name), list.countQuestion),
      options,
      answer: options.find((option) => option.text === howManyText(count, 4))!.id,
      explanation: listExplanation(list, chosen, context),
    },
    { ...listCitations(list, chosen), statements: listStatements(chosen) },
  );
}

/**
 * Whether a question's answer is one of its area's own countries and the question names the other ("With
 * which country does India take part in JIMEX?": Japan; "the Japanese Prime Minister visited _____": India).
 * In a bank about India and Japan that pair answers itself, whatever the exercise or the summit.
 */
export function answerGivenByArea(topic: string, answer: string, prompt: string): boolean {
  if (!givenByArea(topic, answer)) return false;
  const countries = (areaOf(topic).split(" > ")[1] ?? "").split("-").filter((country) => country.toLowerCase() !== answer.trim().toLowerCase());
  // The country, its adjective or its possessive: "Japan", "Japanese", "India's", "Indian".
  return countries.some((country) => new RegExp(`(?<![\\w])${escapeRegExp(country)}(?:n|ese)?(?![\\w])`, "i").test(prompt));
}

/**
 * Whether a member goes without saying in its list's area: Japan among India's 2+2 partners in an
 * India-Japan item. Knowing it is no knowledge, and it narrows the codes for free.
 */
export function givenByArea(topic: string, name: string): boolean {
  return new RegExp(`(?<![\\w])${escapeRegExp(name)}(?![\\w])`, "i").test(areaOf(topic));
}

// Membership codes of one shape: two of three, or all three. A singleton code is settled by knowing
// any two entries, and "all three" alone among them is the habit of an all-true bank.
const MEMBERSHIP_CODES = [["1", "2"], ["2", "3"], ["1", "3"], ["1", "2", "3"]] as const;

/** "Consider the following ...: Which of the above ...? Select the correct answer using the code given below." */
export function membership(list: CheckedList, context: Context): BankItem | undefined {
  const random = seededRandom(`membership:${list.id}`);
  // Two members and one declared non-member, the non-member at a seeded place, so the key is one of
  // "1 and 2 only", "2 and 3 only", "1 and 3 only" evenly; "1, 2 and 3" is the fourth option.
  const members = shuffled(list.members.filter((fact) => !givenByArea(fact.topic, fact.value.text)), random).slice(0, 2);
  const [nonMember] = shuffled(list.nonMembers, random);
  if (members.length < 2 || !nonMember) return undefined;
  const chosen: ListEntry[] = members.map((fact) => ({ name: fact.value.text, member: true, fact }));
  chosen.splice(Math.floor(random() * 3), 0, { name: nonMember.name, member: false, fact: undefined });
  const key = chosen.flatMap((entry, index) => (entry.member ? [String(index + 1)] : []));
  const options = MEMBERSHIP_CODES.map((numbers, index) => ({ id: OPTION_IDS[index]!, text: combinationText(numbers, 3) }));
  return item(
    "membership",
    list.id,
    list.members,
    {
      prompt: `${listPrompt(list, chosen.map((entry) => entry.name), list.whichQuestion)}\nSelect the correct answer using the code given below.`,
      options,
      answer: options.find((option) => option.text === combinationText(key, 3))!.id,
      explanation: listExplanation(list, chosen, context),
    },
    { ...listCitations(list, chosen), statements: listStatements(chosen) },
  );
}

/** A sortable key for a year, "Month YYYY" or "D Month YYYY" value; undefined for anything else. */
export function dateKey(text: string): string | undefined {
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  let match = /^(\d{4})$/.exec(text.trim());
  if (match) return `${match[1]}`;
  match = /^([A-Z][a-z]+) (\d{4})$/.exec(text.trim());
  if (match && months.includes(match[1]!)) return `${match[2]}-${String(months.indexOf(match[1]!) + 1).padStart(2, "0")}`;
  match = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text.trim());
  if (match && months.includes(match[2]!)) return `${match[3]}-${String(months.indexOf(match[2]!) + 1).padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
  return undefined;
}

/** Two dates are told apart only when neither contains the other (2019 and "November 2019" are not). */
export function distinctDates(keys: readonly string[]): boolean {
  return keys.every((a, i) => keys.every((b, j) => i === j || !(a.startsWith(b) || b.startsWith(a))));
}

/**
 * Whether an event's name holds a word that only makes sense against another version of the thing
 * ("the original Memorandum", "the current National Security Strategy"): beside other events it is no
 * name UPSC would print, and it hints at the order.
 */
export function relativeName(text: string): boolean {
  return /\b(original|current|latest|new|next|last|previous|present)\b/i.test(text);
}

/** How a dated fact reads as an event inside a sentence: its relation's phrase with the subject filled in ("the visit of ..."). */
export function eventInSentence(fact: Fact, content: CheckedContent): string {
  const relation = content.relations.get(fact.relation)!;
  const event = fillSubject(relation.eventPhrase!, content.entities.get(fact.subject) ?? fact.subjectName);
  // The relation's own opening word ("Elevation of ...", "Signing of ...") is a common noun, capitalised only
  // to head a line; a name that opens the phrase ("Shinzo Abe's ...", "India's ...") keeps its capital.
  if (relation.eventPhrase!.startsWith("{subject}")) return event.replace(/^The /, "the ");
  const first = event.split(/[\s’']/)[0]!;
  const opensAName = [...content.entities.values()].some((entity) => [entity.name, ...entity.aliases].some((spelling) => spelling.split(/[\s’']/)[0] === first));
  return opensAName ? event : event.charAt(0).toLowerCase() + event.slice(1);
}

/** How a dated fact reads as an event listed on its own line: capitalised. */
export function eventOf(fact: Fact, content: CheckedContent): string {
  return capitalised(eventInSentence(fact, content));
}

const ORDINALS = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|inaugural|\d+(st|nd|rd|th))\b/i;

function editionOf(word: string): number {
  const lower = word.toLowerCase();
  return lower === "inaugural" ? 1 : (numberWordIndex(lower) ?? Number.parseInt(lower, 10));
}

/**
 * Whether two events' names alone put one before the other: editions of one series ("the second 2+2"
 * before "the third 2+2"), or an upgrade named after what it upgrades ("Special Strategic and Global
 * Partnership" after "Strategic and Global Partnership"). An order that contradicts it fools no one.
 */
export function obviouslyBefore(earlier: string, later: string): boolean {
  const editionA = ORDINALS.exec(earlier);
  const editionB = ORDINALS.exec(later);
  if (editionA && editionB && earlier.replace(ORDINALS, "#").toLowerCase() === later.replace(ORDINALS, "#").toLowerCase()) {
    return editionOf(editionA[1]!) < editionOf(editionB[1]!);
  }
  const named = (event: string) => (/[‘“'"]([^’”'"]+)[’”'"]/.exec(event)?.[1] ?? event).toLowerCase();
  return named(earlier) !== named(later) && named(later).includes(named(earlier));
}

/** The pairs (earlier, later by `a`) that order `b` puts the other way round. */
function inversions(a: readonly number[], b: readonly number[]): [number, number][] {
  const rank = new Map(b.map((event, index) => [event, index]));
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i++) for (let j = i + 1; j < a.length; j++) if (rank.get(a[i]!)! > rank.get(a[j]!)!) pairs.push([a[i]!, a[j]!]);
  return pairs;
}

function permutations(items: readonly number[]): number[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((first, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [first, ...rest]));
}

/**
 * Three wrong orders that are near misses of the true one and do not point to it. Each wrong order puts
 * few pairs the wrong way round and moves no event more than two places (no 2011 CEPA before the 1952
 * relations), and none contradicts what the events' names make obvious (`obvious(earlier, later)` says
 * the names alone date `earlier` first). Near misses alone give the key away: the three single swaps of
 * neighbours make the key the one order a swap away from all the others, and the commonest event in
 * every place (an examiner solved every chronology item so, knowing no date). So the four orders must be
 * balanced: some wrong order is as central as the key (its total swap distance to the others no larger)
 * and as typical (as many events in the same places as the others). Of the balanced sets, one with the
 * fewest swaps in all is taken at random. No such set leaves no question: the item is not made.
 */
export function nearMissOrders(order: readonly number[], obvious: (earlier: number, later: number) => boolean, random: Random): number[][] {
  const distance = (a: readonly number[], b: readonly number[]) => inversions(a, b).length;
  const samePlaces = (a: readonly number[], b: readonly number[]) => a.filter((event, index) => b[index] === event).length;
  const live = permutations(order).filter((candidate) => {
    const swapped = inversions(order, candidate);
    const moved = candidate.some((event, index) => Math.abs(order.indexOf(event) - index) > 2);
    return swapped.length > 0 && !moved && swapped.every(([earlier, later]) => !obvious(earlier, later));
  });
  const balanced: { wrong: number[][]; swaps: number }[] = [];
  for (let a = 0; a < live.length; a++)
    for (let b = a + 1; b < live.length; b++)
      for (let c = b + 1; c < live.length; c++) {
        const wrong = [live[a]!, live[b]!, live[c]!];
        const all = [order, ...wrong];
        const centrality = (option: readonly number[]) => all.reduce((sum, other) => sum + distance(option, other), 0);
        const typicality = (option: readonly number[]) => all.reduce((sum, other) => sum + (other === option ? 0 : samePlaces(option, other)), 0);
        if (wrong.some((option) => centrality(option) <= centrality(order)) && wrong.some((option) => typicality(option) >= typicality(order))) {
          balanced.push({ wrong, swaps: wrong.reduce((sum, option) => sum + distance(order, option), 0) });
        }
      }
  if (balanced.length === 0) return [];
  const fewest = Math.min(...balanced.map(({ swaps }) => swaps));
  return shuffled(balanced.filter(({ swaps }) => swaps === fewest), random)[0]!.wrong;
}

/** "Arrange the following events in chronological order" over four dated events of one area. */
export function chronology(facts: readonly Fact[], { content }: Context): BankItem | undefined {
  if (facts.length !== 4) return undefined;
  const keys = facts.map((fact) => dateKey(fact.value.text));
  if (keys.some((value) => !value) || !distinctDates(keys as string[])) return undefined;
  const id = hashIds(facts.map((fact) => fact.id));
  const random = seededRandom(`chronology:${id}`);
  // Listed in their true order, the events would give the key away: shuffle until they are not.
  const byDate = (list: readonly Fact[]) => list.every((fact, index) => index === 0 || dateKey(list[index - 1]!.value.text)! < dateKey(fact.value.text)!);
  let shown = shuffled(facts, random);
  while (byDate(shown)) shown = shuffled(facts, random);
  const events = shown.map((fact) => eventOf(fact, content));
  const order = shown
    .map((fact, index) => ({ index, key: dateKey(fact.value.text)! }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ index }) => index + 1);
  const code = (sequence: readonly number[]) => sequence.join("-");
  const nearOrders = nearMissOrders(order, (earlier, later) => obviouslyBefore(events[earlier - 1]!, events[later - 1]!), random).map(code);
  if (nearOrders.length < 3) return undefined;
  const texts = [code(order), ...nearOrders].sort();
  const options = texts.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  // One sentence, the events after the first as they read mid-sentence: "(2007); the visit of ...", not "; The visit of".
  const inOrder = order.map((position, rank) => {
    const fact = shown[position - 1]!;
    return `${rank === 0 ? eventOf(fact, content) : eventInSentence(fact, content)} (${fact.value.text})`;
  });
  return item("chronology", id, shown, {
    prompt: `Consider the following events:\n${numbered(events)}\nWhich one of the following is the correct chronological order of the above events, starting with the earliest?`,
    options,
    answer: options.find((option) => option.text === code(order))!.id,
    explanation: `In order: ${inOrder.join("; ")}.`,
  });
}
