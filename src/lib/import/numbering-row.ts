import { stagedText as text } from './cells';

// Rows right under a header that number or code its columns rather than hold a problem.

/**
 * True for a row of column numbers under a header (栏次: 1 2 3 …, also （1）, 1栏, or 甲 乙 before
 * them), as statistical forms print: at least three cells, every one a number one above the last.
 * Given the header above, also for a row of field codes (XH, DWMC, wtms; A B C) that an OA or
 * reporting system writes under the Chinese labels it exports (isFieldCodeRow).
 * A data row always holds text (a unit, a problem), so it never looks like this.
 */
export function isNumberingRow(cells: (string | null)[], header?: (string | null)[]): boolean {
  return isColumnNumberRow(cells) || (header !== undefined && isFieldCodeRow(cells, header));
}

const FIELD_CODE = /^[A-Za-z][A-Za-z0-9_.]{0,39}$/;
const HAN = /\p{Script=Han}/u;

/**
 * Field codes under a Chinese header: at least half the labelled columns hold one, each a distinct
 * ASCII identifier, and at least three of them under a label written in Chinese; the others under
 * a label that is the code itself (ID under ID). An English header's data, or a row with any Chinese
 * in it, is not one.
 */
function isFieldCodeRow(cells: (string | null)[], header: (string | null)[]): boolean {
  const values = cells.map((c, i) => [text(c).normalize('NFKC'), text(header[i]).normalize('NFKC')] as const).filter(([v]) => v);
  const labelled = header.map(text).filter(Boolean).length;
  if (values.length * 2 < labelled || values.filter(([, h]) => HAN.test(h)).length < 3) return false;
  if (!values.every(([v, h]) => FIELD_CODE.test(v) && (HAN.test(h) || h.toLowerCase() === v.toLowerCase()))) return false;
  return new Set(values.map(([v]) => v.toLowerCase())).size === values.length;
}

function isColumnNumberRow(cells: (string | null)[]): boolean {
  const values = cells.map(text).filter(Boolean);
  let last: number | null = null;
  let numbers = 0;
  for (const [i, v] of values.entries()) {
    if (last === null && numbers === 0 && '甲乙丙丁'[i] === v) continue;
    const m = /^[(（]?(\d{1,3})[)）]?栏?$/.exec(v.normalize('NFKC'));
    if (!m) return false;
    const n = Number(m[1]);
    if (last !== null && n !== last + 1) return false;
    last = n;
    numbers++;
  }
  return numbers >= 3;
}
