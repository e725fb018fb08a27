import { describe, test, expect } from 'vitest';
import { engineEachTest, importOk, issuesOf, mergedWorkbook as merged, utf8 } from './helpers';

/**
 * A merged problem saved as CSV whose measure rows are numbered in the 序号 column as sub-items
 * （1）, ①, 1) under the problem's 1, 一、 (measure-rows.ts, continuationSql and subItemSql); and a
 * status written once on the problem's row. Every expectation is worked out by hand from the rows.
 */
const e = engineEachTest();

const HEAD = '序号,被巡察单位,轮次名称,具体问题,整改措施,整改状态,完成时间';
const UNIT = '市教育局党委';
const ROUND = '八届市委第三轮巡察';
const problem = (id: string, title: string, measure: string, status: string, done = '') => `${id},${UNIT},${ROUND},${title},${measure},${status},${done}`;
const measure = (id: string, text: string, status: string, done = '', unit = '') => `${id},${unit},,,${text},${status},${done}`;
const csv = (...rows: string[]) => utf8([HEAD, ...rows].join('\n'));
const skippedMeasures = (r: { issues: { row: number; code: string; severity: string }[] }) =>
  issuesOf(r as never, 'info').filter((i) => i.code === 'row_skipped_measure').map((i) => i.row);
const findings = () => e.query(`SELECT source_row, measures, status, status_raw, completion_date FROM findings ORDER BY source_row`);

describe('measure rows numbered as sub-items fold into the problem above', () => {
  // [problem 1, its measures a and b, problem 2, its measure a]
  test.each([
    ['（1）（2） under 1, 2', ['1', '（1）', '（2）', '2', '（1）']],
    ['(1)(2) under 1, 2', ['1', '(1)', '(2)', '2', '(1)']],
    ['full-width （１）（２） under 1, 2', ['1', '（１）', '（２）', '2', '（１）']],
    ['①② under 1, 2', ['1', '①', '②', '2', '①']],
    ['1) 2) under 1, 2', ['1', '1)', '2)', '2', '1)']],
    ['1） 2） under 1、 2、', ['1、', '1）', '2）', '2、', '1）']],
    ['（1）（2） under 1. 2.', ['1.', '（1）', '（2）', '2.', '（1）']],
    ['（1）（2） under 一、 二、', ['一、', '（1）', '（2）', '二、', '（1）']],
    ['①② under （一）（二）', ['（一）', '①', '②', '（二）', '①']],
    ['①② under （1）（2）', ['（1）', '①', '②', '（2）', '①']],
  ])('%s: 2 findings, rows 3, 4 and 6 skipped as measures', async (_, [p1, a, b, p2, c]) => {
    const [r] = await importOk(e, 'ledger.csv', csv(
      problem(p1, '理论学习不深入', '制定学习计划', '已完成', '2024-05-01'),
      measure(a, '开展专题党课', '正在推进'),
      measure(b, '建立考核机制', '已完成', '2024-05-02'),
      problem(p2, '违规发放津补贴', '清退资金', '已完成', '2024-04-01'),
      measure(c, '完善制度', '已完成', '2024-04-15'),
    ));
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 3]);
    expect(skippedMeasures(r)).toEqual([3, 4, 6]);
    expect(issuesOf(r, 'error')).toEqual([]);
    // Problem 1: the least advanced of 已完成, 正在推进, 已完成; not all completed, so no completion date.
    // Problem 2: both completed, the later date.
    expect(await findings()).toEqual([
      { source_row: 2, measures: '制定学习计划\n开展专题党课\n建立考核机制', status: 'in_progress', status_raw: '已完成；正在推进；已完成', completion_date: null },
      { source_row: 5, measures: '清退资金\n完善制度', status: 'completed', status_raw: '已完成；已完成', completion_date: '2024-04-15' },
    ]);
  });
});

describe('kept apart: a row numbered as the problem is, or in no sub-item form, or of another unit', () => {
  // [problem 1, the row lacking its problem text, problem 3]; the middle row names the problem's unit
  // unless `unit` says otherwise. Each: 2 findings, the middle row rejected as before, nothing folded.
  test.each([
    ['problems numbered （1）（2）（3）', ['（1）', '（2）', '（3）'], UNIT],
    ['problems numbered ①②③', ['①', '②', '③'], UNIT],
    ['problems numbered 1) 2) 3)', ['1)', '2)', '3)'], UNIT],
    ['① under 1) (one level)', ['1)', '①', '2)'], UNIT],
    ['1、 under 1、', ['1、', '2、', '3、'], UNIT],
    ['1、 under 1 (both plain numbers)', ['1', '1、', '2'], UNIT],
    ['1. under 一、 (how a ledger numbers problems under a 方面)', ['一、', '1.', '二、'], UNIT],
    ['（1） under a problem id that is no number (SW-01)', ['SW-01', '（1）', 'SW-02'], UNIT],
    ['（1） of another unit', ['1', '（1）', '2'], '市财政局党委'],
    ['（1） with its unit left empty, under a problem numbered （1）', ['（1）', '（1）', '（2）'], ''],
  ])('%s', async (_, [p1, mid, p3], unit) => {
    const [r] = await importOk(e, 'ledger.csv', csv(
      problem(p1, '理论学习不深入', '制定学习计划', '已完成', '2024-05-01'),
      measure(mid, '开展专题党课', '正在推进', '', unit),
      problem(p3, '违规发放津补贴', '清退资金', '已完成', '2024-04-01'),
    ));
    expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 1, 0]);
    expect(skippedMeasures(r)).toEqual([]);
    expect(issuesOf(r, 'error').filter((i) => i.code === 'title_missing')).toEqual([{ row: 3, code: 'title_missing' }]);
    expect((await findings()).map((f) => [f.source_row, f.measures, f.status])).toEqual([
      [2, '制定学习计划', 'completed'], [4, '清退资金', 'completed'],
    ]);
  });
});

test('a status written only on the problem row, the measure rows below blank, is the problem\'s; a blank beside another status or an unread one is not', async () => {
  const [r] = await importOk(e, 'ledger.csv', csv(
    problem('1', '理论学习不深入', '制定学习计划', '已完成', '2024-05-01'),
    measure('（1）', '开展专题党课', ''),
    measure('（2）', '建立考核机制', ''),
    problem('2', '违规发放津补贴', '清退资金', '正在推进'),
    measure('', '完善制度', ''),
    problem('3', '档案管理不规范', '整理档案', '已完成', '2024-03-01'),
    measure('①', '规范归档', ''),
    measure('②', '开展检查', '正在推进'),
    problem('4', '公车私用', '清退费用', '已完成', '2024-02-01'),
    measure('①', '完善制度', '/'),
  ));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([4, 0, 6]);
  expect(skippedMeasures(r)).toEqual([3, 4, 6, 8, 9, 11]);
  expect(await findings()).toEqual([
    // Written once: taken, with its date and raw text.
    { source_row: 2, measures: '制定学习计划\n开展专题党课\n建立考核机制', status: 'completed', status_raw: '已完成', completion_date: '2024-05-01' },
    { source_row: 5, measures: '清退资金\n完善制度', status: 'in_progress', status_raw: '正在推进', completion_date: null },
    // Row 9 has a status of its own, so row 8's blank is a measure's unknown status, as before.
    { source_row: 7, measures: '整理档案\n规范归档\n开展检查', status: null, status_raw: '已完成；正在推进', completion_date: null },
    // Row 11's '/' is unread text, not a blank: unknown, as before.
    { source_row: 10, measures: '清退费用\n完善制度', status: null, status_raw: '已完成；/', completion_date: null },
  ]);
  expect(r.issues.filter((i) => i.code === 'measure_status_unknown').map((i) => [i.row, i.value])).toEqual([[7, '8: —'], [10, '11: /']]);
  // Each problem whose status was read from its own row alone is named.
  expect(r.issues.filter((i) => i.code === 'measure_status_once' && i.severity === 'info').map((i) => [i.row, i.value])).toEqual([[2, '已完成'], [5, '正在推进']]);
});

test('a status written once beside measure rows with deadlines of their own is not the problem\'s: unknown, warned (review)', async () => {
  const head = '序号,被巡察单位,轮次名称,具体问题,整改措施,整改时限,整改状态,完成时间';
  const [r] = await importOk(e, 'ledger.csv', utf8([head,
    `1,${UNIT},${ROUND},理论学习不深入,制定学习计划,2024-03-31,已完成,2024-03-01`,
    ',,,,开展专题党课,2099-12-31,,',
    ',,,,建立考核机制,长期坚持,,',
    `2,${UNIT},${ROUND},违规发放津补贴,清退资金,2024-06-30,已完成,2024-04-01`,
    ',,,,完善制度,,,'].join('\n')));
  expect(await e.query(`SELECT source_row, status FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 2, status: null }, { source_row: 5, status: 'completed' },
  ]);
  expect(r.issues.filter((i) => i.code === 'measure_status_unknown').map((i) => i.row)).toEqual([2, 2]);
  expect(r.issues.filter((i) => i.code === 'measure_status_once').map((i) => i.row)).toEqual([5]);
});

test('in a workbook whose problem cell is merged but not its status, a blank measure status stays unknown', async () => {
  const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, merged([
    [`${ROUND}整改台账`],
    ['序号', '被巡察单位', '具体问题', '整改措施', '整改状态', '完成时间'],
    [1, UNIT, '违规吃喝', '清退费用', '已完成', '2024-05-10'],
    [null, null, null, '完善制度', null, null],
  ], ['A3:A4', 'B3:B4', 'C3:C4']));
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([1, 1]);
  expect(await e.query(`SELECT status, status_raw FROM findings`)).toEqual([{ status: null, status_raw: '已完成' }]);
  expect(r.issues.filter((i) => i.code === 'measure_status_unknown').map((i) => [i.row, i.value])).toEqual([[3, '4: —']]);
});

describe('in a workbook, a problem merged down over measure rows numbered as sub-items', () => {
  const H = ['序号', '被巡察单位', '具体问题', '整改措施', '整改状态', '完成时间'];

  test('（1）（2） under 1, the unit on each row: one finding of its measures', async () => {
    const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, merged([[`${ROUND}整改台账`], H,
      [1, UNIT, '违规吃喝', '清退费用', '已完成', '2024-05-10'],
      ['（1）', UNIT, null, '完善制度', '已完成', '2024-05-20'],
      ['（2）', UNIT, null, '开展警示教育', '正在推进', null],
      [2, UNIT, '违规发放津补贴', '清退资金', '已完成', '2024-04-01'],
    ], ['C3:C5']));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([2, 2]);
    expect(await findings()).toEqual([
      { source_row: 3, measures: '清退费用\n完善制度\n开展警示教育', status: 'in_progress', status_raw: '已完成；已完成；正在推进', completion_date: null },
      { source_row: 6, measures: '清退资金', status: 'completed', status_raw: '已完成', completion_date: '2024-04-01' },
    ]);
  });

  test('villages numbered （1）（2） of units of their own under one merged problem stay findings of their own (巡乡带村)', async () => {
    const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, merged([[`${ROUND}整改台账`], [...H, '县市区'],
      [1, '东山村党支部', '村级财务管理不规范', '规范报账', '已完成', '2024-05-01', '东阳市'],
      ['（1）', '西山村党支部', null, '规范报账', '已完成', '2024-05-02', '东阳市'],
      ['（2）', '南山村党支部', null, '规范报账', '正在整改', null, '东阳市'],
    ], ['C3:C5']));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([3, 0]);
  });

  // Every row numbered, the numbers running on from one merged problem to the next (1 2 3 | 4 5): the 序号
  // counts rows, so the rows under a merged problem are its measures (review: 5 problems instead of 2).
  test('a 序号 that counts rows (1 2 3 under one problem, 4 5 under the next): each merged problem is one finding', async () => {
    const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, merged([[`${ROUND}整改台账`], H,
      [1, UNIT, '工程项目招投标监管不严', '开展招投标专项检查', '已完成', '2024-06-30'],
      [2, UNIT, null, '建立招投标监管台账', '已完成', '2024-09-30'],
      [3, UNIT, null, '对责任人进行提醒谈话', '已完成', '2024-05-31'],
      [4, UNIT, '公务用车管理不规范', '清理公车使用记录', '正在推进', null],
      [5, UNIT, null, '修订公车管理办法', '已完成', '2024-09-30'],
    ], ['C3:C5', 'C6:C7']));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([2, 3]);
    expect(await e.query('SELECT source_row, status, completion_date FROM findings ORDER BY source_row')).toEqual([
      { source_row: 3, status: 'completed', completion_date: '2024-09-30' }, { source_row: 6, status: 'in_progress', completion_date: null }]);
  });

  test('problems numbered （1）（2）（3） under one merged text stay three', async () => {
    const [r] = await importOk(e, `${ROUND}整改台账.xlsx`, merged([[`${ROUND}整改台账`], H,
      ['（1）', UNIT, '村级财务管理不规范', '规范报账', '已完成', '2024-05-01'],
      ['（2）', UNIT, null, '清理往来款', '已完成', '2024-05-02'],
      ['（3）', UNIT, null, '完善制度', '正在整改', null],
    ], ['C3:C5']));
    expect([r.rowsAccepted, r.rowsSkipped]).toEqual([3, 0]);
  });
});
