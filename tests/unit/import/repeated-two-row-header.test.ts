import { expect, test } from 'vitest';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';

// Hunt helper-95: a header of two rows repeated down a CSV (a printed page's header, merges undone) had its
// lower line folded into the problem above (措施 完善制度\n整改措施) and its upper line read as a header laid out
// otherwise, which rejected every row after it.
test('a header of two rows repeated lower down is skipped as the header; no row is changed or rejected', async () => {
  const e = await freshEngine();
  const upper = '序号,县市区,轮次名称,被巡察单位,具体问题,整改情况,,,,';
  const lower = ',,,,,整改措施,责任单位,整改时限,整改状态,完成时间';
  const row = (n: number, unit: string, title: string, status: string) => `${n},婺城区,十二届婺城区委第二轮巡察,${unit},${title},完善制度,财务科,2024年12月底,${status},`;
  const csv = [upper, lower, row(1, '区教育局', '理论学习不深入', '正在推进'), row(2, '区卫健局', '采购不规范', '已完成'),
    upper, lower, row(3, '区民政局', '公务接待不规范', '正在推进')].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 2]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_header').map((i) => i.row)).toEqual([5, 6]);
  expect(await e.query('SELECT problem_title, measures, resp_unit, status_raw FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '理论学习不深入', measures: '完善制度', resp_unit: '财务科', status_raw: '正在推进' },
    { problem_title: '采购不规范', measures: '完善制度', resp_unit: '财务科', status_raw: '已完成' },
    { problem_title: '公务接待不规范', measures: '完善制度', resp_unit: '财务科', status_raw: '正在推进' },
  ]);
  e.close();
});

// Hunt helper-95: the 栏次 row under a repeated header (1 | 2 | 3 …) was imported as a finding in county 2.
test('the column-number row repeated under a repeated header is skipped with it, not imported as a finding', async () => {
  const e = await freshEngine();
  const header = '序号,县市区,被巡察单位,具体问题,整改状态';
  // The repeat may write its numbers in the other width (review helper-96: （1） then (1)).
  const csv = ['八届市委第三轮巡察整改台账,,,,', header, '（1）,（2）,（3）,（4）,（5）', '1,婺城区,区教育局,理论学习不深入,已完成',
    header, '(1),(2),(3),(4),(5)', '2,婺城区,区卫健局,违规发放津补贴,正在推进'].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 3]);
  expect(issuesOf(r, 'info').filter((i) => i.code.startsWith('row_skipped')).map((i) => [i.code, i.row]))
    .toEqual([['row_skipped_numbering', 3], ['row_skipped_header', 5], ['row_skipped_header', 6]]);
  expect((await e.query<{ t: string }>('SELECT problem_title AS t FROM findings ORDER BY source_row')).map((x) => x.t)).toEqual(['理论学习不深入', '违规发放津补贴']);
  e.close();
});
