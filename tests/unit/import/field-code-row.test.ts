import { test, expect } from 'vitest';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';

// An OA system's export: its field codes sit under the Chinese labels. The row is no problem: it is
// skipped and reported, where it was rejected for a missing county and round (import review D15).
test('a row of field codes under the header is skipped like a column-number row; the problems below import', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,被巡察单位,具体问题,整改状态
XH,BXCDW,WTMS,ZGZT
1,永康市教育局,违规吃喝,正在整改
2,永康市教育局,公车私用,未完成
`));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 1]);
  expect(issuesOf(r, 'error')).toEqual([]);
  expect(r.issues.filter((i) => i.code === 'row_skipped_numbering').map((i) => [i.row, i.value])).toEqual([[2, 'XH']]);
  expect(await e.query('SELECT problem_title, status FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '违规吃喝', status: 'in_progress' },
    { problem_title: '公车私用', status: 'not_completed' },
  ]);
  e.close();
});

// An OA export's own key column keeps its ASCII label (ID), and its code row repeats it there.
test('a field-code row whose key column is labelled ID with the code ID is still a field-code row; a data row is not', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`ID,被巡察单位,具体问题,整改状态
id,BXCDW,WTMS,ZGZT
A1,永康市教育局,违规吃喝,正在整改
`));
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([1, 1]);
  expect(r.issues.filter((i) => i.code === 'row_skipped_numbering').map((i) => i.row)).toEqual([2]);
  e.close();
});
