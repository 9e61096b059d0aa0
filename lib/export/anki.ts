import "server-only";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { RECALL_TYPES } from "@/lib/practice/items";
import { pages } from "./pages";

/**
 * Anki's plain-text import (File > Import): tab-separated front, back and tags, announced by header
 * lines so that Anki needs no questions (https://docs.ankiweb.net/importing/text-files.html).
 */
export const ANKI_HEADER = "#separator:tab\n#html:false\n#tags column:3\n";

export type AnkiItem = { id: string; type: string; topic: string; prompt: string; options: string; answer: string; explanation: string };

export type AnkiNote = { front: string; back: string; tags: string[] };

type Option = { id: string; text: string };

/**
 * A bank item as a note. Front: the prompt, then the options one per line as "(a) text". Back: the
 * answer (with its option's text when the answer names an option), a blank line and the explanation.
 * Tags: smriti, the topic and the item's format, as Anki hierarchical tags without spaces: the topic's
 * levels ("International Relations > India-Japan") become levels of the tag, joined by "::"
 * (smriti::topic::International_Relations::India-Japan), so Anki's browser shows them as a tree.
 */
export function ankiNote(item: AnkiItem): AnkiNote {
  const options = JSON.parse(item.options) as Option[];
  const front = [item.prompt, ...options.map((option) => `(${option.id}) ${option.text}`)].join("\n");
  const chosen = options.find((option) => option.id === item.answer);
  const answer = chosen ? `(${chosen.id}) ${chosen.text}` : item.answer;
  const back = item.explanation ? `${answer}\n\n${item.explanation}` : answer;
  return { front, back, tags: ["smriti", `smriti::topic::${topicTag(item.topic)}`, `smriti::format::${tagWord(item.type)}`] };
}

/** Anki separates tags by spaces, so a tag keeps its words joined by underscores; "::" only ever separates levels. */
function tagWord(text: string): string {
  return text.trim().replace(/\s+/g, "_").replace(/:{2,}/g, ":");
}

/** A topic's " > " levels as the levels of an Anki tag; empty levels are dropped. */
function topicTag(topic: string): string {
  return topic.split(">").map(tagWord).filter(Boolean).join("::");
}

/** One line of the file. Fields with a tab, line break or quote, or starting with #, are quoted as in CSV. */
export function ankiLine(note: AnkiNote): string {
  return `${[note.front, note.back, note.tags.join(" ")].map(ankiField).join("\t")}\n`;
}

function ankiField(text: string): string {
  return /[\t\r\n"]/.test(text) || text.startsWith("#") ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The active bank, or one topic of it, as an Anki text file for a user, read a page at a time: the
 * recall items (flashcards and clozes), and only those quiz questions the user has already answered
 * (or skipped) in a quiz, whose keys they have seen; any other would give away a quiz's answers. A
 * topic with no such item is a NotFoundError, found before anything is written.
 */
export async function* ankiText(db: Db, userId: string, topic: string | undefined): AsyncGenerator<string> {
  const where = {
    retiredAt: null,
    ...(topic !== undefined && { topic }),
    OR: [{ type: { in: RECALL_TYPES } }, { questions: { some: { answeredAt: { not: null }, quiz: { userId } } } }],
  };
  if (topic !== undefined && (await db.bankItem.count({ where })) === 0) {
    throw new NotFoundError(`The bank has no question on the topic "${topic}".`);
  }
  yield ANKI_HEADER;
  const itemPages = pages((last: { id: string } | undefined, size) =>
    db.bankItem.findMany({
      where: { ...where, ...(last && { id: { gt: last.id } }) },
      orderBy: { id: "asc" },
      take: size,
      select: { id: true, type: true, topic: true, prompt: true, options: true, answer: true, explanation: true },
    }),
  );
  for await (const page of itemPages) yield page.map((item) => ankiLine(ankiNote(item))).join("");
}
