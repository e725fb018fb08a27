import { expect, test } from 'vitest';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';

// Hunt helper-95: a form's row of instructions under its header (填写单位全称, 格式：2024年12月底,
// 已完成/正在推进/未完成) was imported as a finding, with a county called 填写县（市、区）全称.
test('a row of instructions under the header is skipped as an example; a problem about filling in forms is a problem', async () => {
  const e = await freshEngine();
  const csv = ['序号,县市区,被巡察单位,具体问题,整改措施,整改时限,整改状态',
    ',填写县（市、区）全称,填写单位全称,按反馈意见原文填写,逐条填写整改措施,格式：2024年12月底,已完成/正在推进/未完成',
    ',（必填）,（必填）,（必填）,（选填）,（选填）,（必填）',
    '1,婺城区,区教育局,个人有关事项未如实填报,督促如实填报,2024年12月底,已完成',
    '2,婺城区,区卫健局,理论学习不深入,加强学习,2024年12月底,正在推进'].join('\n');
  const [r] = await importOk(e, '十二届婺城区委第二轮巡察.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 2]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_example').map((i) => i.row)).toEqual([2, 3]);
  expect((await e.query<{ t: string }>('SELECT problem_title AS t FROM findings ORDER BY source_row')).map((x) => x.t))
    .toEqual(['个人有关事项未如实填报', '理论学习不深入']);
  e.close();
});
