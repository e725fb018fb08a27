import { stagedText as text } from './cells';
import { headerClaim, matchHeaders, type HeaderAt } from './headers';

// A lower header word: short, no number or date (a data row's cells under the header are not).
const WORD = /^[^\d０-９]{1,8}$/u;

/**
 * A header whose words are split over two rows, with no merge to say so (a CSV, or a sheet whose cells were typed in
 * two rows): 整改 | 整改 | 完成 over 措施 | 时限 | 情况, or the group written once (整改 | | 完成 over 措施 | 时限 | 情况,
 * a merge saved as CSV). findHeader reads such a lower row as no header (措施, 时限 and 情况 name no field), so the
 * columns lost their status and deadline, and the row was a rejected finding (helper-130). Each column's text is the
 * two joined (整改措施) where that names a field, else the upper's, else the lower's; an upper word is carried right
 * over the empty upper cells above lower words. Only where two columns at least join into a field that neither
 * word names alone, every lower word is short and holds no digit, and the joined row names more fields than the
 * upper alone. Returns the header as it was otherwise.
 */
export function splitHeader(rows: (string | null)[][], at: HeaderAt | null, mapping: Record<string, string> = {}): HeaderAt | null {
  if (!at || at.rows !== 1 || at.index + 1 >= rows.length) return at;
  const upper = rows[at.index];
  const lower = rows[at.index + 1];
  const words = lower.map(text).filter(Boolean);
  if (words.length < 2 || !words.every((w) => WORD.test(w.normalize('NFKC')))) return at;
  const width = Math.max(upper.length, lower.length);
  const out: (string | null)[] = [];
  let joins = 0;
  let carried = '';
  for (let c = 0; c < width; c++) {
    const own = text(upper[c]);
    const l = text(lower[c]);
    carried = own || (l ? carried : '');
    const u = own || carried;
    const joined = u && l ? u + l : '';
    if (joined && headerClaim(joined, mapping) && !headerClaim(l, mapping) && !(own && headerClaim(own, mapping))) {
      joins++;
      out.push(joined);
    } else out.push(own || l || null);
  }
  if (joins < 2 || matchHeaders(out, mapping).size <= matchHeaders(upper, mapping).size) return at;
  return { index: at.index + 1, rows: 2, headers: out };
}
