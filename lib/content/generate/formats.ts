import type { BankItem, Citation, ItemType } from "../bank";
import type { CheckedContent, Fact } from "../check";
import { hashIds, pick, seededRandom, shuffled, type Random } from "./random";
import type { SiblingIndex } from "./siblings";
import { BLANK, datedStatement, numbered, OPTION_IDS, questionFor, sentence, statementWithBlank } from "./wording";

export type Context = {
  content: CheckedContent;
  siblings: SiblingIndex;
  /** Facts by subject id, and "reason>assertion" for every explains link: built once per bank. */
  factsBySubject: Map<string, Fact[]>;
  explainsLinks: Set<string>;
};

function citations(facts: readonly Fact[]): Citation[] {
  const seen = new Set<string>();
  const all: Citation[] = [];
  for (const fact of facts) {
    for (const source of fact.sources) {
      const id = `${source.doc}\u0000${source.locator}\u0000${source.quote}`;
      if (!seen.has(id)) all.push({ doc: source.doc, locator: source.locator, quote: source.quote });
      seen.add(id);
    }
  }
  return all;
}

function newestAsOf(facts: readonly Fact[]): string {
  return facts.map((fact) => fact.asOf).sort().at(-1)!;
}

function item(type: ItemType, id: string, facts: readonly Fact[], fields: Pick<BankItem, "prompt" | "options" | "answer" | "explanation">): BankItem {
  return {
    id: `${type}:${id}`,
    type,
    ...fields,
    sources: citations(facts),
    topic: facts[0]!.topic,
    factIds: facts.map((fact) => fact.id),
    asOf: newestAsOf(facts),
  };
}

function withNote(text: string, fact: Fact): string {
  return fact.note ? `${text} ${sentence(fact.note)}` : text;
}

/** Puts the key among the distractors in a seeded order and labels the options a-d. */
function lettered(key: string, distractors: readonly string[], random: Random) {
  const texts = shuffled([key, ...distractors].map(capitalised), random);
  const options = texts.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  return { options, answer: options.find((option) => option.text === capitalised(key))!.id };
}

// Options start with a capital whatever the fact's casing, so the key cannot stand out by its case.
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * For a relation with several true values (India is a member of the Quad, the G20...), a recall card
 * names the others too, so that a learner who recalls another true value knows it counts.
 */
function alsoTrue(fact: Fact, { content, siblings }: Context): string {
  if (content.relations.get(fact.relation)!.cardinality !== "many") return "";
  const others = siblings.trueValuesOf(fact).filter((text) => text.toLowerCase() !== fact.value.text.toLowerCase());
  return others.length > 0 ? ` Also correct: ${others.join(", ")}.` : "";
}

export function flashcard(fact: Fact, context: Context): BankItem {
  const relation = context.content.relations.get(fact.relation)!;
  return item("flashcard", fact.id, [fact], {
    // Without options on a flashcard, "which of the following" becomes plain "which".
    prompt: questionFor(fact, relation).replace(/\b(w|W)hich (one )?of the following\b/, "$1hich"),
    options: [],
    answer: fact.value.text,
    explanation: withNote(datedStatement(fact), fact) + alsoTrue(fact, context),
  });
}

export function cloze(fact: Fact, context: Context): BankItem {
  return item("cloze", fact.id, [fact], {
    prompt: `Fill in the blank: ${statementWithBlank(fact)}`,
    options: [],
    answer: fact.value.textInStatement,
    explanation: withNote(datedStatement(fact), fact) + alsoTrue(fact, context),
  });
}

export function mcq(fact: Fact, { content, siblings }: Context): BankItem | undefined {
  const random = seededRandom(`mcq:${fact.id}`);
  const distractors = siblings.distractors(fact, 3, random);
  if (distractors.length < 3) return undefined;
  const relation = content.relations.get(fact.relation)!;
  const { options, answer } = lettered(fact.value.text, distractors, random);
  const templates = [
    () => questionFor(fact, relation),
    () => `Consider the following statement:\n"${statementWithBlank(fact)}"\nWhich one of the following correctly fills the blank (${BLANK})?`,
  ];
  return item("mcq", fact.id, [fact], {
    prompt: pick(templates, random)(),
    options,
    answer,
    explanation: withNote(`${capitalised(fact.value.text)} is correct: ${datedStatement(fact)}`, fact),
  });
}

type Judged = { fact: Fact; text: string; correct: boolean; truth: string };

/** Each fact as a numbered statement, some made false by swapping in a sibling's value. */
function judgeStatements(facts: readonly Fact[], siblings: SiblingIndex, random: Random): Judged[] {
  return facts.map((fact) => {
    const truth = datedStatement(fact);
    const falseVersion = random() < 0.5 ? siblings.falseStatement(fact, random) : undefined;
    return falseVersion ? { fact, text: falseVersion.statement, correct: false, truth } : { fact, text: truth, correct: true, truth };
  });
}

function statementsExplanation(judged: readonly Judged[]): string {
  return judged
    .map(({ text, correct, truth }, index) =>
      correct ? `Statement ${index + 1} is correct: ${sentence(truth)}` : `Statement ${index + 1} is incorrect ("${text}"): ${sentence(truth)}`,
    )
    .join(" ");
}

/** A topic's last part as it reads mid-sentence: "Defence cooperation" -> "defence cooperation". */
function topicInSentence(topic: string): string | undefined {
  const leaf = topic.split(" > ").at(-1)!;
  // A one-word leaf ("Background") says nothing on its own after "regarding".
  if (!leaf.includes(" ")) return undefined;
  return /^[A-Z][a-z]/.test(leaf) ? leaf[0]!.toLowerCase() + leaf.slice(1) : leaf;
}

function intro(facts: readonly Fact[], random: Random): string {
  const topic = topicInSentence(facts[0]!.topic);
  const templates = [
    "Consider the following statements:",
    ...(topic ? [`Consider the following statements regarding ${topic}:`] : []),
    ...(facts.every((fact) => fact.topic.includes("India-Japan")) ? ["With reference to India-Japan relations, consider the following statements:"] : []),
  ];
  return pick(templates, random);
}

const WHICH_OPTIONS: Record<number, string[][]> = {
  2: [["1"], ["2"], ["1", "2"], []],
  3: [["1"], ["2"], ["3"], ["1", "2"], ["2", "3"], ["1", "3"], ["1", "2", "3"]],
};

function combinationText(numbers: readonly string[], statementCount: number): string {
  if (statementCount === 2) {
    if (numbers.length === 0) return "Neither 1 nor 2";
    if (numbers.length === 2) return "Both 1 and 2";
    return `${numbers[0]} only`;
  }
  if (numbers.length === 3) return "1, 2 and 3";
  return numbers.length === 1 ? `${numbers[0]} only` : `${numbers.join(" and ")} only`;
}

/** "Which of the statements given above is/are correct?" over two or three facts of one topic. */
export function statementsWhich(facts: readonly Fact[], { siblings }: Context): BankItem | undefined {
  const id = hashIds(facts.map((fact) => fact.id));
  const random = seededRandom(`statements-which:${id}`);
  let judged = judgeStatements(facts, siblings, random);
  // The standard three-statement codes have no "none": keep at least one statement true.
  if (facts.length === 3 && judged.every((statement) => !statement.correct)) {
    judged = judged.map((statement, index) => (index === 0 ? { ...statement, text: statement.truth, correct: true } : statement));
  }
  const key = judged.flatMap((statement, index) => (statement.correct ? [String(index + 1)] : []));
  const keyText = combinationText(key, facts.length);
  const others = WHICH_OPTIONS[facts.length]!.map((numbers) => combinationText(numbers, facts.length)).filter((text) => text !== keyText);
  const distractors = facts.length === 2 ? others : shuffled(others, random).slice(0, 3);
  // Codes read in their natural order, as on the exam paper.
  const order = WHICH_OPTIONS[facts.length]!.map((numbers) => combinationText(numbers, facts.length));
  const texts = [keyText, ...distractors].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const options = texts.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  const ending = pick(["Which of the statements given above is/are correct?", "Which of the statements given above is/are correct? Select the answer using the code given below."], random);
  return item("statements-which", id, facts, {
    prompt: `${intro(facts, random)}\n${numbered(judged.map(({ text }) => text))}\n${ending}`,
    options,
    answer: options.find((option) => option.text === keyText)!.id,
    explanation: statementsExplanation(judged),
  });
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

/** "How many of the above statements are correct?" over three or four facts of one topic. */
export function statementsHowMany(facts: readonly Fact[], { siblings }: Context): BankItem | undefined {
  const id = hashIds(facts.map((fact) => fact.id));
  const random = seededRandom(`statements-how-many:${id}`);
  let judged = judgeStatements(facts, siblings, random);
  if (facts.length === 4 && judged.every((statement) => !statement.correct)) {
    judged = judged.map((statement, index) => (index === 0 ? { ...statement, text: statement.truth, correct: true } : statement));
  }
  const keyText = howManyText(judged.filter((statement) => statement.correct).length, facts.length);
  const options = HOW_MANY_OPTIONS[facts.length]!.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  return item("statements-how-many", id, facts, {
    prompt: `${intro(facts, random)}\n${numbered(judged.map(({ text }) => text))}\nHow many of the above statements are correct?`,
    options,
    answer: options.find((option) => option.text === keyText)!.id,
    explanation: statementsExplanation(judged),
  });
}

/** "How many of the above pairs are correctly matched?" over facts of one relation with pair columns. */
export function matchPairs(facts: readonly Fact[], { content, siblings }: Context): BankItem | undefined {
  const relation = content.relations.get(facts[0]!.relation)!;
  if (!relation.pairColumns) return undefined;
  const id = hashIds(facts.map((fact) => fact.id));
  const random = seededRandom(`match-pairs:${id}`);
  // Every shown value is different, so no pair gives itself away by repeating another's value.
  const shownValues = new Set(facts.map((fact) => fact.value.text.toLowerCase()));
  let pairs = facts.map((fact) => {
    const wrong = random() < 0.5 ? siblings.distractors(fact, 4, random).find((text) => !shownValues.has(text.toLowerCase())) : undefined;
    if (wrong) {
      shownValues.delete(fact.value.text.toLowerCase());
      shownValues.add(wrong.toLowerCase());
    }
    return { fact, shown: wrong ?? fact.value.text, correct: !wrong };
  });
  if (facts.length === 4 && pairs.every((pair) => !pair.correct)) {
    pairs = pairs.map((pair, index) => (index === 0 ? { ...pair, shown: pair.fact.value.text, correct: true } : pair));
  }
  const keyText = howManyText(pairs.filter((pair) => pair.correct).length, facts.length);
  const options = HOW_MANY_OPTIONS[facts.length]!.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
  const [left, right] = relation.pairColumns;
  const dated = facts.find((fact) => fact.timeSensitive);
  const table = pairs.map(({ fact, shown }) => `${fact.subjectName} — ${capitalised(shown)}`);
  return item("match-pairs", id, facts, {
    prompt: `${dated ? `As of ${dated.asOf.slice(0, 4)}, consider` : "Consider"} the following pairs:\n${left} — ${right}\n${numbered(table)}\nHow many of the pairs given above are correctly matched?`,
    options,
    answer: options.find((option) => option.text === keyText)!.id,
    explanation: pairs
      .map(({ fact, correct }, index) => `Pair ${index + 1} is ${correct ? "correctly" : "incorrectly"} matched: ${sentence(datedStatement(fact))}`)
      .join(" "),
  });
}

export const ASSERTION_REASON_OPTIONS = [
  "Both Statement-I and Statement-II are correct and Statement-II explains Statement-I",
  "Both Statement-I and Statement-II are correct, but Statement-II does not explain Statement-I",
  "Statement-I is correct, but Statement-II is incorrect",
  "Statement-I is incorrect, but Statement-II is correct",
] as const;

type Variant = "explains" | "does-not-explain" | "reason-false" | "assertion-false";

/**
 * Statement-I/Statement-II items from a fact (the reason) that explains another (the assertion): the
 * true pair, and one variant where a statement is made false or the reason is swapped for an unrelated
 * true fact about the same subject.
 */
export function assertionReason(reason: Fact, assertion: Fact, { siblings, factsBySubject, explainsLinks }: Context): BankItem[] {
  const baseId = `${reason.id}--${assertion.id}`;
  const random = seededRandom(`assertion-reason:${baseId}`);
  const make = (variant: Variant, statementI: string, statementII: string, facts: Fact[], explanation: string): BankItem => {
    const options = ASSERTION_REASON_OPTIONS.map((text, index) => ({ id: OPTION_IDS[index]!, text }));
    const keyIndex = { explains: 0, "does-not-explain": 1, "reason-false": 2, "assertion-false": 3 }[variant];
    return item("assertion-reason", `${baseId}:${variant}`, facts, {
      prompt: `Consider the following statements:\nStatement-I: ${statementI}\nStatement-II: ${statementII}\nWhich one of the following is correct in respect of the above statements?`,
      options,
      answer: OPTION_IDS[keyIndex]!,
      explanation,
    });
  };
  const assertionText = datedStatement(assertion);
  const reasonText = datedStatement(reason);
  const items = [
    make("explains", assertionText, reasonText, [assertion, reason], `Both statements are correct, and Statement-II gives the reason for Statement-I. ${sentence(reasonText)}`),
  ];

  const unrelated = (factsBySubject.get(assertion.subject) ?? []).filter(
    (fact) =>
      fact.id !== assertion.id &&
      fact.id !== reason.id &&
      !explainsLinks.has(`${fact.id}>${assertion.id}`) &&
      !explainsLinks.has(`${assertion.id}>${fact.id}`),
  );
  const falseReason = siblings.falseStatement(reason, random);
  const falseAssertion = siblings.falseStatement(assertion, random);
  const variants: (() => BankItem)[] = [];
  if (falseReason) {
    variants.push(() =>
      make("reason-false", assertionText, falseReason.statement, [assertion, reason], `Statement-I is correct. Statement-II is incorrect: ${sentence(reasonText)}`),
    );
  }
  if (falseAssertion) {
    variants.push(() =>
      make("assertion-false", falseAssertion.statement, reasonText, [assertion, reason], `Statement-I is incorrect: ${sentence(assertionText)} Statement-II is correct.`),
    );
  }
  if (unrelated.length > 0) {
    const other = pick(unrelated, random);
    variants.push(() =>
      make(
        "does-not-explain",
        assertionText,
        datedStatement(other),
        [assertion, other],
        `Both statements are correct, but Statement-II does not explain Statement-I. The sources give this reason for it: ${sentence(reasonText)}`,
      ),
    );
  }
  if (variants.length > 0) items.push(pick(variants, random)());
  return items;
}
