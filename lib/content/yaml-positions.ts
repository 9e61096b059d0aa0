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
    syntaxErrors: doc.errors.map((error) => ({ line: lineAt(error.pos[0]), message: error.message.split("\n")[0]! })),
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return lineAt(node.range[0]);
      }
      return 1;
    },
  };
}
