import type { Fact } from "../check";
import type { LoadedRelation } from "../load";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-08-20" and "2024-08" read "August 2024"; "2024" reads "2024". */
export function monthYear(partialDate: string): string {
  const [year, month] = partialDate.split("-");
  return month ? `${MONTHS[Number(month) - 1]} ${year}` : year!;
}

// Words that may lose their capital after "As of August 2024, ": not proper nouns.
const COMMON_OPENERS = new Set(["The", "A", "An", "It", "There", "This", "These", "What", "Which", "When", "Where", "Who", "How", "In", "With", "Of", "On", "At", "For", "From", "To", "By", "Since", "Under"]);

function withLeadingPhrase(phrase: string, sentence: string): string {
  const [first] = sentence.split(" ");
  const rest = first && COMMON_OPENERS.has(first) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
  return `${phrase}, ${rest}`;
}

/** A fact's statement as questions show it: time-sensitive facts say as of when. */
export function datedStatement(fact: Fact, statement = fact.statement): string {
  return fact.timeSensitive ? withLeadingPhrase(`As of ${monthYear(fact.asOf)}`, statement) : statement;
}

/** The question whose answer is the fact's value. */
export function questionFor(fact: Fact, relation: LoadedRelation): string {
  const question = fact.question ?? relation.question.replaceAll("{subject}", fact.subjectName);
  return fact.timeSensitive ? withLeadingPhrase(`As of ${monthYear(fact.asOf)}`, question) : question;
}

/**
 * The statement with its value replaced: the value must occur in it (the checker makes sure). An
 * article just before the value follows the replacement: "an India-led" becomes "a China-led".
 */
export function replaceValue(statement: string, valueInStatement: string, replacement: string): string {
  const at = statement.indexOf(valueInStatement);
  let before = statement.slice(0, at);
  if (replacement !== BLANK) {
    const article = /\b(a|an|A|An) $/.exec(before);
    if (article) {
      const vowel = /^[aeiouAEIOU]/.test(replacement) && !/^(U[A-Z]|Eu|One|one)/.test(replacement);
      const wanted = vowel ? "an" : "a";
      const cased = article[1]![0] === "A" ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted;
      before = before.slice(0, before.length - article[0].length) + `${cased} `;
    }
  }
  return before + replacement + statement.slice(at + valueInStatement.length);
}

export const BLANK = "_____";

export function statementWithBlank(fact: Fact): string {
  return datedStatement(fact, replaceValue(fact.statement, fact.value.textInStatement, BLANK));
}

export const OPTION_IDS = ["a", "b", "c", "d"] as const;

export function numbered(lines: readonly string[]): string {
  return lines.map((line, index) => `${index + 1}. ${line}`).join("\n");
}

export function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
