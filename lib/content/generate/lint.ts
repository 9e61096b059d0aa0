import { RECALL_ITEM_TYPES, type BankItem } from "../bank";
import type { LoadedEntity } from "../load";
import { combinationText, namesItsMatch, opensWithBlank, readsAsName, relativeName, spelledByInitials } from "./formats";
import { descriptionHead } from "./wording";

/** A mechanical defect in a generated item: the build fails on any. */
export type LintProblem = { itemId: string; rule: LintRule; message: string };

export type LintRule =
  | "doubled-word"
  | "article-before-name"
  | "several-keys"
  | "initials-giveaway"
  | "answer-in-stem"
  | "option-kind"
  | "implausible-year"
  | "repeated-statement"
  | "key-not-among-options"
  | "template-seam"
  | "open-recall"
  | "relative-name"
  | "circular-explanation";

/** What the linter needs to know of the content: the entities, to read names and their articles. */
export type LintContext = { entities: Iterable<Pick<LoadedEntity, "name" | "aliases" | "type" | "article">> };

const CHOICE_OF_A_VALUE = new Set(["mcq", "best-description"]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The numbered lines of a prompt: statements, pairs, list entries or events. */
function numberedLines(prompt: string): string[] {
  return prompt
    .split("\n")
    .filter((line) => /^\d+\. /.test(line))
    .map((line) => line.replace(/^\d+\. /, ""));
}

/**
 * Checks a bank for the mechanical defects a paper-setter would strike out at sight. It cannot judge
 * truth or near-miss quality (people do that); it makes sure no template seam, giveaway or broken key
 * reaches a learner.
 */
export function lintBank(items: readonly BankItem[], context: LintContext): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (item: BankItem, rule: LintRule, message: string) => problems.push({ itemId: item.id, rule, message });
  const entities = [...context.entities];
  const spellings = entities.flatMap((entity) => [entity.name, ...entity.aliases]);
  const entityNames = new Set(spellings.map((spelling) => spelling.toLowerCase()));
  const typeByName = new Map(entities.flatMap((entity) => [entity.name, ...entity.aliases].map((name) => [name.toLowerCase(), entity.type] as const)));
  // Names that read without "the": countries and people unless the entity says otherwise.
  const bareNames = entities.filter((entity) => entity.article !== "the" && (entity.type === "country" || entity.type === "person")).map((entity) => entity.name);

  for (const item of items) {
    const shown = [item.prompt, ...item.options.map((option) => option.text)];
    const text = shown.join("\n");

    // "to to", and "the ‘the" across an opening quote mark.
    for (const match of text.matchAll(/\b(\w+)\s+[‘'"“(]?\1\b/gi)) {
      if (!/^\d+$/.test(match[1]!)) report(item, "doubled-word", `"${match[0]}"`);
    }

    for (const name of bareNames) {
      for (const match of text.matchAll(new RegExp(`\\b[Tt]he ${escapeRegExp(name)}(?![\\w-])`, "g"))) {
        const at = match.index + match[0].length - name.length;
        // "the Japan Air Self-Defense Force" names something else that starts with "Japan".
        const longer = spellings.some((spelling) => spelling.length > name.length && spelling.startsWith(name) && text.startsWith(spelling, at));
        if (!longer) report(item, "article-before-name", `"${match[0]}": ${name} takes no article`);
      }
    }

    const seams = [
      [/\{\w+\}/, "an unfilled template slot"],
      [/ {2,}/, "a double space"],
      [/ [,.;:?]/, "a space before punctuation"],
      [/\bWho take\b/, "subject-verb agreement (Who take)"],
      [/ > /, "a topic label pasted into the text"],
      [/\.\./, "a doubled full stop"],
    ] as const;
    for (const [pattern, what] of seams) if (pattern.test(text)) report(item, "template-seam", `${what}: "${pattern.exec(text)![0]}"`);
    const pairValues = numberedLines(item.prompt).flatMap((line) => line.split(" — ").slice(1));
    for (const line of [...numberedLines(item.prompt), ...pairValues, ...item.options.map((option) => option.text)]) {
      if (/^[a-z]/.test(line) && !/^(e\.g\.|i\.e\.)/.test(line)) report(item, "template-seam", `starts in lower case: "${line}"`);
    }

    if (item.type === "match-pairs") {
      for (const row of numberedLines(item.prompt)) {
        const [left, right] = row.split(" — ");
        if (left && right && namesItsMatch(left, right)) report(item, "answer-in-stem", `the pair "${row}" names its own match`);
      }
    }

    const lines = numberedLines(item.prompt).map((line) => line.toLowerCase());
    if (new Set(lines).size !== lines.length) report(item, "repeated-statement", "a numbered line appears twice");

    if (!RECALL_ITEM_TYPES.includes(item.type)) {
      const ids = item.options.map((option) => option.id);
      const texts = item.options.map((option) => option.text.toLowerCase());
      if (!ids.includes(item.answer)) report(item, "key-not-among-options", `the key "${item.answer}" is not an option`);
      if (new Set(texts).size !== texts.length) report(item, "key-not-among-options", "two options read the same");
      const keyed = keyFromExplanation(item);
      const keyText = item.options.find((option) => option.id === item.answer)?.text;
      if (keyed !== undefined && keyText !== undefined && keyed !== keyText) {
        report(item, "key-not-among-options", `the explanation makes the answer "${keyed}", the key is "${keyText}"`);
      }
    }

    if (CHOICE_OF_A_VALUE.has(item.type)) {
      const key = item.options.find((option) => option.id === item.answer);
      if (key) {
        const others = item.options.filter((option) => option !== key);
        if (spelledByInitials(item.prompt, key.text) && !others.some((option) => spelledByInitials(item.prompt, option.text))) {
          report(item, "initials-giveaway", `the stem spells "${key.text}" by its initials`);
        }
        // "India-Japan" in a stem gives nothing away; "Japan" standing alone for a key of Japan does.
        if (key.text.length >= 4 && new RegExp(`(?<![\\w-])${escapeRegExp(key.text)}(?![\\w-])`, "i").test(item.prompt)) {
          report(item, "answer-in-stem", `the stem contains the key "${key.text}"`);
        }
        // Unknown free text fits beside anything but a year or a number; known kinds must all agree.
        const kinds = item.options.map((option) => optionKind(option.text, typeByName));
        const known = new Set(kinds.filter((kind) => kind !== "text"));
        const numeric = known.has("year") || known.has("number");
        if (known.size > 1 || (numeric && kinds.includes("text"))) report(item, "option-kind", `options of different kinds: ${[...new Set(kinds)].join(", ")}`);
        const asOfYear = Number((item.asOf ?? "9999").slice(0, 4));
        const keyYear = /^\d{4}$/.test(key.text) ? Number(key.text) : undefined;
        if (keyYear !== undefined && keyYear <= asOfYear) {
          for (const option of others) {
            if (/^\d{4}$/.test(option.text) && Number(option.text) > asOfYear) report(item, "implausible-year", `${option.text} is after the item's date (${item.asOf})`);
          }
        }
      }
    }

    if (item.type === "best-description") {
      const heads = new Set(item.options.map((option) => descriptionHead(option.text)));
      if (heads.size > 1) report(item, "option-kind", `the options describe different kinds of thing: ${[...heads].join(", ")}`);
    }

    if (item.type === "chronology") {
      for (const event of numberedLines(item.prompt)) if (relativeName(event)) report(item, "relative-name", `"${event}" is named against another version of it`);
    }

    // Statement-II explains Statement-I "because it explains it" teaches nothing: the feedback names both facts.
    if (item.type === "assertion-reason") {
      const statements = [...item.prompt.matchAll(/^Statement-(?:I|II): (.*)$/gm)].map((match) => match[1]!.replace(/\.$/, ""));
      const missing = statements.filter((statement) => !item.explanation.toLowerCase().includes(statement.toLowerCase()));
      if (item.answer === "a" && missing.length > 0) report(item, "circular-explanation", `the explanation does not state "${missing[0]}"`);
    }

    // A recall card has one short right answer; a description, a purpose or a predicate has many wordings.
    if (RECALL_ITEM_TYPES.includes(item.type) && !/^(As of [^,]+, )?Name the /.test(item.prompt)) {
      if (/\bhow (is|are|was|were|has|have)\b.*\bdescribed\b|\bwhat is the purpose\b|^what is [^?]*\?$/i.test(item.prompt)) {
        report(item, "open-recall", `"${item.prompt}" asks for a description, which many answers fit`);
      } else if (!readsAsName(item.answer) && !entityNames.has(item.answer.toLowerCase()) && !/\bstands? for\b/.test(item.prompt)) {
        report(item, "open-recall", `the answer "${item.answer}" is no name, number or date: other wordings are as right`);
      }
    }

    if (item.type === "cloze") {
      const rest = item.prompt.replace("_____", " ");
      if (new RegExp(`\\b${escapeRegExp(item.answer)}\\b`, "i").test(rest)) report(item, "answer-in-stem", `the answer "${item.answer}" stands in the sentence`);
      if (spelledByInitials(rest, item.answer)) report(item, "initials-giveaway", `the sentence spells "${item.answer}" by its initials`);
      if (/\b(a|an|A|An) _____/.test(item.prompt)) report(item, "answer-in-stem", `"a"/"an" before the blank gives away how the answer begins`);
      if (opensWithBlank(item.prompt)) report(item, "open-recall", "the blank is the sentence's subject, which other words fill as well");
    }
  }

  // One prompt, one key: a recall card whose prompt another card shares with another answer is ambiguous.
  const answersByPrompt = new Map<string, Set<string>>();
  for (const item of items.filter((item) => RECALL_ITEM_TYPES.includes(item.type))) {
    const prompt = item.prompt.trim().toLowerCase();
    answersByPrompt.set(prompt, (answersByPrompt.get(prompt) ?? new Set()).add(item.answer.trim().toLowerCase()));
  }
  for (const item of items.filter((item) => RECALL_ITEM_TYPES.includes(item.type))) {
    const answers = answersByPrompt.get(item.prompt.trim().toLowerCase())!;
    if (answers.size > 1) report(item, "several-keys", `the prompt has ${answers.size} different answers in the bank: ${[...answers].join(" / ")}`);
  }
  return problems;
}

/** What kind of thing an option is: a year, a number, an entity's type, or free text. */
function optionKind(text: string, typeByName: ReadonlyMap<string, string>): string {
  if (/^\d{4}$/.test(text)) return "year";
  if (/^\d+(\.\d+)?$/.test(text) || /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i.test(text)) return "number";
  return typeByName.get(text.toLowerCase()) ?? "text";
}

/**
 * The answer the item's own explanation implies, for the statement and pair formats ("Statement 2 is
 * incorrect"), or undefined for formats whose explanation does not say statement by statement.
 */
function keyFromExplanation(item: BankItem): string | undefined {
  const verdicts = [...item.explanation.matchAll(/\b(?:Statement|Pair) (\d+) is (correct|incorrect|correctly matched|incorrectly matched)\b/g)];
  if (verdicts.length === 0) return undefined;
  const total = numberedLines(item.prompt).length;
  if (verdicts.length !== total) return `${verdicts.length} verdicts for ${total} lines`;
  const right = verdicts.filter((verdict) => verdict[2] === "correct" || verdict[2] === "correctly matched").map((verdict) => verdict[1]!);
  if (item.type === "statements-which") return combinationText(right, total);
  if (item.type === "statements-how-many" || item.type === "match-pairs") {
    if (right.length === 0) return "None";
    if (right.length === total) return total === 3 ? "All three" : "All four";
    return ["Only one", "Only two", "Only three"][right.length - 1];
  }
  return undefined;
}
