import type { Engine } from '../db/types';
import { FILER_WORDS, NOTE_ROW_PATTERN } from '../domain/vocabulary/rows';
import { ident, num, str } from '../queries/sql';
import { stagedCell } from './cells';
import { cell, type StagedSheet } from './staging';
import { titleRowTexts } from './title';

// The rows at the foot of a sheet where its filer line may stand (填表人：王某 … 填报日期：2024年10月8日).
const FOOT_ROWS = 20;
// A filer's date label: 填报日期, 填表时间, 报送日期, 制表时间.
const FILER_DATE = new RegExp(`(${FILER_WORDS})(时间|日期)`);

/**
 * The texts of the filer lines at the foot of a sheet, under its table (Chinese forms put 填表人 and
 * 填报日期 at the bottom): among the last FOOT_ROWS rows under the header, those that are note rows (their
 * first cell a filer's or signature's words: NOTE_ROW_PATTERN; a data row whose 备注 says 报送时间：… is none,
 * helper-129) and hold a filer's date label, the last first, each as titleRowTexts reads a title row
 * (填报时间： | 2024年10月8日 is one text).
 */
export async function footerFilerLines(engine: Engine, s: StagedSheet, headerRow: number): Promise<string[]> {
  if (!s.width) return [];
  const cols = Array.from({ length: s.width }, (_, i) => cell(i));
  const t = ident(s.table);
  // contains() first: only the cells that hold 日期 or 时间 are matched.
  const labelled = cols.map((c) => `((contains(${c}, '日期') OR contains(${c}, '时间')) AND regexp_matches(${c}, ${str(FILER_DATE.source)}))`).join(' OR ');
  const rows = await engine.query<Record<string, string | null>>(`SELECT ${cols.join(', ')} FROM ${t}
    WHERE src_row > ${num(headerRow)} AND src_row > (SELECT max(src_row) FROM ${t}) - ${num(FOOT_ROWS)} AND (${labelled})
      AND regexp_matches(coalesce(${cols.join(', ')}), ${str(NOTE_ROW_PATTERN)})
    ORDER BY src_row DESC`);
  return rows.flatMap((r) => titleRowTexts(cols.map((c) => stagedCell(r[c])).filter((c): c is string => c !== null))).filter((text) => FILER_DATE.test(text));
}
