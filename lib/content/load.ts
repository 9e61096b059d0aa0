import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { TOPIC_SEPARATOR } from "./topic-path";
import {
  completeListSchema,
  documentMetaSchema,
  entitySchema,
  factFileSchema,
  factSchema,
  relationSchema,
  type CompleteList,
  type DocumentMeta,
  type Entity,
  type FactInput,
  type Relation,
} from "./schema";
import { parseYamlWithPositions, type PositionedYaml } from "./yaml-positions";

const listSchema = z.array(z.unknown(), { error: "expected a list of entries (each starting with \"- id:\")" });

/** One problem in the content, located precisely enough for an author to fix it. */
export type ContentError = { file: string; line: number; field: string; message: string };

/** Where a thing was written: its file, first line, and a way to find the line and full name of one of its fields. */
export type Located = { file: string; line: number; lineOf(field: string): number; fieldName(field: string): string };

export type SourceDocument = DocumentMeta & { text: string; lines: string[]; located: Located };
export type LoadedEntity = Entity & { located: Located };
export type LoadedRelation = Relation & { located: Located };
export type LoadedFact = FactInput & { topic: string; about?: string; located: Located };
export type LoadedList = CompleteList & { located: Located };

export type LoadedContent = {
  root: string;
  documents: SourceDocument[];
  entities: LoadedEntity[];
  relations: LoadedRelation[];
  facts: LoadedFact[];
  lists: LoadedList[];
  errors: ContentError[];
};

/**
 * Reads every content file under `root` and validates each against its zod schema. Files that parse are
 * kept even when others fail, so that one run reports every error in the content.
 */
export function loadContent(root: string): LoadedContent {
  const content: LoadedContent = { root, documents: [], entities: [], relations: [], facts: [], lists: [], errors: [] };
  const relative = (file: string) => path.relative(process.cwd(), file) || file;

  for (const file of yamlFiles(path.join(root, "sources"))) {
    const parsed = readYaml(file, relative(file), content.errors);
    if (!parsed) continue;
    const meta = validate(documentMetaSchema, parsed.yaml.data, [], relative(file), parsed.yaml, content.errors);
    if (!meta) continue;
    const expectedId = path.basename(file, path.extname(file));
    if (meta.id !== expectedId) {
      content.errors.push({ file: relative(file), line: parsed.yaml.lineOf(["id"]), field: "id", message: `must equal the file name "${expectedId}"` });
    }
    const textFile = file.replace(/\.ya?ml$/, ".txt");
    if (!fs.existsSync(textFile)) {
      content.errors.push({ file: relative(file), line: 1, field: "id", message: `the document text ${relative(textFile)} is missing` });
      continue;
    }
    const text = fs.readFileSync(textFile, "utf8");
    content.documents.push({ ...meta, text, lines: text.split(/\r?\n/), located: located(relative(file), parsed.yaml, []) });
  }

  // Entries are validated one by one, so that one bad entry does not hide the rest of its file.
  for (const file of yamlFiles(path.join(root, "entities"))) {
    const parsed = readYaml(file, relative(file), content.errors);
    const entries = parsed && validate(listSchema, parsed.yaml.data, [], relative(file), parsed.yaml, content.errors);
    entries?.forEach((raw, index) => {
      const entity = validate(entitySchema, raw, [index], relative(file), parsed!.yaml, content.errors);
      if (entity) content.entities.push({ ...entity, located: located(relative(file), parsed!.yaml, [index]) });
    });
  }

  for (const file of yamlFiles(path.join(root, "relations"))) {
    const parsed = readYaml(file, relative(file), content.errors);
    const entries = parsed && validate(listSchema, parsed.yaml.data, [], relative(file), parsed.yaml, content.errors);
    entries?.forEach((raw, index) => {
      const relation = validate(relationSchema, raw, [index], relative(file), parsed!.yaml, content.errors);
      if (relation) content.relations.push({ ...relation, located: located(relative(file), parsed!.yaml, [index]) });
    });
  }

  for (const file of yamlFiles(path.join(root, "facts"))) {
    const parsed = readYaml(file, relative(file), content.errors);
    const factFile = parsed && validate(factFileSchema, parsed.yaml.data, [], relative(file), parsed.yaml, content.errors);
    if (!factFile) continue;
    factFile.facts.forEach((raw, index) => {
      const fact = validate(factSchema, raw, ["facts", index], relative(file), parsed!.yaml, content.errors);
      if (!fact) return;
      const where = located(relative(file), parsed!.yaml, ["facts", index]);
      const topic = fact.topic ?? factFile.topic;
      if (!topic) {
        content.errors.push({ file: where.file, line: where.line, field: `facts[${index}].topic`, message: "no topic: give the fact a topic or the file a default topic" });
        return;
      }
      content.facts.push({ ...fact, topic: normaliseTopic(topic), about: factFile.about, located: where });
    });
  }

  for (const file of yamlFiles(path.join(root, "lists"))) {
    const parsed = readYaml(file, relative(file), content.errors);
    const entries = parsed && validate(listSchema, parsed.yaml.data, [], relative(file), parsed.yaml, content.errors);
    entries?.forEach((raw, index) => {
      const list = validate(completeListSchema, raw, [index], relative(file), parsed!.yaml, content.errors);
      if (list) content.lists.push({ ...list, located: located(relative(file), parsed!.yaml, [index]) });
    });
  }
  return content;
}

export function normaliseTopic(topic: string): string {
  return topic
    .split(">")
    .map((part) => part.trim())
    .filter(Boolean)
    .join(TOPIC_SEPARATOR);
}

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

function readYaml(file: string, shown: string, errors: ContentError[]): { yaml: PositionedYaml } | undefined {
  const yaml = parseYamlWithPositions(fs.readFileSync(file, "utf8"));
  if (yaml.syntaxErrors.length === 0) return { yaml };
  for (const error of yaml.syntaxErrors) errors.push({ file: shown, line: error.line, field: "(yaml)", message: error.message });
  return undefined;
}

function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  basePath: (string | number)[],
  file: string,
  yaml: PositionedYaml,
  errors: ContentError[],
): z.infer<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const fullPath = [...basePath, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))];
    errors.push({ file, line: yaml.lineOf(fullPath), field: fieldName(fullPath) || "(file)", message: issue.message });
  }
  return undefined;
}

/** A readable field path: facts[3].sources[0].quote. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.reduce<string>((name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${key}` : key), "");
}

function located(file: string, yaml: PositionedYaml, basePath: (string | number)[]): Located {
  return {
    file,
    line: yaml.lineOf(basePath),
    lineOf: (field: string) => yaml.lineOf([...basePath, ...parseFieldPath(field)]),
    fieldName: (field: string) => fieldName([...basePath, ...parseFieldPath(field)]),
  };
}

function parseFieldPath(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== "")
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
