export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * One CSV record as RFC 4180 has it: fields with a comma, quote, or line break are quoted, quotes
 * doubled, records ended by CRLF. Dates are ISO 8601 in UTC, empty fields for null.
 */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
