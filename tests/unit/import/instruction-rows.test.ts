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

// Hunt helper-120: in a narrow CSV, Excel's dates (2024/6/30) read as a list of choices and a problem about
// filling in forms as an instruction, so the first problems under the header were skipped (the only one: no data).
test('a narrow ledger with slash dates: a problem about filling in or entering data is a problem, not an instruction', async () => {
  const e = await freshEngine();
  const titles = ['统计数据填报不准确', '干部人事档案填写不规范', '党员信息录入不完整', '填报数据弄虚作假'];
  const csv = ['序号,被巡察单位,具体问题,整改状态,整改时限,反馈时间',
    ...titles.map((t, i) => `${i + 1},市财政局党组,${t},正在整改,2024/6/30,2024/3/1`)].join('\n');
  const [r] = await importOk(e, '八届市委第三轮巡察.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([4, 0, 0]);
  expect((await e.query<{ t: string }>('SELECT problem_title AS t FROM findings ORDER BY source_row')).map((x) => x.t)).toEqual(titles);
  // One such row alone is a ledger, not a file with no data.
  const [one] = await importOk(e, '八届市委第四轮巡察.csv', utf8(csv.split('\n').slice(0, 2).join('\n')));
  expect(one.rowsAccepted).toBe(1);
  // The instructions of a narrow form are still skipped: choices, 请填写, a verb ending the cell.
  const form = ['序号,被巡察单位,具体问题,整改状态,整改时限',
    ',请填写单位全称,按反馈意见原文填写,已完成/正在推进/未完成,格式：2024年12月底',
    '1,市财政局党组,统计数据填报不准确,正在整改,2024/6/30'].join('\n');
  const [f] = await importOk(e, '八届市委第五轮巡察.csv', utf8(form));
  expect([f.rowsAccepted, f.rowsSkipped]).toEqual([1, 1]);
  expect(issuesOf(f, 'info').filter((i) => i.code === 'row_skipped_example').map((i) => i.row)).toEqual([2]);
  // helper-121: an instruction opening with the verb is one, whatever it says after (不得, 未完成).
  for (const [k, x] of ['填写问题原文，不得概括', '填写未完成原因', '填报截至目前的整改进展，不超过100字'].entries()) {
    const wide = ['序号,县市区,被巡察单位,具体问题,整改措施,整改时限,整改状态',
      `,填写县（市、区）全称,填写单位全称,${x},逐条填写整改措施,格式：2024年12月底,已完成/正在推进/未完成`,
      '1,婺城区,区教育局,理论学习不深入,加强学习,2024年12月底,正在推进'].join('\n');
    const [w] = await importOk(e, `十二届婺城区委第${k + 1}轮巡察.csv`, utf8(wide));
    expect([w.rowsAccepted, w.rowsSkipped]).toEqual([1, 1]);
  }
  e.close();
});

// Review helper-121: a CSV's empty lines now count as rows, and pushed the instructions out of the rows looked at.
test('empty lines between the header and a row of instructions do not make it a finding', async () => {
  const e = await freshEngine();
  const csv = ['序号,县市区,被巡察单位,具体问题,整改措施,整改时限,整改状态', '', '', '',
    ',填写县（市、区）全称,填写单位全称,按反馈意见原文填写,逐条填写整改措施,格式：2024年12月底,已完成/正在推进/未完成',
    '1,婺城区,区教育局,理论学习不深入,加强学习,2024年12月底,正在推进'].join('\n');
  const [r] = await importOk(e, '十二届婺城区委第二轮巡察.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([1, 1]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_example').map((i) => i.row)).toEqual([5]);
  e.close();
});
