/**
 * Spreadsheet formula injection: a cell starting with = + - @, a tab or a carriage return can
 * run as a formula when the file is opened in Excel or WPS. Such text gets a leading apostrophe
 * (shown as text, not stored as part of the value in Excel). Numbers stay numbers.
 */
export function neutraliseCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
