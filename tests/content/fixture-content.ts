import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A small, valid content folder: every test breaks one thing in a copy of it. */
export const VALID_FILES: Record<string, string> = {
  "sources/statement-2024.txt": [
    "Joint Statement",
    "  1. The ministers met in New Delhi on 20 August 2024.",
    "  2. The ministers welcomed exercise Veer Guardian between the air forces.",
    "  3. India now holds 2+2 dialogues with six partners.",
  ].join("\n"),
  "sources/statement-2024.yaml": [
    "id: statement-2024",
    "title: A joint statement",
    "publisher: Ministry",
    "kind: official-statement",
    "eventsDate: 2024-08-20",
    "paragraphs: numbered",
  ].join("\n"),
  "sources/notes-2022.txt": ["Notes", "India has 2+2 dialogues with four partners.", "JIMEX is a naval exercise."].join("\n"),
  "sources/notes-2022.yaml": ["id: notes-2022", "title: Notes", "publisher: Coaching", "kind: exam-notes", "eventsDate: 2022-09"].join("\n"),
  "entities/core.yaml": [
    "- id: india",
    "  type: country",
    "  name: India",
    "- id: new-delhi",
    "  type: place",
    "  name: New Delhi",
    "- id: tokyo",
    "  type: place",
    "  name: Tokyo",
    "- id: meeting",
    "  type: event",
    "  name: third meeting",
    "- id: veer-guardian",
    "  type: exercise",
    "  name: Veer Guardian",
    "- id: jimex",
    "  type: exercise",
    "  name: JIMEX",
    "- id: air-force",
    "  type: armed-service",
    "  name: Air Force",
    "  aliases: [air forces]",
    "- id: navy",
    "  type: armed-service",
    "  name: Navy",
    "  aliases: [naval]",
  ].join("\n"),
  "relations/core.yaml": [
    "- id: venue",
    "  label: venue",
    "  valueType: place",
    "  cardinality: one",
    '  question: "Where was the {subject} held?"',
    "- id: armed-service",
    "  label: armed service",
    "  valueType: armed-service",
    "  cardinality: one",
    '  question: "Which service conducts {subject}?"',
    "  pairColumns: [Exercise, Service]",
    "- id: partner-count",
    "  label: number of 2+2 partners",
    "  valueType: number",
    "  cardinality: one",
    '  question: "With how many partners does {subject} hold 2+2 dialogues?"',
  ].join("\n"),
  "facts/meeting.yaml": [
    "topic: International Relations > India-Japan",
    "facts:",
    "  - id: meeting-venue",
    "    statement: The third meeting was held in New Delhi.",
    "    asOf: 2024-08-20",
    "    subject: meeting",
    "    relation: venue",
    "    value: { entity: new-delhi }",
    "    sources:",
    "      - doc: statement-2024",
    "        locator: para 1",
    "        quote: The ministers met in New Delhi",
    "  - id: veer-guardian-service",
    "    statement: Veer Guardian is an exercise of the air forces.",
    "    asOf: 2024-08-20",
    "    subject: veer-guardian",
    "    relation: armed-service",
    "    value: { entity: air-force }",
    "    sources:",
    "      - doc: statement-2024",
    "        locator: para 2",
    "        quote: exercise Veer Guardian between the air forces",
    "  - id: jimex-service",
    "    statement: JIMEX is a naval exercise.",
    "    asOf: 2022-09",
    "    subject: jimex",
    "    relation: armed-service",
    "    value: { entity: navy }",
    "    explains: [veer-guardian-service]",
    "    sources:",
    "      - doc: notes-2022",
    "        locator: line 3",
    "        quote: JIMEX is a naval exercise.",
    "  - id: partners-2022",
    "    statement: India holds 2+2 dialogues with four partners.",
    "    asOf: 2022-09",
    "    timeSensitive: true",
    "    subject: india",
    "    relation: partner-count",
    "    value: { type: number, text: four }",
    "    sources:",
    "      - doc: notes-2022",
    "        locator: line 2",
    "        quote: India has 2+2 dialogues with four partners.",
    "  - id: partners-2024",
    "    statement: India holds 2+2 dialogues with six partners.",
    "    asOf: 2024-08-20",
    "    timeSensitive: true",
    "    subject: india",
    "    relation: partner-count",
    "    value: { type: number, text: six }",
    "    sources:",
    "      - doc: statement-2024",
    "        locator: para 3",
    "        quote: India now holds 2+2 dialogues with six partners.",
  ].join("\n"),
};

/** Writes the valid content with some files replaced or added, into a new temporary folder. */
export function writeContent(overrides: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "smriti-content-"));
  for (const [file, text] of Object.entries({ ...VALID_FILES, ...overrides })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), `${text}\n`);
  }
  return root;
}

/** The valid facts file with one line changed: `from` must occur in it exactly once. */
export function factsWith(from: string, to: string): Record<string, string> {
  const text = VALID_FILES["facts/meeting.yaml"]!;
  if (text.split(from).length !== 2) throw new Error(`"${from}" must occur once in the fixture`);
  return { "facts/meeting.yaml": text.replace(from, to) };
}
