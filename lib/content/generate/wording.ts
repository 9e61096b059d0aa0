import type { Fact, ResolvedValue } from "../check";
import type { LoadedEntity, LoadedRelation } from "../load";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-08-20" and "2024-08" read "August 2024"; "2024" reads "2024". */
export function monthYear(partialDate: string): string {
  const [year, month] = partialDate.split("-");
  return month ? `${MONTHS[Number(month) - 1]} ${year}` : year!;
}

// Words that may lose their capital after "As of August 2024, ": not proper nouns.
const COMMON_OPENERS = new Set([
  ...["The", "A", "An", "It", "Its", "There", "This", "These", "Those", "What", "Which", "When", "Where", "Who", "How"],
  ...["In", "With", "Of", "On", "At", "For", "From", "To", "By", "Since", "Under", "After", "Before", "During", "Through"],
  ...["Both", "Each", "Every", "All", "Some", "Several", "Many", "Most", "Compared", "Regular", "Bilateral", "Their", "Her", "His", "Name"],
]);

/** A sentence made to follow other words: its first word loses its capital unless it is a name. */
export function lowerOpening(sentence: string): string {
  const [first] = sentence.split(" ");
  return first && COMMON_OPENERS.has(first) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
}

export function withLeadingPhrase(phrase: string, sentence: string): string {
  return `${phrase}, ${lowerOpening(sentence)}`;
}

/**
 * A sentence in the past tense ("what was the value of trade in FY 2023-24?", "trade totalled US$ 22.85
 * billion in FY 2023-24"): it tells of a finished
 * time, and "As of August 2024" before it reads wrong in UPSC English.
 */
export function readsAsPast(text: string): boolean {
  // A past auxiliary, or a verb in -ed ("trade totalled"), with no present one beside it ("has joined").
  return /\b(was|were|did|had)\b|\b[a-z]+ed\b/.test(text) && !/\b(is|are|has|have|does|do)\b/i.test(text);
}

// A present verb and its past form: "As of August 2024, India held ..." (the date of record is past).
const PAST_OF: Record<string, string> = {
  is: "was",
  are: "were",
  has: "had",
  have: "had",
  does: "did",
  do: "did",
  holds: "held",
  hold: "held",
  conducts: "conducted",
  remains: "remained",
  ranks: "ranked",
  includes: "included",
};
// Global: a compound sentence ("Japan has joined ..., while India has refused ...") has a present verb in
// each clause, and every one of them goes to the past after "As of <a past month>".
const PRESENT_VERB = new RegExp(`\\b(${Object.keys(PAST_OF).join("|")})\\b`, "gi");

/**
 * The sentence with every present verb in the past ("India holds 2+2 dialogues with four partners" ->
 * "India held ..."; "With how many countries does India hold ...?" -> "... did India hold ...?"): after
 * "As of <a past month>", UPSC English says what was the case then. A sentence with no such verb stands.
 */
export function pastTense(text: string): string {
  return text.replace(PRESENT_VERB, (verb: string, _word: string, offset: number) => {
    // The bare verb after "do"/"does" in its clause ("how many partners does India hold") stays bare once
    // the auxiliary is past ("did India hold").
    if (!/s$/i.test(verb) && /\b(?:do|does|did)\b[^,;]*$/i.test(text.slice(0, offset))) return verb;
    const past = PAST_OF[verb.toLowerCase()]!;
    return /^[A-Z]/.test(verb) ? past.charAt(0).toUpperCase() + past.slice(1) : past;
  });
}

/** "As of <month year>, ..." before a sentence about a state that may change, told in the past; a past sentence stands as it is. */
export function asOf(date: string, text: string): string {
  return readsAsPast(text) ? text : withLeadingPhrase(`As of ${monthYear(date)}`, pastTense(text));
}

/** A fact's statement as questions show it: time-sensitive facts say as of when; one fact, no asides. */
export function datedStatement(fact: Fact, statement = fact.statement): string {
  const plain = withoutAsides(fact, statement);
  return fact.timeSensitive ? asOf(fact.asOf, plain) : plain;
}

const ASIDE = /, (?:whose|which|who|whom) [^,]*,/g;

/**
 * The statement without the relative clauses stitched into it (", whose discussion the third 2+2 built
 * on,"): UPSC states one fact per statement. A clause goes only where the fact's own statement has it as
 * it stands and the value is outside it, so no false variant loses what makes it false.
 */
export function withoutAsides(fact: Pick<Fact, "statement" | "value">, text: string): string {
  return text.replace(ASIDE, (clause) => (fact.statement.includes(clause) && !clause.includes(fact.value.textInStatement) ? "" : clause));
}

// Words a scope may hold beside its name without naming another occasion.
const SCOPE_FILLER = new Set(["the", "a", "an", "of", "meeting", "dialogue", "ministerial", "foreign", "and", "defence"]);

function scopeWords(text: string): string[] {
  return text
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((word) => word && !SCOPE_FILLER.has(word));
}

/** The occasion a statement opens with ("At the third India-Japan 2+2 (New Delhi, August 2024), ..."), and the rest. */
export function openingScope(text: string): { asOf: string; scope: string; rest: string } | undefined {
  const match = /^(As of [^,]+, )?At ((?:[^,(]|\([^)]*\))+), (.+)$/.exec(text);
  return match ? { asOf: match[1] ?? "", scope: match[2]!.trim(), rest: match[3]! } : undefined;
}

/** Whether a statement's opening occasion is the one a stem already names ("With reference to the third ..."). */
export function scopeIsAbout(scope: string, about: string): boolean {
  const aboutWords = new Set(scopeWords(about));
  return scopeWords(scope).every((word) => aboutWords.has(word));
}

/** The statement without the occasion the stem carries: "At the third India-Japan 2+2, the Ministers ..." reads "The Ministers ...". */
export function withoutScope(text: string, about: string): string {
  const opening = openingScope(text);
  if (!opening || !scopeIsAbout(opening.scope, about)) return withoutInnerScope(text, about);
  return withoutInnerScope(opening.asOf ? `${opening.asOf}${opening.rest}` : opening.rest.charAt(0).toUpperCase() + opening.rest.slice(1), about);
}

/**
 * The statement without the stem's occasion named again inside it, under "With reference to the third
 * India-Japan 2+2 ...": "In his opening remarks at the third India-Japan 2+2, ..." reads "In his opening
 * remarks, ..."; "The joint statement of the third India-Japan 2+2 named ..." reads "The joint statement
 * named ..."; "The third India-Japan 2+2 noted ..." reads "The Ministers noted ..."; "... was held ..."
 * reads "The meeting was held ..."; "the day before the third India-Japan 2+2" reads "the day before the
 * meeting". Only a phrase with an edition and two or more of the stem's own words is the occasion: another
 * edition ("the second ...") stays, for it is what a trap changes.
 */
export function withoutInnerScope(text: string, about: string): string {
  const aboutWords = new Set(scopeWords(about));
  const ministerial = /ministerial/i.test(about);
  const isOccasion = (phrase: string) => {
    const named = scopeWords(phrase);
    return named.length >= 2 && named.every((word) => aboutWords.has(word)) && /^(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\b/i.test(phrase);
  };
  // Every "the ..." is a possible start (the words after it are looked at, not consumed), so "The joint
  // statement of the third ..." still finds "of the third ...".
  const starts = /(^|[\s(])(at |of )?([Tt]he) (?=((?:[^\s,.;:()]+ ?)+))/g;
  let result = "";
  let done = 0;
  for (const match of text.matchAll(starts)) {
    const [opening, lead, link, the, words] = match as unknown as [string, string, string | undefined, string, string];
    if (match.index < done) continue;
    const tokens = words.trim().split(" ");
    for (let length = tokens.length; length >= 2; length--) {
      const phrase = tokens.slice(0, length).join(" ");
      if (!isOccasion(phrase)) continue;
      const rest = tokens.slice(length).join(" ");
      const end = match.index + opening.length + tokens.slice(0, length).join(" ").length;
      let replacement: string;
      // "at the third ...," goes with its space; "of the third ... named" leaves "named".
      if (link) replacement = "";
      else {
        const actors = lead === "" && the === "The" && ministerial && /^[a-z]+ed\b/.test(rest) ? "The Ministers" : `${the} meeting`;
        // A sentence already about another meeting ("The meeting of Prime Minister Modi ... before the third
        // 2+2") would read "... meeting ... before the meeting": the occasion keeps its name there.
        if (actors.endsWith("meeting") && /\bmeeting\b/i.test(text.slice(0, match.index) + " " + text.slice(end))) break;
        replacement = `${lead}${actors}`;
      }
      result += text.slice(done, match.index) + replacement;
      done = end;
      break;
    }
  }
  return result + text.slice(done);
}

/**
 * A template with "{subject}" filled in, with the definite article where the entity takes one and the
 * template has none: "Where was {subject} held?" with the Quad reads "Where was the Quad held?".
 */
export function fillSubject(template: string, subject: Pick<LoadedEntity, "name" | "article"> | string): string {
  const entity = typeof subject === "string" ? { name: subject, article: undefined } : subject;
  // "the {subject}" and "the ‘{subject}’" already have their article.
  return template.replace(/(\b[Tt]he [‘'"“]?)?\{subject\}/g, (whole, article: string | undefined, offset: number) => {
    if (article || entity.article !== "the") return whole.replace("{subject}", entity.name);
    return `${offset === 0 ? "The" : "the"} ${entity.name}`;
  });
}

/** The question whose answer is the fact's value. */
export function questionFor(fact: Fact, relation: LoadedRelation, subject?: LoadedEntity): string {
  // An authored question drops the asides its statement drops ("..., whose discussion the 2+2 built on, ...").
  const question = fact.question ? withoutAsides(fact, fact.question) : fillSubject(relation.question, subject ?? fact.subjectName);
  return fact.timeSensitive ? asOf(fact.asOf, question) : question;
}

/** How a value reads in running text: an entity that takes "the" gets it. */
export function valueInSentence(value: Pick<ResolvedValue, "text" | "entityId">, entities: ReadonlyMap<string, LoadedEntity>): string {
  const entity = value.entityId ? entities.get(value.entityId) : undefined;
  return entity?.article === "the" ? `the ${entity.name}` : value.text;
}

/**
 * The statement with its value replaced: the value must occur in it (the checker makes sure). Articles
 * follow the replacement: "an India-led" becomes "a China-led", and "The United States is" becomes
 * "Japan is" (the replacement brings its own "the" where it takes one, capitalised at a sentence start).
 */
export function replaceValue(statement: string, valueInStatement: string, replacement: string): string {
  const at = statement.indexOf(valueInStatement);
  let before = statement.slice(0, at);
  let text = replacement;
  if (replacement !== BLANK) {
    const definite = /\b(the|The) $/.exec(before);
    if (definite && /^the /i.test(replacement)) before = before.slice(0, before.length - definite[0].length);
    else if (definite && /^[A-Z]/.test(replacement) && /^[A-Z]/.test(valueInStatement)) before = before.slice(0, before.length - definite[0].length);
    const article = /\b(a|an|A|An) $/.exec(before);
    if (article) {
      const vowel = /^[aeiouAEIOU]/.test(replacement) && !/^(U[A-Z]|Eu|One|one)/.test(replacement);
      const wanted = vowel ? "an" : "a";
      const cased = article[1]![0] === "A" ? wanted[0]!.toUpperCase() + wanted.slice(1) : wanted;
      before = before.slice(0, before.length - article[0].length) + `${cased} `;
    }
    if (before === "" || /[.:;!?]\s$/.test(before)) text = text.charAt(0).toUpperCase() + text.slice(1);
  }
  return before + text + statement.slice(at + valueInStatement.length);
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

// Words that end a description's head phrase: "a bilateral naval exercise | between India and Japan".
const AFTER_HEAD = /^(of|for|under|between|on|at|in|to|by|with|that|which|who|launched|announced|hosted|held|signed|set|adopted|created)$/;

/**
 * The thing a description says its subject is: its head noun ("a bilateral naval exercise between India
 * and Japan" is an "exercise", "a Japanese initiative, announced in 2015, ..." an "initiative"). Options of
 * one best-description item share it, so none stands out as another kind of thing.
 */
export function descriptionHead(description: string): string {
  const words = description.trim().split(/\s+/);
  let head = words[0] ?? "";
  for (const word of words) {
    const bare = word.replace(/[,;:.]$/, "");
    if (AFTER_HEAD.test(bare.toLowerCase())) break;
    head = bare;
    if (bare !== word) break;
  }
  return head.toLowerCase().replace(/s$/, "");
}
