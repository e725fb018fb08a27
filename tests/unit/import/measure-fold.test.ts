import { describe, test, expect } from 'vitest';
import { engineEachTest, freshEngine, importOk, issuesOf, mergedWorkbook as merged } from './helpers';

/**
 * A problem merged down over its measure rows (measure-rows.ts): what the folded problem is when
 * a measure's status is unknown, when the merged rows are other problems, and when one measure
 * is long-term. Each expectation is worked out by hand from the rows below.
 */
const e = engineEachTest();

const ROUND = '八届市委第三轮巡察';

test('a measure with a blank or unread status leaves its problem unknown, not completed, and is warned by row', async () => {
  const bytes = merged([
    [`${ROUND}整改台账`],
    ['序号', '被巡察单位', '具体问题', '整改措施', '整改状态', '完成时间'],
    [1, '市教育局党委', '违规吃喝', '清退费用', '已完成', '2024-05-10'],
    [null, null, null, '完善制度', '/', null],
    [null, null, null, '开展警示教育', null, null],
    [2, '市教育局党委', '违规发放津补贴', '清退资金', '已完成', '2024-04-01'],
    [null, null, null, '完善制度', '已完成', '2024-04-15'],
  ], ['A3:A5', 'B3:B5', 'C3:C5', 'A6:A7', 'B6:B7', 'C6:C7']);
  const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, bytes);
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([2, 3]);
  // Completed: problem 2 only (1 of 2). Problem 1 was completed before (the '/' and the blank dropped out).
  expect(await e.query(`SELECT source_row, status, completion_date FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 3, status: null, completion_date: null },
    { source_row: 6, status: 'completed', completion_date: '2024-04-15' },
  ]);
  const warned = r.issues.filter((i) => i.severity === 'warning' && i.row === 3).map((i) => [i.code, i.value]);
  expect(warned).toEqual([['measure_status_unknown', '4: /'], ['measure_status_unknown', '5: —']]);
});

test('one problem text merged over the rows of other units, each with its 序号, stays one finding per row (巡乡带村)', async () => {
  const bytes = merged([
    [`${ROUND}整改台账`],
    ['序号', '被巡察单位', '具体问题', '整改状态', '完成时间', '县市区'],
    [1, '东山村党支部', '村级财务管理不规范', '已完成', '2024-05-01', '东阳市'],
    [2, '西山村党支部', null, '已完成', '2024-05-02', '东阳市'],
    [3, '南山村党支部', null, '正在整改', null, '东阳市'],
    [4, '东山村党支部', '三会一课不规范', '已完成', '2024-05-03', '东阳市'],
  ], ['C3:C5']);
  const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, bytes);
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([4, 0]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_measure')).toEqual([]);
  expect(await e.query(`SELECT unit_name, problem_title, status FROM findings ORDER BY source_row`)).toEqual([
    { unit_name: '东山村党支部', problem_title: '村级财务管理不规范', status: 'completed' },
    { unit_name: '西山村党支部', problem_title: '村级财务管理不规范', status: 'completed' },
    { unit_name: '南山村党支部', problem_title: '村级财务管理不规范', status: 'in_progress' },
    { unit_name: '东山村党支部', problem_title: '三会一课不规范', status: 'completed' },
  ]);
});

test('a problem is long-term when any of its measures is, whatever their order; its deadline text is that of the deadline taken', async () => {
  const bytes = merged([
    [`${ROUND}整改台账`],
    ['序号', '被巡察单位', '具体问题', '整改措施', '整改时限', '整改状态'],
    [1, '市教育局党委', '违规吃喝', '清退费用', '2024年5月底前', '正在整改'],
    [null, null, null, '完善制度', '2024年6月底前', '正在整改'],
    [null, null, null, '开展警示教育', '长期坚持', '正在整改'],
    [2, '市教育局党委', '违规发放津补贴', '开展警示教育', '长期坚持', '正在整改'],
    [null, null, null, '清退资金', '2024年6月底前', '正在整改'],
  ], ['A3:A5', 'B3:B5', 'C3:C5', 'A6:A7', 'B6:B7', 'C6:C7']);
  await importOk(e, `${ROUND}整改台账.xlsx`, bytes);
  expect(await e.query(`SELECT source_row, long_term, deadline, deadline_raw FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 3, long_term: true, deadline: '2024-06-30', deadline_raw: '2024年6月底前' },
    { source_row: 6, long_term: true, deadline: '2024-06-30', deadline_raw: '2024年6月底前' },
  ]);
});

test('only the 序号 merged over the measure rows, the problem text repeated on each: one finding; other texts under it stay their own', async () => {
  const bytes = merged([
    [`${ROUND}整改台账`],
    ['序号', '被巡察单位', '具体问题', '整改措施', '整改状态', '完成时间'],
    [1, '市教育局党委', '理论学习不深入', '制定学习计划', '已完成', '2024-05-01'],
    [null, '市教育局党委', '理论学习不深入', '建立考核机制', '正在整改', null],
    [2, '市教育局党委', '违规发放津补贴', '清退资金', '已完成', '2024-04-01'],
    [null, '市教育局党委', '档案管理不规范', '整理档案', '已完成', '2024-04-02'],
  ], ['A3:A4', 'A5:A6']);
  const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, bytes);
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([3, 1]);
  expect(await e.query(`SELECT source_row, measures, status FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 3, measures: '制定学习计划\n建立考核机制', status: 'in_progress' },
    { source_row: 5, measures: '清退资金', status: 'completed' },
    { source_row: 6, measures: '整理档案', status: 'completed' },
  ]);
});

test('a sheet with both shapes: a merged problem over measures numbered 1.1, 1.2, and a problem with only its 序号 merged', async () => {
  const bytes = merged([
    [`${ROUND}整改台账`],
    ['序号', '被巡察单位', '具体问题', '具体表现', '整改措施', '整改状态'],
    [1, '市教育局党委', '理论学习不深入', null, null, null],
    ['1.1', '市教育局党委', null, '中心组学习次数不足', '制定学习计划', '已完成'],
    ['1.2', '市教育局党委', null, '学习记录不全', '建立考核机制', '正在整改'],
    [2, '市教育局党委', '违规发放津补贴', null, '清退资金', '已完成'],
    [null, '市教育局党委', '违规发放津补贴', null, '完善制度', '已完成'],
  ], ['C3:C5', 'A6:A7']);
  const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, bytes);
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([2, 3]);
  expect(await e.query(`SELECT source_row, measures, problem_detail, status FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 3, measures: '制定学习计划\n建立考核机制', problem_detail: '中心组学习次数不足\n学习记录不全', status: 'in_progress' },
    { source_row: 6, measures: '清退资金\n完善制度', problem_detail: null, status: 'completed' },
  ]);
});

describe('one row per measure, nothing merged, the problem written again on each row', () => {
  const head = ['序号', '县市区', '被巡察单位', '轮次名称', '年度', '具体问题', '整改措施', '整改状态', '完成时间'];
  const row = (id: string, title: string, measure: string, status: string, done: string | null, unit = '磐安县尖山镇') =>
    [id, '磐安县', unit, '八届市委第七轮巡察', '2024', title, measure, status, done];
  const rowsOf = () => e.query(`SELECT finding_id, problem_title, measures, status, completion_date FROM findings ORDER BY source_row`);

  test.each([
    ['the same 序号', ['1', '1', '2']],
    ['numbered under one (1.1, 1.2)', ['1.1', '1.2', '2.1']],
    ['numbered under one (1-1, 1－2)', ['1-1', '1－2', '2-1']],
    ['the problem row, then its measures under its number (1, 1.1)', ['1', '1.1', '2']],
  ])('%s: one problem per text, its status the least advanced (2 findings, 1 completed)', async (_, ids) => {
    const sheet = [head, row(ids[0], '违规吃喝问题较为突出', '清退费用', '已完成', '2024-05-01'),
      row(ids[1], '违规吃喝问题较为突出', '建立制度', '正在整改', null), row(ids[2], '三会一课流于形式', '规范三会一课', '已完成', '2024-05-02')];
    const csv = sheet.map((r) => r.map((c) => c ?? '').join(',')).join('\n');
    const [r] = await importOk(e, 'mb.csv', new TextEncoder().encode(csv));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([2, 1]);
    expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_measure').map((i) => i.row)).toEqual([3]);
    expect((await rowsOf()).map((x) => [x.problem_title, x.measures, x.status, x.completion_date])).toEqual([
      ['违规吃喝问题较为突出', '清退费用\n建立制度', 'in_progress', null],
      ['三会一课流于形式', '规范三会一课', 'completed', '2024-05-02'],
    ]);
  });

  test('kept apart: problems numbered apart (1, 2), another unit, a row repeated whole (warned as a duplicate)', async () => {
    const sheet = [head,
      row('1', '违规吃喝问题较为突出', '清退费用', '已完成', '2024-05-01'), row('2', '违规吃喝问题较为突出', '建立制度', '正在整改', null),
      row('3', '三会一课流于形式', '规范三会一课', '已完成', '2024-05-02'), row('3', '三会一课流于形式', '规范三会一课', '已完成', '2024-05-02'),
      row('4', '三会一课流于形式', '规范三会一课', '已完成', '2024-05-02', '磐安县大盘镇')];
    const csv = sheet.map((r) => r.map((c) => c ?? '').join(',')).join('\n');
    const [r] = await importOk(e, 'mb.csv', new TextEncoder().encode(csv));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([5, 0]);
    // Rows 2 and 3 are numbered apart, so both are findings, warned as one problem written twice, as before.
    expect(issuesOf(r, 'warning').filter((i) => i.code === 'duplicate_finding').map((i) => i.row)).toEqual([3, 5]);
  });

  test('kept apart: no 序号 (villages of one 镇 may share a text), other rounds or 方面, ids that are no sub-numbers (SW14-4-01-02, DY-02)', async () => {
    const csvOf = (sheet: (string | null)[][]) => new TextEncoder().encode(sheet.map((r) => r.map((c) => c ?? '').join(',')).join('\n'));
    const pair = (a: string, b: string) => [head, row(a, '制度不健全', '建立财务制度', '已完成', '2024-05-01'), row(b, '制度不健全', '建立公车制度', '正在整改', null)];
    for (const [a, b] of [['', ''], ['SW14-4-01-01', 'SW14-4-01-02'], ['DY-01', 'DY-02']]) {
      const f = await freshEngine();
      const [r] = await importOk(f, 'mb.csv', csvOf(pair(a, b)));
      expect([a, r.rowsAccepted, r.rowsSkipped]).toEqual([a, 2, 0]);
      f.close();
    }
    // The same 序号 and text in two rounds of one unit: a repeat, not a measure (DOMAIN §7.5).
    const rounds = [head, row('1', '制度不健全', '建立财务制度', '已完成', '2024-05-01'),
      ['1', '磐安县', '磐安县尖山镇', '八届市委第九轮巡察', '2025', '制度不健全', '建立公车制度', '正在整改', null]];
    const [r] = await importOk(e, 'mb.csv', csvOf(rounds));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([2, 0]);
  });

  test('a value written again on each measure row of the problem counts once; values that differ are summed', async () => {
    const h = [...head, '挽回经济损失（万元）', '问责人数'];
    const sheet = [h, [...row('1', '违规吃喝', '清退费用', '已完成', '2024-05-01'), '5', '2'], [...row('1', '违规吃喝', '建立制度', '已完成', '2024-05-02'), '5', '2'],
      [...row('2', '公车私用', '清退费用', '已完成', '2024-05-01'), '1', '1'], [...row('2', '公车私用', '追责问责', '已完成', '2024-05-02'), '2', '1']];
    await importOk(e, 'mb.csv', new TextEncoder().encode(sheet.map((r) => r.join(',')).join('\n')));
    expect(await e.query('SELECT funds_wan, acc_people_total FROM findings ORDER BY source_row')).toEqual([
      { funds_wan: 5, acc_people_total: 2 }, { funds_wan: 3, acc_people_total: 1 },
    ]);
  });

  test('in a workbook too, with a measure row lacking the problem under a repeated one', async () => {
    const bytes = merged([head, row('1.1', '违规吃喝问题较为突出', '清退费用', '已完成', '2024-05-01'),
      ['1.2', null, null, null, null, null, '退回款项', '已完成', '2024-06-01'],
      row('1.3', '违规吃喝问题较为突出', '建立制度', '已完成', '2024-05-20')], []);
    const [r] = await importOk(e, 'mb.xlsx', bytes);
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([1, 2]);
    expect((await rowsOf()).map((x) => [x.measures, x.status, x.completion_date])).toEqual([['清退费用\n退回款项\n建立制度', 'completed', '2024-06-01']]);
  });
});

test('a folded problem takes the latest deadline, and its yearless-deadline warning follows the row that gave it', async () => {
  const header = ['序号', '被巡察单位', '具体问题', '县市区', '反馈时间', '整改措施', '整改时限', '整改状态'];
  const fold = async (first: string, second: string, feedback = '2024-03-15') => {
    const f = await freshEngine();
    const bytes = merged([[`${ROUND}整改台账`], header,
      [1, '市教育局党委', '违规吃喝', '市本级', feedback, '清退费用', first, '正在整改'],
      [null, null, null, null, null, '完善制度', second, '正在整改'],
    ], ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4']);
    const [r] = await importOk(f, `${ROUND}整改台账.xlsx`, bytes);
    const [{ deadline, deadline_raw }] = await f.query<{ deadline: string; deadline_raw: string }>('SELECT deadline, deadline_raw FROM findings');
    f.close();
    const warned = (code: string) => r.issues.filter((i) => i.code === code).map((i) => i.value);
    return feedback ? [deadline, warned('deadline_year_assumed')] : [deadline, deadline_raw, warned('deadline_year_missing')];
  };
  // The dated measure is the later one: no yearless warning. The yearless one is later: warned with its own text.
  expect(await fold('6月底前', '2024年12月31日')).toEqual(['2024-12-31', []]);
  expect(await fold('2024年3月底前', '6月底前')).toEqual(['2024-06-30', ['6月底前 → 2024-06-30']]);
  // No feedback date, so no deadline: the warning quotes the deadline text the problem keeps, the first measure's.
  expect(await fold('次年6月底前', '30日内', '')).toEqual([null, '次年6月底前', ['次年6月底前']]);
  expect(await fold('按期推进', '3个月内', '')).toEqual([null, '按期推进', ['3个月内']]);
});
