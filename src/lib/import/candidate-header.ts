import { LEDGER_FIELDS } from '../domain/fields';
import { stagedText as text } from './cells';
import { matchHeaders } from './headers';

// A header cell is a short label, not a number, a date or an amount.
const LABEL_MAX_CHARS = 30;
const REQUIRED = new Set(LEDGER_FIELDS.filter((f) => f.required).map((f) => f.key));
const NOT_A_LABEL = /^[\d\s.,:/\-年月日%()（）+]+$/;

/**
 * A header most of whose labels no alias knows (an office's own words): the first row with at
 * least three cells, every one a short label, one of them a required field's name (序号 or 备注
 * head any list), and a row of values under it. Only asked for when no row of the file names two
 * fields, so that the mapping dialog can offer its columns. A row that names no required field is
 * no recognisable header: the file fails with its own message (no_header), as does a sheet of
 * prose or of bare values.
 */
export function candidateHeaderRow(rows: (string | null)[][], mapping: Record<string, string> = {}): number | null {
  const filled = (cells: (string | null)[]) => cells.map(text).filter(Boolean);
  for (let i = 0; i + 1 < rows.length; i++) {
    const labels = filled(rows[i]);
    if (labels.length < 3 || labels.some((v) => v.length > LABEL_MAX_CHARS || NOT_A_LABEL.test(v.normalize('NFKC')))) continue;
    if (![...matchHeaders(rows[i], mapping).values()].some((key) => REQUIRED.has(key))) continue;
    const below = rows.slice(i + 1).find((r) => filled(r).length > 0);
    if (below && filled(below).length >= 2) return i;
  }
  return null;
}
