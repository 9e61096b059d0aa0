/** The anchor of a locator on the document page: "lines 12-14" -> "line-12", "para 3" -> "para-3". */
export function locatorAnchor(locator: string): string {
  const match = /^(para|lines?) (\d+)/.exec(locator);
  return match ? `${match[1] === "para" ? "para" : "line"}-${match[2]}` : "";
}
