export type OptionMark = { className: "option-key" | "option-wrong"; glyph: string; label: string };

/** How an option of an answered question is marked: in colour (the class) and in words anyone can see. */
export function optionMark(optionId: string, result: { key: string; chosenOptionId: string | null } | null): OptionMark | null {
  if (!result) return null;
  if (optionId === result.key) return { className: "option-key", glyph: "✓", label: optionId === result.chosenOptionId ? "Your answer: right" : "Correct answer" };
  if (optionId === result.chosenOptionId) return { className: "option-wrong", glyph: "✗", label: "Your answer: wrong" };
  return null;
}
