import { describe, expect, test } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { stagedCell, stagedCellSql } from '../../../src/lib/import/cells';
import { str } from '../../../src/lib/queries/sql';

// Every format stages its cells the same way: CSV in SQL, XLSX/JSON/Parquet in JS.
const CASES: [string | null, string | null][] = [
  ['永康市', '永康市'],
  ['  永康 ', '永康'],
  ['\u3000永康\u3000', '永康'],
  ['\ufeff序号', '序号'],
  // A zero-width space pasted from a web page or a chat (review).
  ['县市区\u200b', '县市区'],
  ['\u200b横店镇党委\u200b ', '横店镇党委'],
  ['\u00a0已完成\t', '已完成'],
  // Zero-width (non-)joiners and the word joiner: a cell of nothing else is empty, not an invisible title.
  ['\u200c\u200d', null],
  ['\u2060违规吃喝\u200d', '违规吃喝'],
  ['\r\n第一行\n第二行\n', '第一行\n第二行'],
  ['a  b', 'a  b'],
  ['', null],
  ['   ', null],
  ['\u3000\u00a0\t', null],
  [null, null],
  // Only the listed characters: an em space is content, not padding.
  ['x\u2003', 'x\u2003'],
];

describe('staged cells', () => {
  test.each(CASES)('JS: %j → %j', (input, expected) => {
    expect(stagedCell(input)).toBe(expected);
  });

  test.each([true, false])('SQL (guarded: %s) gives the same cells as JS', async (guarded) => {
    const db = await openNodeEngine();
    const values = CASES.map(([v], i) => `(${i}, ${v === null ? 'NULL' : str(v)})`).join(', ');
    const rows = await db.query<{ i: number; s: string | null }>(
      `SELECT i, ${stagedCellSql('v', guarded)} AS s FROM (VALUES ${values}) t(i, v) ORDER BY i`);
    expect(rows.map((r) => r.s)).toEqual(CASES.map(([, want]) => want));
    db.close();
  });
});
