/**
 * Spreadsheet formula injection: a cell starting with = + - @, a tab or a carriage return can
 * run as a formula when a CSV is opened in Excel or WPS, or when an XLSX text cell is edited and
 * confirmed there. Such text gets a leading apostrophe, which is then part of the stored text
 * (`'=SUM(A1)`, in CSV and in XLSX alike): the export shows it was neutralised rather than
 * hiding it. Numbers stay numbers.
 */
export function neutraliseCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
