import { afterEach, expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Engine } from '../../../src/lib/db/types';
import { importFile } from '../../../src/lib/import';
import { sheetDate } from '../../../src/lib/import/sheet-overlaps';
import { freshEngine, importOk } from './helpers';

/**
 * When is a sheet left out as "all its findings are in another sheet" (dropContainedSheets)? Only
 * when they really are: the same round, county, unit and title. Of two sheets holding the same
 * findings the later stays (monthly snapshots add the newest last).
 */
const R = '八届市委第三轮巡察';
let engine: (Engine & { close(): void }) | null = null;
afterEach(() => engine?.close());

function book(sheets: [string, (string | number | null)[][]][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('the same unit name and the same common problem in two counties are two findings, not a duplicate sheet', async () => {
  engine = await freshEngine();
  const H = ['序号', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const reports = await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book([
    ['婺城区', [H, [1, '江南街道党工委', R, '落实全面从严治党主体责任不到位', '已完成']]],
    ['永康市', [H, [1, '江南街道党工委', R, '落实全面从严治党主体责任不到位', '正在推进'], [2, '江南街道党工委', R, '违规发放津补贴', '已完成']]],
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['婺城区', 1], ['永康市', 2]]);
  expect(reports.flatMap((r) => r.issues).filter((i) => i.code === 'sheet_duplicate' || i.code === 'duplicate_other_sheet')).toEqual([]);
  const rows = await engine.query<{ county: string; n: number }>('SELECT county, count(*)::INTEGER AS n FROM findings GROUP BY 1 ORDER BY 1');
  expect(rows).toEqual([{ county: '永康市', n: 2 }, { county: '婺城区', n: 1 }].sort((a, b) => a.county.localeCompare(b.county)));
});

test('a 开发区 sheet with no county (市本级 by default) is contained in a 汇总 that names the zone: stored once', async () => {
  engine = await freshEngine();
  const HS = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const H = ['序号', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const reports = await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book([
    ['汇总', [HS, [1, '婺城', '区委宣传部', R, '理论学习不深入', '已完成'], [2, '金华经开区', '管委会办公室', R, '制度执行不严', '已完成']]],
    ['婺城区', [H, [1, '区委宣传部', R, '理论学习不深入', '已完成']]],
    ['开发区', [H, [1, '管委会办公室', R, '制度执行不严', '已完成']]],
  ]));
  expect(reports.map((r) => r.sheet)).toEqual(['汇总']);
  expect(await engine.query('SELECT county, problem_title FROM findings ORDER BY source_row'))
    .toEqual([{ county: '婺城区', problem_title: '理论学习不深入' }, { county: '金华开发区', problem_title: '制度执行不严' }]);
});

test('of two snapshot sheets holding the same problems, the later one is imported and names the earlier', async () => {
  engine = await freshEngine();
  const H = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态', '完成时间'];
  const sheet = (statuses: string[], dates: (string | null)[]) =>
    [H, ...statuses.map((s, i) => [i + 1, '婺城区', '婺城区教育局', R, `理论学习不够深入${'一二三'[i]}`, s, dates[i]])];
  const reports = await importOk(engine, '婺城区教育局整改台账.xlsx', book([
    ['2024年6月', sheet(['正在推进', '正在推进', '未完成'], [null, null, null])],
    ['2024年9月', sheet(['已完成', '已完成', '正在推进'], ['2024-08-01', '2024-09-01', null])],
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['2024年9月', 3]]);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_duplicate').map((i) => i.value)).toEqual(['2024年6月']);
  const statuses = await engine.query<{ status: string }>('SELECT status FROM findings ORDER BY source_row');
  expect(statuses.map((r) => r.status)).toEqual(['completed', 'completed', 'in_progress']);
});

// helper-132: the later sheet's title leaves the 届次 out; both were imported, merged into one round, N twice the round's.
test('snapshot sheets whose titles write the round with and without its term: the later one is imported', async () => {
  engine = await freshEngine();
  const H = ['序号', '被巡察单位', '反馈时间', '具体问题', '整改状态'];
  const sheet = (title: string, status: string) =>
    [[title], H, ...['理论学习不深入', '违规吃喝', '公车私用'].map((t, i) => [i + 1, '永康市财政局', '2024-03-15', t, status])];
  const reports = await importOk(engine, '永康市巡察整改台账.xlsx', book([
    ['6月', sheet('十五届永康市委第三轮巡察整改台账（截至2024年6月30日）', '正在整改')],
    ['9月', sheet('永康市委第三轮巡察整改台账（截至2024年9月30日）', '已完成')],
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['9月', 3]]);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_duplicate').map((i) => i.value)).toEqual(['6月']);
});

// A sheet with a header and no problem rows is no dataset, and never silent.
test('a county sheet dated after the 汇总 that holds it whole stays, and its statuses count; the 汇总 keeps the rest (review)', async () => {
  engine = await freshEngine();
  const H = ['序号', '县市区', '被巡察单位', '具体问题', '整改状态'];
  const reports = await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book([
    ['汇总', [['八届市委第三轮巡察整改台账汇总（截至2024年6月30日）'], H,
      [1, '永康市', '永康市教育局党委', '理论学习中心组学习不深入', '正在整改'], [2, '永康市', '永康市财政局党组', '违规吃喝问题较为突出', '正在整改'],
      [3, '东阳市', '东阳市卫健局党委', '三会一课不规范', '未完成']]],
    ['永康市', [['永康市整改台账（截至2024年9月30日）'], H,
      [1, '永康市', '永康市教育局党委', '理论学习中心组学习不深入', '已完成'], [2, '永康市', '永康市财政局党组', '违规吃喝问题较为突出', '已完成']]],
  ]));
  // Before, the 永康市 sheet was left out as held by the 汇总, and its two completions did not count (0 of 3).
  expect(reports.map((r) => [r.sheet, r.rowsAccepted, r.rowsSkipped])).toEqual([['汇总', 1, 2], ['永康市', 2, 0]]);
  expect(await engine.query('SELECT source_sheet, county, status FROM findings ORDER BY source_sheet, source_row')).toEqual([
    { source_sheet: '永康市', county: '永康市', status: 'completed' }, { source_sheet: '永康市', county: '永康市', status: 'completed' },
    { source_sheet: '汇总', county: '东阳市', status: 'not_completed' }]);
});

test('a header-only sheet and a template sheet (only 序号 and 合计) beside a filled one are named, not stored', async () => {
  engine = await freshEngine();
  const H = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const reports = await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book([
    ['婺城区', [H, [1, '婺城区', '婺城区教育局', R, '理论学习不深入', '已完成']]],
    ['金东区', [H]],
    ['义乌市', [H, [1, null, null, null, null, null], [2, null, null, null, null, null], ['合计', null, null, null, null, null]]],
  ]));
  expect(reports.map((r) => r.sheet)).toEqual(['婺城区']);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_no_data').map((i) => i.value).sort()).toEqual(['义乌市', '金东区'].sort());
  expect((await engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM datasets'))[0].n).toBe(1);
});

test('an unfilled template on its own fails as having no data, and stores nothing', async () => {
  engine = await freshEngine();
  const text = '八届市委第三轮巡察整改台账\n序号,县市区,被巡察单位,具体问题,整改状态\n1,,,,\n2,,,,\n3,,,,\n合计,,,,';
  const res = await importFile(engine, { name: '婺城区.csv', bytes: new TextEncoder().encode(text) });
  expect(!res.ok && 'error' in res && res.error.code).toBe('no_data');
  expect((await engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM datasets'))[0].n).toBe(0);
});

// Columns the dialog would ask for (no unit, no round) under a header with nothing below it: no dialog.
test.each([
  ['a header alone', '县市区,具体问题\n'],
  ['a header, its 栏次 row and numbered empty rows', '序号,县市区,具体问题\n1,2,3\n1,,\n2,,\n'],
])('%s that lacks required columns fails as having no data instead of asking for a mapping', async (_, text) => {
  engine = await freshEngine();
  const res = await importFile(engine, { name: 'template.csv', bytes: new TextEncoder().encode(text) });
  expect(!res.ok && 'error' in res && res.error.code).toBe('no_data');
});

// Past four sheets the comparison is one join over all of them (sheet-overlaps.ts sharedRows), not a
// statement per pair: the answers are the same.
test.each([3, 7])('%i sheets: county sheets a 汇总 holds whole are named, a row two sheets share counts once in the newer', async (n) => {
  engine = await freshEngine();
  const HS = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const counties = ['婺城区', '金东区', '兰溪市', '东阳市', '义乌市', '永康市', '浦江县'].slice(0, n - 1);
  const rowOf = (c: string, i: number) => [i, c, `${c}教育局`, R, i === 1 ? '理论学习不深入' : '违规发放津补贴', '已完成'];
  // The 汇总 holds every county sheet's rows but the last county's second row, which that sheet alone has.
  const last = counties[counties.length - 1];
  const sheets: [string, (string | number | null)[][]][] = counties.map((c) => [c, [HS, rowOf(c, 1), ...(c === last ? [rowOf(c, 2)] : [])]]);
  sheets.push(['汇总', [HS, ...counties.map((c) => rowOf(c, 1))]]);
  const reports = await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book(sheets));
  const kept = reports.map((r) => [r.sheet, r.rowsAccepted]);
  // Every county sheet but the last is held whole by the 汇总; the last keeps its own row, and the
  // row it shares with the 汇总 (the newer sheet, added last) counts there.
  expect(kept).toEqual([[last, 1], ['汇总', n - 1]]);
  const named = reports.flatMap((r) => r.issues).filter((i) => i.code === 'sheet_duplicate').map((i) => i.value).sort();
  expect(named).toEqual(counties.slice(0, -1).sort());
  expect(reports[0].issues.filter((i) => i.code === 'row_skipped_other_sheet').map((i) => [i.row, i.value])).toEqual([[2, '汇总']]);
  expect((await engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM findings'))[0].n).toBe(n);
});

test.each([
  ['2024年9月', '2024-09-00'], ['2024.9', '2024-09-00'], ['2024-09-30', '2024-09-30'], ['9月份', '0000-09-00'], ['截至9月底', '0000-09-00'],
  ['2024年9月台账', '2024-09-00'], ['汇总', null], ['2024年第一轮', null], ['1', null], ['13月', null], ['9.30', null],
])('sheetDate(%j) = %j', (name, date) => expect(sheetDate(name)).toBe(date));

// Monthly snapshots named by their month, the newest first and without dates of its own, beside an older
// sheet with some: the September statuses count (review: the June sheet was kept, 基本完成 lost).
test('snapshot sheets named by month: the later month stays, whatever the order and the dates inside', async () => {
  engine = await freshEngine();
  const H = ['序号', '被巡察单位', '轮次名称', '具体问题', '整改状态', '完成时间'];
  const reports = await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book([
    ['2024年9月', [H, [1, '市教育局党委', R, '理论学习不深入', '基本完成', null], [2, '市财政局党组', R, '违规吃喝', '正在推进', null]]],
    ['2024年6月', [H, [1, '市教育局党委', R, '理论学习不深入', '正在推进', null], [2, '市财政局党组', R, '违规吃喝', '已完成', '2024-05-20']]],
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['2024年9月', 2]]);
  expect(await engine.query('SELECT status FROM findings ORDER BY source_row')).toEqual([{ status: 'basically_completed' }, { status: 'in_progress' }]);
});

// A 立行立改 sheet whose items the main list holds too: each counts once, in the 立行立改 sheet, which classes
// it as fixed at once, whichever sheet comes first (review: the sheet was dropped as a duplicate, and the
// 立行立改 count was 0). A main list named 非立行立改问题 is no 立行立改 sheet (it was taken for one, so the order decided).
test.each([[false, '反馈问题'], [true, '反馈问题'], [false, '非立行立改问题'], [true, '非立行立改问题']])(
  'a 立行立改 sheet contained in the main list keeps its items (it comes first: %s; main list %s)', async (first, mainName) => {
  engine = await freshEngine();
  const H = ['序号', '被巡察单位', '轮次名称', '反馈时间', '具体问题', '整改时限', '整改状态'];
  const main: [string, (string | number | null)[][]] = [mainName as string, [H, [1, '市教育局党委', R, '2024-03-01', '理论学习不深入', '2024年6月底前', '正在推进'],
    [2, '市教育局党委', R, '2024-03-01', '公车私用', '2024年6月底前', '已完成']]];
  const now: [string, (string | number | null)[][]] = ['立行立改问题', [H, [1, '市教育局党委', R, '2024-03-01', '公车私用', '立行立改', '已完成']]];
  await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book(first ? [now, main] : [main, now]));
  expect(await engine.query('SELECT source_sheet, problem_title, rect_type FROM findings ORDER BY problem_title')).toEqual([
    { source_sheet: '立行立改问题', problem_title: '公车私用', rect_type: '立行立改' },
    { source_sheet: mainName, problem_title: '理论学习不深入', rect_type: null }]);
});

// helper-130: a committee that numbers its rounds within each year and writes no 届次 has a 第一轮 every year. A workbook of
// one sheet per year, the same problem found again in 2024, left the 2023年 sheet out as held whole by the 2024年 one.
test('sheets of two years, fed back a year apart or of two 年度, hold none of each other; copies of one year still do', async () => {
  engine = await freshEngine();
  const H = ['序号', '县市区', '年度', '轮次', '被巡察单位', '反馈时间', '具体问题', '整改状态', '完成时间'];
  const y2023 = [1, '婺城区', 2023, '第一轮', '婺城区琅琊镇党委', '2023-05-10', '违规吃喝问题较为突出', '已完成', '2023-08-01'];
  const y2024 = [[1, '婺城区', 2024, '第一轮', '婺城区琅琊镇党委', '2024-05-20', '违规吃喝问题较为突出', '正在整改', null],
    [2, '婺城区', 2024, '第一轮', '婺城区汤溪镇党委', '2024-05-20', '三会一课不规范', '已完成', '2024-07-01']];
  const two = await importOk(engine, '婺城区委巡察整改台账.xlsx', book([['2023年', [H, y2023]], ['2024年', [H, ...y2024]]]));
  expect(two.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['2023年', 1], ['2024年', 2]]);
  expect(two.flatMap((r) => r.issues).filter((i) => i.code === 'sheet_duplicate' || i.code === 'row_skipped_other_sheet')).toEqual([]);
  engine.close();
  // No feedback dates: the 年度 tells them apart. Five sheets (one join over all sheets, not pair by pair) read the same.
  engine = await freshEngine();
  const noDate = (year: number) => [H, [1, '婺城区', year, '第一轮', '婺城区琅琊镇党委', null, '违规吃喝问题较为突出', '已完成', null]];
  const five = await importOk(engine, '婺城区委巡察整改台账.xlsx', book([2020, 2021, 2022, 2023, 2024].map((y) => [`${y}年`, noDate(y)])));
  expect(five.map((r) => r.rowsAccepted)).toEqual([1, 1, 1, 1, 1]);
  engine.close();
  // The same year's ledger twice (a copy beside it): one is left out, as before.
  engine = await freshEngine();
  const copy = await importOk(engine, '婺城区委巡察整改台账.xlsx', book([['2024年', [H, ...y2024]], ['2024年（副本）', [H, ...y2024]]]));
  expect(copy.map((r) => r.sheet)).toEqual(['2024年（副本）']);
  engine.close();
  // helper-131: a 汇总 stating the round's 年度 (2023) and no feedback date beside a unit's sheet fed back 2024-01-15 and
  // stating no 年度: one ledger, its years from two sources. One is left out, as before.
  engine = await freshEngine();
  const round = '十五届婺城区委第三轮巡察';
  const sum = [['序号', '年度', '轮次', '被巡察单位', '具体问题', '整改状态'], ...[1, 2].map((i) => [i, 2023, round, '婺城区财政局党组', `问题${i}违规`, '已完成'])];
  const unit = [['序号', '轮次', '被巡察单位', '反馈时间', '具体问题', '整改状态'], ...[1, 2].map((i) => [i, round, '婺城区财政局党组', '2024-01-15', `问题${i}违规`, '已完成'])];
  const pair = await importOk(engine, '婺城区.xlsx', book([['汇总', sum], ['财政局', unit]]));
  expect(pair.reduce((n, r) => n + r.rowsAccepted, 0)).toBe(2);
});

// helper-133: a termless sheet of the next term, fed back in 2023, finding again two problems of a 十四届 sheet of 2019:
// two rounds, not one, so no row is left out; a side of no known year is no sign of one round either.
test.each([
  ['年度 2019', ['序号', '年度', '被巡察单位', '具体问题', '整改状态'], (t: string, i: number) => [i + 1, 2019, '永康市财政局', t, '已完成']],
  ['no date', ['序号', '被巡察单位', '具体问题', '整改状态'], (t: string, i: number) => [i + 1, '永康市财政局', t, '已完成']],
])('a termed sheet (%s) and a termless sheet of the same number fed back years later are two rounds', async (_n, head, row) => {
  engine = await freshEngine();
  const reports = await importOk(engine, '永康市委巡察整改台账.xlsx', book([
    ['十四届第三轮', [['十四届永康市委第三轮巡察整改台账'], head, ...['理论学习不深入', '违规吃喝', '公车私用'].map(row)]],
    ['第三轮', [['永康市委第三轮巡察整改台账'], ['序号', '被巡察单位', '反馈时间', '具体问题', '整改状态'],
      ...['理论学习不深入', '违规吃喝'].map((t, i) => [i + 1, '永康市财政局', '2023-06-15', t, '正在整改'])]],
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['十四届第三轮', 3], ['第三轮', 2]]);
});

// helper-134: a county sheet listing one problem on two rows (two 具体表现 of one title) beside a 汇总 holding one of
// them: the county sheet is not held whole, and only the row the 汇总 holds counts there. The other was lost, the
// county sheet said held whole by the 汇总.
test.each([0, 4])('a problem written on two rows of a county sheet, once in the 汇总: no row is lost (%i more sheets)', async (more) => {
  engine = await freshEngine();
  const H = ['序号', '县市区', '被巡察单位', '具体问题', '具体表现', '整改状态', '完成时间'];
  const one = [1, '兰溪市', '兰溪市教育局', '财务管理不规范', '白条入账', '已完成', '2024-06-20'];
  const two = [2, '兰溪市', '兰溪市教育局', '财务管理不规范', '公务卡未强制结算', '正在推进', null];
  const other = [2, '东阳市', '东阳市卫健局', '公车私用', '私车公养', '正在推进', null];
  // Past four sheets the overlaps are found in one join over all (sharedRows): the same answer.
  const extra = ['义乌市', '永康市', '武义县', '浦江县'].slice(0, more).map((c) => [1, c, `${c}财政局`, '违规发放津补贴', '多发补贴', '已完成', '2024-05-01']);
  const reports = await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book([
    ['兰溪市', [H, one, two]], ...extra.map((r): [string, (string | number | null)[][]] => [String(r[1]), [H, r]]), ['汇总', [H, one, other, ...extra]],
  ]));
  expect(reports.map((r) => r.rowsAccepted).reduce((x, y) => x + y, 0)).toBe(3 + more);
  expect(reports.flatMap((r) => r.issues).filter((i) => i.code === 'sheet_duplicate').map((i) => i.value)).toEqual(extra.map((r) => r[1]));
  const n = await engine.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM findings');
  expect(n[0].n).toBe(3 + more);
});

// helper-135: rows of one problem are told apart by their 具体表现, not by their place: the 汇总 holding the second one
// (now done) takes that one, and the county sheet keeps the first. A row written twice alike in the older of two monthly
// snapshots is the one row the newer holds: the older is still left out.
test('a problem on two rows is matched row by row by its 具体表现; a row written twice alike is one row', async () => {
  engine = await freshEngine();
  const H = ['序号', '县市区', '被巡察单位', '具体问题', '具体表现', '整改状态', '完成时间'];
  const xa = [1, '兰溪市', '兰溪市教育局', '财务管理不规范', '白条入账', '已完成', '2024-06-20'];
  const xb = [2, '兰溪市', '兰溪市教育局', '财务管理不规范', '公务卡未强制结算', '正在推进', null];
  const xbDone = [1, '兰溪市', '兰溪市教育局', '财务管理不规范', '公务卡未强制结算', '已完成', '2024-08-01'];
  const y = [2, '东阳市', '东阳市卫健局', '公车私用', '私车公养', '正在推进', null];
  await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book([['兰溪市', [['截至2024年6月30日'], H, xa, xb]], ['汇总', [['截至2024年9月30日'], H, xbDone, y]]]));
  const rows = async () => (await engine!.query<{ d: string; s: string }>('SELECT problem_detail AS d, status AS s FROM findings ORDER BY d'))
    .map((r) => `${r.d} ${r.s}`);
  expect(await rows()).toEqual(['公务卡未强制结算 completed', '白条入账 completed', '私车公养 in_progress']);
  engine.close();
  engine = await freshEngine();
  const reports = await importOk(engine, '八届市委第三轮巡察整改台账.xlsx', book([['2024年6月', [H, xa, xa]], ['2024年9月', [H, xa, y]]]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['2024年9月', 2]]);
});

// helper-139: a 届次 in the file name and a bare 第一轮 column key both years' sheets alike; their feedback dates a year
// apart still tell them apart (dropping that check for rounds with a term lost 2023's findings).
test('two years\' 第一轮 sheets under a file name with a 届次 are both kept when fed back a year apart', async () => {
  engine = await freshEngine();
  const H = ['序号', '被巡察单位', '轮次名称', '反馈时间', '具体问题', '整改状态'];
  const sheet = (year: number) => [[`永康市委${year}年第一轮巡察整改台账`], H,
    ...['财务管理不规范', '公车管理不严'].map((t, i) => [i + 1, '永康市财政局', '第一轮', `${year}-04-10`, t, year === 2023 ? '已完成' : '正在整改'])];
  const reports = await importOk(engine, '十五届永康市委巡察整改台账.xlsx', book([['2023年', sheet(2023)], ['2024年', sheet(2024)]]));
  expect(reports.reduce((n, r) => n + r.rowsAccepted, 0)).toBe(4);
});
