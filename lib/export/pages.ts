/** Rows are read this many at a time, so that an export of 100,000 reviews never holds them all. */
export const EXPORT_PAGE_SIZE = 1_000;

/**
 * Keyset pagination: `fetchPage` gets the key columns of the previous page's last row (undefined for
 * the first page) and returns up to `size` rows after it in a stable order. Yields non-empty pages
 * until the rows run out.
 */
export async function* pages<Key, T extends Key>(
  fetchPage: (last: Key | undefined, size: number) => Promise<T[]>,
  size = EXPORT_PAGE_SIZE,
): AsyncGenerator<T[]> {
  let last: Key | undefined;
  for (;;) {
    const page = await fetchPage(last, size);
    if (page.length > 0) yield page;
    if (page.length < size) return;
    last = page.at(-1);
  }
}
