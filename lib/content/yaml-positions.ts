import { isNode, LineCounter, parseDocument, type Document } from "yaml";

export type PositionedYaml = {
  data: unknown;
  /** The 1-based line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number;
  syntaxErrors: { line: number; message: string }[];
};

/** Parses YAML keeping positions, so that validation errors can name the line of the field at fault. */
export function parseYamlWithPositions(text: string): PositionedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line || 1;
  return {
    data: doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 50 }),
    syntaxErrors: doc.errors.map((error) => ({ line: lineAt(error.pos[0]), message: plainWords(error.code, error.message.split("\n")[0]!) })),
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return lineAt(node.range[0]);
      }
      return 1;
    },
  };
}

// What an author should do, for the YAML mistakes authors make: most come from a value with ": " in it,
// a value that starts or ends with quote marks, or indentation.
const ADVICE: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a value contains ": " (a colon and a space): put the whole value in double quotes, e.g. statement: "The Ministers noted: ..."',
  MULTILINE_IMPLICIT_KEY: "a line is indented as if it continued the one above: align it with its neighbours, or put a long value in double quotes",
  UNEXPECTED_TOKEN: 'a value starts with a quoted part and goes on after the closing quote: put the whole value in double quotes and write inner double quotes as \\" (or use single quotes inside)',
  TAB_AS_INDENT: "indent with spaces, not tabs",
  BAD_INDENT: "the indentation is off, or a [ or { is not closed on the same line: indent fields of an entry by the same number of spaces and close brackets",
  BAD_SCALAR_START: "a value starts with a character YAML reserves (@ or `): put the value in double quotes",
  DUPLICATE_KEY: "a field is written twice in one entry: keep one",
  MISSING_CHAR: 'a line has no "field: value" shape: check for a missing colon, or put the value in double quotes',
};

function plainWords(code: string, message: string): string {
  const advice = ADVICE[code];
  return advice ? `${advice} (YAML: ${message})` : message;
}
