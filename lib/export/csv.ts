export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * One CSV record as RFC 4180 has it: fields with a comma, quote, or line break are quoted, quotes
 * doubled, records ended by CRLF. Dates are ISO 8601 in UTC, empty fields for null. Text starting with
 * =, +, -, @, a tab or a carriage return is neutralised with a leading apostrophe.
 */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const raw = value instanceof Date ? value.toISOString() : String(value);
  // Text that would start a formula gets a leading apostrophe, which spreadsheets show as text; numbers stay numbers.
  const text = typeof value === "string" && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
