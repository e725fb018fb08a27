import { neutraliseCell } from './neutralise';

/** UTF-8 byte order mark: Excel needs it to open Chinese CSV correctly. */
export const BOM = '\uFEFF';

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(neutraliseCell(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text for Excel: BOM first, CRLF line ends, RFC 4180 quoting, lists, structs and
 * other non-scalar values as their display text, formula-like cells and headers neutralised.
 * `columns` gives order and header labels.
 */
export function toCsv(rows: Record<string, unknown>[], columns: { key: string; label: string }[]): string {
  const lines = [columns.map((c) => csvField(c.label)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key])).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
