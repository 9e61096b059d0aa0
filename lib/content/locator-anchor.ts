/** The anchor of a locator on the document page: "lines 12-14" -> "line-12", "para 3" -> "para-3". */
export function locatorAnchor(locator: string): string {
  const match = /^(para|lines?) (\d+)/.exec(locator);
  return match ? `${match[1] === "para" ? "para" : "line"}-${match[2]}` : "";
}

/**
 * The link from a citation to its passage in the document view: `cite` makes the page mark the passage,
 * the fragment scrolls to its first line (below the sticky header: scroll-margin in globals.css).
 */
export function citationHref(doc: string, locator: string): string {
  const anchor = locatorAnchor(locator);
  return `/app/library/documents/${doc}?cite=${encodeURIComponent(locator)}${anchor ? `#${anchor}` : ""}`;
}
