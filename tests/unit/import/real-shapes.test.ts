import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { engineEachTest, freshEngine, importOk, issuesOf, mergedWorkbook, utf8 } from './helpers';
import { statedAsOf } from '../../../src/lib/import/title';

/**
 * Ledgers shaped as offices really fill them in: blocks pasted together, template rows left
 * unfilled, statuses under headers of their own, dates as Excel writes them out as text.
 * Each expectation is worked out by hand from the rows below.
 */
const e = engineEachTest();

const enc = (s: string) => new TextEncoder().encode(s);

function workbook(rows: (string | number | null)[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('blocks pasted together: repeated headers spelled differently, heading rows, 合　计 and a signature line are skipped', async () => {
  const bytes = workbook([
    ['八届市委第三轮巡察整改台账'],
    ['序号', '县市区', '被巡察单位', '具体问题', '整改状态', '完成时间'],
    [1, '婺城区', '婺城区教育局', '理论学习不深入', '已完成', '2024-05-01'],
    ['婺城区'],
    ['义乌市巡察整改台账'],
    ['序号', '县（市、区）', '被巡察单位名称', '具体问题', '整改状态', '完成时间'],
    [1, '义乌市', '义乌市卫健局', '违规吃喝', '已完成', '2024-05-02'],
    ['序号', '县市区', '被巡察单位', '存在问题', '整改进展', '完成时间'],
    [1, '东阳市', '东阳市财政局', '违规发放', '正在推进', null],
    ['合\u3000计', null, null, '3个', null, null],
    ['填表人：张三', null, null, null, '联系电话：12345678', null],
  ]);
  const [r] = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 6]);
  expect(issuesOf(r, 'info').filter((i) => i.code.startsWith('row_skipped'))).toEqual([
    { row: 4, code: 'row_skipped_heading' }, { row: 5, code: 'row_skipped_heading' },
    { row: 6, code: 'row_skipped_header' }, { row: 8, code: 'row_skipped_header' },
    { row: 10, code: 'row_skipped_total' }, { row: 11, code: 'row_skipped_note' },
  ]);
  const rows = await e.query(`SELECT county, unit_name, status FROM findings ORDER BY source_row`);
  expect(rows).toEqual([
    { county: '婺城区', unit_name: '婺城区教育局', status: 'completed' },
    { county: '义乌市', unit_name: '义乌市卫健局', status: 'completed' },
    { county: '东阳市', unit_name: '东阳市财政局', status: 'in_progress' },
  ]);
});

test('a template numbered in advance: rows holding only their 序号 are skipped, not rejected', async () => {
  const csv = ['序号,县市区,被巡察单位,轮次名称,具体问题,整改状态', '1,永康市,永康市教育局,八届市委第三轮巡察,问题一,已完成', '2,,,,,', '3,,,,,'].join('\n');
  const [r] = await importOk(e, 'tpl.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([1, 0, 2]);
  expect(issuesOf(r, 'info').filter((i) => i.code.startsWith('row_skipped'))).toEqual([
    { row: 3, code: 'row_skipped_numbered' }, { row: 4, code: 'row_skipped_numbered' },
  ]);
});

test('a template handed out with formulas or a county in every row: the unfilled rows below the data are skipped, not rejected', async () => {
  // Rows 5 and 7 hold a pre-set 序号 with a formula's 0 in a column not read, or a county typed in advance.
  // A row without a problem between two problems, or below them with a status (a formula's 未完成, or a
  // row left half-written), is still rejected.
  const csv = ['序号,县市区,被巡察单位,轮次名称,具体问题,整改状态,完成率', '1,永康市,永康市教育局,八届市委第三轮巡察,问题一,已完成,100%',
    '2,永康市,,,,已完成,100%', '3,永康市,永康市财政局,八届市委第三轮巡察,问题三,正在推进,50%',
    '4,,,,,,0', '5,,,,,未完成,0', '6,永康市,,,,,', '注：本表由各单位填写'].join('\n');
  const [r] = await importOk(e, 'tpl.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 2, 3]);
  expect(issuesOf(r, 'info').filter((i) => i.code.startsWith('row_skipped'))).toEqual([
    { row: 5, code: 'row_skipped_template' }, { row: 7, code: 'row_skipped_template' }, { row: 8, code: 'row_skipped_note' },
  ]);
  expect([...new Set(issuesOf(r, 'error').map((i) => i.row))]).toEqual([3, 6]);
  // A template whose every unfilled row holds the same formula's status and deadline: those were set in advance.
  const preset = ['序号,县市区,被巡察单位,轮次名称,具体问题,整改时限,整改状态,完成率', '1,婺城区,婺城区教育局,八届市委第一轮巡察,问题一,2024-06-30,已完成,100%',
    '2,婺城区,婺城区财政局,八届市委第一轮巡察,问题二,2024-06-30,正在推进,50%',
    ...[3, 4, 5].map((n) => `${n}.,婺城区,,八届市委第一轮巡察,,1900/1/30,未完成,0%`), '合计,,,,,,,'].join('\n');
  const [t] = await importOk(e, 'preset.csv', enc(preset));
  expect([t.rowsAccepted, t.rowsRejected]).toEqual([2, 0]);
  expect(issuesOf(t, 'info').filter((i) => i.code.startsWith('row_skipped')).map((i) => i.code))
    .toEqual(['row_skipped_template', 'row_skipped_template', 'row_skipped_template', 'row_skipped_total']);
  // No year anywhere: said of the two problems imported, not of the rejected row.
  expect(r.issues.find((i) => i.code === 'year_missing')?.value).toBe('2');
});

test('a measure of the last problem (序号 2.1, its cells merged and saved as CSV) is folded into it, not taken for a template row', async () => {
  const csv = ['序号,县市区,被巡察单位,轮次名称,具体问题,整改时限,整改状态', '1,永康市,永康市教育局,八届市委第三轮巡察,问题一,2024-06-30,已完成',
    '2,永康市,永康市财政局,八届市委第三轮巡察,问题二,2024-06-30,已完成', '2.1,,,,,2024-12-31,正在推进'].join('\n');
  const [r] = await importOk(e, 'measures.csv', enc(csv));
  expect(issuesOf(r, 'info').filter((i) => i.code.startsWith('row_skipped'))).toEqual([{ row: 4, code: 'row_skipped_measure' }]);
  expect(await e.query(`SELECT status, deadline FROM findings ORDER BY source_row`)).toEqual([
    { status: 'completed', deadline: '2024-06-30' }, { status: 'in_progress', deadline: '2024-12-31' },
  ]);
});

test('the example row of a form (序号 示例, a problem text beginning （示例）) is skipped; a sheet of nothing else is no dataset', async () => {
  const head = '序号,县市区,被巡察单位,轮次名称,具体问题,整改状态';
  const csv = [head, '示例,婺城区,XX镇党委,八届市委第三轮巡察,违规发放津补贴,已完成', '1,婺城区,婺城区罗店镇党委,八届市委第三轮巡察,（示例）公务接待不规范,已完成',
    '2,婺城区,婺城区罗店镇党委,八届市委第三轮巡察,公务接待不规范,正在推进', '3,婺城区,婺城区罗店镇党委,八届市委第三轮巡察,举例说明制度执行不严格的问题,正在推进',
    '例1,婺城区,XX局党组,八届市委第三轮巡察,违规吃喝,已完成', '4,婺城区,XX局党组,八届市委第三轮巡察,违规吃喝（示例）,已完成'].join('\n');
  const [r] = await importOk(e, 'form.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 4]);
  expect(issuesOf(r, 'info').filter((i) => i.code.startsWith('row_skipped'))).toEqual([
    { row: 2, code: 'row_skipped_example' }, { row: 3, code: 'row_skipped_example' }, { row: 6, code: 'row_skipped_example' }, { row: 7, code: 'row_skipped_example' },
  ]);
});

test('statuses under 是否完成, 目前整改进展情况 or 整改落实情况 are read; no status column at all is said once', async () => {
  const ledger = (header: string, values: string[]) => enc([`县市区,被巡察单位,轮次名称,具体问题,${header}`,
    ...values.map((v, i) => `永康市,永康市教育局,八届市委第三轮巡察,问题${i + 1},${v}`)].join('\n'));
  // The four files hold the same problems: each is kept (not asked about as a later version of the last).
  const statusesOf = async (name: string, bytes: Uint8Array) => {
    const [r] = await importOk(e, name, bytes, { allowDuplicate: true });
    const rows = await e.query<{ status: string | null }>(`SELECT status FROM findings WHERE dataset_id = '${r.datasetId}' ORDER BY source_row`);
    return { report: r, statuses: rows.map((x) => x.status) };
  };
  expect((await statusesOf('a.csv', ledger('是否完成', ['是', '否']))).statuses).toEqual(['completed', 'not_completed']);
  expect((await statusesOf('b.csv', ledger('目前整改进展情况', ['已完成', '正在整改']))).statuses).toEqual(['completed', 'in_progress']);
  const summary = await statusesOf('c.csv', ledger('整改落实情况', ['召开专题会议，对未落实到位的3个村进行了约谈，问题已整改完成', '正在整改']));
  expect(summary.statuses).toEqual(['completed', 'in_progress']);
  expect(issuesOf(summary.report, 'info')).toContainEqual({ row: 0, code: 'status_from_summary' });

  const none = await statusesOf('d.csv', ledger('整改措施', ['召开专题会议', '建立制度']));
  expect(none.statuses).toEqual([null, null]);
  expect(issuesOf(none.report, 'warning')).toContainEqual({ row: 0, code: 'status_missing' });
  // Said of the dataset (row 0), so no row counts as warned for it.
  expect(none.report.rowsWarned).toBe(new Set(issuesOf(none.report, 'warning').filter((i) => i.row > 0).map((i) => i.row)).size);
});

test('a status cell left empty reads 整改完成情况 beside it; with both empty the row is warned', async () => {
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态,整改完成情况',
    '永康市,永康市教育局,八届市委第三轮巡察,问题一,,召开专题会议研究部署，该问题已整改完成。',
    '永康市,永康市教育局,八届市委第三轮巡察,问题二,,正在整改',
    '永康市,永康市教育局,八届市委第三轮巡察,问题三,未完成,',
    '永康市,永康市教育局,八届市委第三轮巡察,问题四,,'].join('\n');
  const [r] = await importOk(e, 'blank-status.csv', enc(csv));
  expect((await e.query<{ status: string | null }>(`SELECT status FROM findings ORDER BY source_row`)).map((x) => x.status))
    .toEqual(['completed', 'in_progress', 'not_completed', null]);
  expect(r.issues.filter((i) => i.code.startsWith('status')).map((i) => [i.row, i.code])).toEqual([[5, 'status_blank']]);
});

test('headings numbered 一、 and （一） in their own cell, their text in the problem column, are sections, not findings', async () => {
  const csv = ['中共永康市古山镇委员会关于八届市委第六轮巡察反馈意见整改落实情况台账',
    '序号,反馈问题,整改措施,整改时限,整改状态',
    '一、,贯彻落实党中央决策部署不够有力方面,,,',
    '（一）,学习贯彻党的创新理论不够深入,,,',
    '1,第一议题制度落实不到位,建立学习制度,2024年6月底前,已完成',
    '2,理论学习中心组学习记录不完整,规范学习记录,2024年6月底前,正在整改',
    '二、,全面从严治党方面,,,',
    '3,违规发放津补贴,清退资金,2024年6月底前,已完成'].join('\n');
  const [r] = await importOk(e, 'nested.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([3, 3]);
  expect(r.issues.filter((i) => i.code === 'row_skipped_section').map((i) => [i.row, i.value])).toEqual([
    [3, '一、贯彻落实党中央决策部署不够有力方面'], [4, '（一）学习贯彻党的创新理论不够深入'], [7, '二、全面从严治党方面']]);
  expect(await e.query(`SELECT problem_title, aspect_raw, status FROM findings ORDER BY source_row`)).toEqual([
    { problem_title: '第一议题制度落实不到位', aspect_raw: '（一）学习贯彻党的创新理论不够深入', status: 'completed' },
    { problem_title: '理论学习中心组学习记录不完整', aspect_raw: '（一）学习贯彻党的创新理论不够深入', status: 'in_progress' },
    { problem_title: '违规发放津补贴', aspect_raw: '二、全面从严治党方面', status: 'completed' },
  ]);
});

test('a county cell naming a county with more words is that county; another place is kept and warned; zones are their own', async () => {
  const rows = [['兰溪市委', '兰溪市教育局'], ['东阳市横店镇', '东阳市横店镇党委'], ['义乌市（含开发区）', '义乌市经开区'], ['永康县', '永康市西城街道'],
    ['杭州市', '杭州市某局'], ['', '金华山旅游经济区管委会']];
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态', ...rows.map(([c, u], i) => `${c},${u},八届市委第三轮巡察,问题${i + 1},已完成`)].join('\n');
  const [r] = await importOk(e, 'counties.csv', enc(csv));
  expect(await e.query(`SELECT county, county_code FROM findings ORDER BY source_row`)).toEqual([
    { county: '兰溪市', county_code: '330781' }, { county: '东阳市', county_code: '330783' }, { county: '义乌市', county_code: '330782' },
    { county: '永康市', county_code: '330784' }, { county: '杭州市', county_code: null }, { county: '金华山旅游经济区', county_code: null },
  ]);
  expect(r.issues.filter((i) => i.code.startsWith('county')).map((i) => [i.row, i.code, i.value])).toEqual([[6, 'county_not_listed', '杭州市']]);
});

test('已销号 inside a status text marks the item closed; 未销号, 待销号 and 申请销号 do not', async () => {
  const statuses = ['已完成（已销号）', '已完成，已销号', '已完成，尚未销号', '已完成，待销号', '已完成，已申请销号', '销号'];
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态', ...statuses.map((v, i) => `永康市,永康市教育局,八届市委第三轮巡察,问题${i + 1},${v}`)].join('\n');
  await importOk(e, 'closed.csv', enc(csv));
  expect((await e.query<{ closed: boolean | null }>(`SELECT closed FROM findings ORDER BY source_row`)).map((x) => x.closed))
    .toEqual([true, true, null, null, null, true]);
});

test('a 截至 date in the title is the as-of date, so items due after it are not overdue and later completions are warned', async () => {
  const csv = ['婺城区委第二轮巡察整改台账（截至2024年9月1日）',
    '县市区,被巡察单位,轮次名称,具体问题,整改状态,整改时限,完成时间',
    '婺城区,婺城区教育局,十二届婺城区委第二轮巡察,问题一,已完成,2024年12月底前,2024-12-20',
    '婺城区,婺城区教育局,十二届婺城区委第二轮巡察,问题二,正在整改,2024年10月底前,'].join('\n');
  const [r] = await importOk(e, 'asof.csv', enc(csv));
  expect(r.asOf).toBe('2024-09-01');
  expect(issuesOf(r, 'warning')).toContainEqual({ row: 3, code: 'completion_after_as_of' });
  expect(statedAsOf(['台账（截止2024.9.30）'], '2026-01-01')).toBe('2024-09-30');
  expect(statedAsOf(['数据统计至2024年9月底'], '2026-01-01')).toBe('2024-09-30');
  expect(statedAsOf(['截至2024年2月30日', '截至2027年1月1日', '2024年台账'], '2026-01-01')).toBeNull();
});

test('a completion month that holds the stated as-of date reads as that date, so the item is completed at the ledger\'s own date', async () => {
  const csv = ['婺城区委第二轮巡察整改台账（截至2024年8月15日）',
    '县市区,被巡察单位,轮次名称,具体问题,整改状态,完成时间',
    '婺城区,婺城区教育局,十二届婺城区委第二轮巡察,问题一,已完成,2024年8月',
    '婺城区,婺城区教育局,十二届婺城区委第二轮巡察,问题二,已完成,2024.8',
    '婺城区,婺城区教育局,十二届婺城区委第二轮巡察,问题三,已完成,2024年7月',
    '婺城区,婺城区教育局,十二届婺城区委第二轮巡察,问题四,已完成,2024-08-20',
    '婺城区,婺城区教育局,十二届婺城区委第二轮巡察,问题五,已完成,2024年9月'].join('\n');
  const [r] = await importOk(e, 'months.csv', enc(csv));
  expect(r.asOf).toBe('2024-08-15');
  expect((await e.query<{ d: string }>(`SELECT CAST(completion_date AS VARCHAR) AS d FROM findings ORDER BY source_row`)).map((x) => x.d))
    .toEqual(['2024-08-15', '2024-08-15', '2024-07-31', '2024-08-20', '2024-09-30']);
  // A day written out, or a later month, stays as written and is warned.
  expect(issuesOf(r, 'warning').filter((i) => i.code === 'completion_after_as_of').map((i) => i.row)).toEqual([6, 7]);
});

test('the day a filer line says the ledger was filled in is its as-of date; a period is not', async () => {
  const csv = ['永康市委第五轮巡察反馈问题整改落实情况汇总表', '填报单位：永康市委巡察办,,,,填报时间：2024年9月30日',
    '县市区,被巡察单位,轮次名称,具体问题,整改状态,整改时限',
    '永康市,永康市古山镇党委,八届永康市委第五轮巡察,违规吃喝问题仍有发生,正在推进,2024年9月底前',
    '永康市,永康市古山镇党委,八届永康市委第五轮巡察,村班子配备不齐,正在推进,2024年10月底前'].join('\n');
  const [r] = await importOk(e, 'filed.csv', enc(csv));
  expect(r.asOf).toBe('2024-09-30');
  const today = '2026-01-01';
  expect(statedAsOf(['填报日期：2024年10月8日'], today)).toBe('2024-10-08');
  expect(statedAsOf(['报送时间 2024.10.8'], today)).toBe('2024-10-08');
  expect(statedAsOf(['制表日期:2024/6/30'], today)).toBe('2024-06-30');
  expect(statedAsOf(['统计时间：2024年1月-6月', '统计时间：2024年1月至6月', '统计时间：2024年1月1日-2024年6月30日', '统计时间：2024年1月1日至6月30日',
    '统计时间：2024.1-2024.6', '统计时间 2024年1-6月', '填报时间：2024年1月1日-6月30日', '截至2024年1月1日至6月30日'], today)).toBeNull();
  expect(statedAsOf(['填报人：张三'], today)).toBeNull();
});

test('several numbered problems in one cell are warned; amounts and years with points are not item numbers', async () => {
  const titles = ['1.违规吃喝问题突出；2.津补贴发放不规范；3.公车管理不严', '（1）三会一课不规范（2）党费收缴不及时', '①台账不全②制度缺失',
    '2023年违规发放津补贴1.5万元，涉及2.3万元未清退', '三会一课落实不规范'];
  const csv = ['县市区,被巡察单位,轮次名称,具体问题,整改状态', ...titles.map((t, i) => `永康市,永康市教育局,八届市委第三轮巡察,${t},已完成`)].join('\n');
  const [r] = await importOk(e, 'several.csv', enc(csv));
  expect(r.issues.filter((i) => i.code === 'title_several_problems').map((i) => i.row)).toEqual([2, 3, 4]);
});

test('a category code whose subcategory is unknown (A6) counts under its letter and is warned', async () => {
  const csv = ['县市区,被巡察单位,轮次名称,问题类别,具体问题,整改状态', '永康市,永康市教育局,八届市委第三轮巡察,A6,问题一,已完成',
    '永康市,永康市教育局,八届市委第三轮巡察,A3,问题二,已完成', '永康市,永康市教育局,八届市委第三轮巡察,A,问题三,已完成'].join('\n');
  const [r] = await importOk(e, 'codes.csv', enc(csv));
  expect(await e.query(`SELECT category_l1, category_l2 FROM findings ORDER BY source_row`)).toEqual([
    { category_l1: 'A', category_l2: null }, { category_l1: 'A', category_l2: 'A3' }, { category_l1: 'A', category_l2: null }]);
  expect(r.issues.filter((i) => i.code === 'category_code_unknown').map((i) => [i.row, i.value])).toEqual([[2, 'A6']]);
  // The code in a 问题子类 column beside its letter in 问题类别: warned the same way.
  const two = ['县市区,被巡察单位,轮次名称,问题类别,问题子类,具体问题,整改状态', '永康市,永康市卫健局,八届市委第三轮巡察,C,C9,问题四,已完成'].join('\n');
  const [t] = await importOk(e, 'codes2.csv', enc(two));
  expect(t.issues.filter((i) => i.code === 'category_code_unknown').map((i) => [i.row, i.value])).toEqual([[2, 'C9']]);
});

test('a category no rule knows (X9, 9) is classed by the title and warned; 长期坚持 alone as the status is warned, status unknown', async () => {
  const csv = ['县市区,被巡察单位,轮次名称,问题类别,具体问题,整改状态', '永康市,永康市教育局,八届市委第三轮巡察,X9,选人用人把关不严,已完成',
    '永康市,永康市教育局,八届市委第三轮巡察,B1,理论学习不深入,长期坚持', '永康市,永康市教育局,八届市委第三轮巡察,,违规吃喝,已完成'].join('\n');
  const [r] = await importOk(e, 'codes.csv', enc(csv));
  expect(await e.query(`SELECT category_l1, category_l2, status, long_term FROM findings ORDER BY source_row`)).toEqual([
    { category_l1: 'C', category_l2: 'C1', status: 'completed', long_term: false },
    { category_l1: 'B', category_l2: 'B1', status: null, long_term: true },
    { category_l1: 'D', category_l2: 'D1', status: 'completed', long_term: false }]);
  // The third row has no category text: the title is all there is, which is no news.
  const news = r.issues.filter((i) => i.code !== 'completed_without_date' && i.code !== 'year_missing');
  expect(news.filter((i) => i.severity === 'warning').map((i) => [i.row, i.code, i.value]))
    .toEqual([[2, 'category_from_title', 'X9'], [3, 'status_long_term_only', '长期坚持']]);
});

test('the marks under the last row of a printed form ((此页无正文), 以下无内容) are skipped notes, not rejected rows', async () => {
  const rows = [['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'], ['永康市', '永康市教育局', '八届市委第三轮巡察', '理论学习不深入', '已完成'],
    ['（此页无正文）', null, null, null, null], ['以下无内容', null, null, null, null], [null, '（本页无正文）', null, null, null]];
  const [r] = await importOk(e, 'printed.xlsx', workbook(rows));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([1, 0, 3]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_note').map((i) => i.row)).toEqual([3, 4, 5]);
});

test('a 序号 written as (一), 二、 or ① is no id: ids are round, unit and 序号; real ids (YK-2024-01, 1.2) are kept', async () => {
  const head = '县市区,被巡察单位,轮次名称,序号,具体问题,整改状态';
  const rows = ['1,理论学习不深入', '(二),三会一课不规范', '三、,违规吃喝', '④,公车私用', '１５,津补贴发放不规范'].map((x) => `永康市,永康市教育局,八届市委第三轮巡察,${x},已完成`);
  await importOk(e, 'seq.csv', enc([head, ...rows].join('\n')));
  expect((await e.query<{ finding_id: string }>('SELECT finding_id FROM findings ORDER BY source_row')).map((r) => r.finding_id))
    .toEqual(['1', '(二)', '三、', '④', '１５'].map((n) => `金华市|市委|八届|3|永康市教育局|${n}`));
  // Dotted ids may be what a later round's 上轮问题编号 cites, so they are kept as written.
  const ids = ['YK-2024-01,理论学习不深入', '1.2,三会一课不规范'].map((x) => `永康市,永康市卫健局,八届市委第三轮巡察,${x},已完成`);
  await importOk(e, 'ids.csv', enc([head, ...ids].join('\n')));
  expect((await e.query<{ finding_id: string }>("SELECT finding_id FROM findings WHERE unit_name = '永康市卫健局' ORDER BY source_row")).map((r) => r.finding_id))
    .toEqual(['YK-2024-01', '1.2']);
});

test('dates as Excel writes them out as text (2024/3/15 0:00) keep their day', async () => {
  const csv = ['县市区,被巡察单位,轮次名称,反馈时间,具体问题,整改状态,完成时间',
    '永康市,永康市教育局,八届市委第三轮巡察,2024/3/15 0:00,问题一,已完成,2024/6/1 10:00',
    '永康市,永康市教育局,八届市委第三轮巡察,2024/3/15 0:00,问题二,已完成,2024.6.5 8:00'].join('\n');
  await importOk(e, 'times.csv', enc(csv));
  expect(await e.query(`SELECT feedback_date, completion_date FROM findings ORDER BY source_row`)).toEqual([
    { feedback_date: '2024-03-15', completion_date: '2024-06-01' },
    { feedback_date: '2024-03-15', completion_date: '2024-06-05' },
  ]);
});

const COUNTY_HEADER = ['序号', '县市区', '被巡察单位', '具体问题', '整改状态', '完成时间'];

function sheets(list: { name: string; rows: (string | number | null)[][]; hidden?: boolean }[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of list) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  wb.Workbook = { Sheets: list.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('a 汇总 sheet beside one sheet per county: the findings are imported once, and the left-out sheets are named', async () => {
  const wucheng = [[1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-05-01'], [2, '婺城区', '婺城区卫健局', '问题B', '正在推进', null]];
  const yiwu = [[1, '义乌市', '义乌市教育局', '问题C', '已完成', '2024-05-01']];
  const reports = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([
    { name: '婺城区', rows: [COUNTY_HEADER, ...wucheng] },
    { name: '汇总', rows: [COUNTY_HEADER, ...wucheng, [3, ...yiwu[0].slice(1)]] },
    { name: '义乌市', rows: [COUNTY_HEADER, ...yiwu] },
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['汇总', 3]]);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_duplicate').map((i) => i.value)).toEqual(['婺城区', '义乌市']);
  expect(await e.query(`SELECT source_sheet, count(*) AS n FROM findings GROUP BY ALL`)).toEqual([{ source_sheet: '汇总', n: 3 }]);
});

test('sheets that only overlap are both imported, each shared finding once, in the later sheet; a hidden sheet is named, not imported', async () => {
  const reports = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([
    { name: '一', rows: [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-05-01'], [2, '婺城区', '婺城区卫健局', '问题B', '已完成', '2024-05-01']] },
    { name: '二', rows: [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-05-01'], [2, '义乌市', '义乌市教育局', '问题C', '已完成', '2024-05-01']] },
    { name: '台账(旧)', rows: [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '正在推进', null]], hidden: true },
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted, r.rowsSkipped])).toEqual([['一', 1, 1], ['二', 2, 0]]);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_hidden').map((i) => i.value)).toEqual(['台账(旧)']);
  const overlaps = reports.map((r) => r.issues.filter((i) => i.code === 'row_skipped_other_sheet').map((i) => [i.row, i.value]));
  expect(overlaps).toEqual([[[2, '二']], []]);
  expect(await e.query(`SELECT source_sheet, problem_title FROM findings ORDER BY ALL`)).toEqual([
    { source_sheet: '一', problem_title: '问题B' }, { source_sheet: '二', problem_title: '问题A' }, { source_sheet: '二', problem_title: '问题C' },
  ]);
  expect(await e.query(`SELECT count(*) AS n FROM findings WHERE status <> 'completed'`)).toEqual([{ n: 0 }]);
});

test('a 汇总 beside county sheets, one of which has a row the 汇总 lacks: every finding once (review: 7 instead of 5)', async () => {
  const dy = [[1, '东阳市', '东阳市教育局', '问题A', '已完成', '2024-05-01'], [2, '东阳市', '东阳市卫健局', '问题B', '正在整改', null]];
  const yw = [[1, '义乌市', '义乌市教育局', '问题C', '已完成', '2024-05-01'], [2, '义乌市', '义乌市财政局', '问题D', '正在整改', null]];
  const reports = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([
    { name: '汇总', rows: [COUNTY_HEADER, ...dy, ...yw] },
    { name: '东阳市', rows: [COUNTY_HEADER, ...dy] },
    { name: '义乌市', rows: [COUNTY_HEADER, ...yw, [3, '义乌市', '义乌市民政局', '问题E', '正在整改', null]] },
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted, r.rowsSkipped])).toEqual([['汇总', 2, 2], ['义乌市', 3, 0]]);
  expect(await e.query(`SELECT count(*) AS n, count(*) FILTER (WHERE status = 'completed') AS done FROM findings`)).toEqual([{ n: 5, done: 2 }]);
});

test('snapshots in one workbook, the September sheet first: the shared findings take the September statuses (review)', async () => {
  const sep = [['截至2024年9月30日'], COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-08-01'], [2, '婺城区', '婺城区卫健局', '问题B', '已完成', '2024-09-01'],
    [3, '婺城区', '婺城区财政局', '新增问题', '正在推进', null]];
  const jun = [['截至2024年6月30日'], COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '正在推进', null], [2, '婺城区', '婺城区卫健局', '问题B', '正在推进', null],
    [3, '婺城区', '婺城区民政局', '已销号问题', '已完成', '2024-05-01']];
  // An undated sheet between them does not upset the order (review).
  const other = [COUNTY_HEADER, [1, '义乌市', '义乌市教育局', '问题C', '正在推进', null]];
  const reports = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([{ name: '2024年9月', rows: sep }, { name: '其他', rows: other }, { name: '2024年6月', rows: jun }]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['2024年9月', 3], ['其他', 1], ['2024年6月', 1]]);
  expect(await e.query(`SELECT problem_title, status FROM findings ORDER BY problem_title`)).toEqual([
    { problem_title: '已销号问题', status: 'completed' }, { problem_title: '新增问题', status: 'in_progress' },
    { problem_title: '问题A', status: 'completed' }, { problem_title: '问题B', status: 'completed' }, { problem_title: '问题C', status: 'in_progress' },
  ]);
});

test('a zone sheet without a county column beside a 汇总 naming the zone: the shared findings count once (review)', async () => {
  const zone = [['序号', '被巡察单位', '具体问题', '整改状态', '完成时间'], [1, '经发局', '违规吃喝', '已完成', '2024-05-01'],
    [2, '经发局', '公车私用', '已完成', '2024-05-01'], [3, '经发局', '新问题', '已完成', '2024-05-01']];
  const all = [COUNTY_HEADER, [1, '金华开发区', '经发局', '违规吃喝', '正在推进', null], [2, '金华开发区', '经发局', '公车私用', '正在推进', null],
    [3, '东阳市', '东阳市甲局', '问题三', '正在推进', null]];
  await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([{ name: '汇总', rows: all }, { name: '开发区', rows: zone }]));
  expect((await e.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM findings`))[0].n).toBe(4);
});

test('a sheet whose every finding a newer sheet holds, beside rows of its own elsewhere, is no dataset of 0 rows', async () => {
  const a = [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-05-01']];
  const b = [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-05-01'], [2, '义乌市', '义乌市教育局', '问题C', '正在推进', null]];
  const reports = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([{ name: '一', rows: a }, { name: '二', rows: b }]));
  expect(reports.every((r) => r.rowsAccepted > 0)).toBe(true);
});

test('a workbook whose only ledger is hidden is still read', async () => {
  const [r] = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([
    { name: '台账', rows: [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-05-01']], hidden: true },
  ]));
  expect([r.sheet, r.rowsAccepted]).toEqual(['台账', 1]);
});

test('a sheet named only by a numeral gives the round number only when the title and file name do not', async () => {
  const rows = [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '教育经费管理不规范', '已完成', '2024-05-01']];
  await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([{ name: '一', rows }, { name: '2', rows: [COUNTY_HEADER, [1, '义乌市', '义乌市教育局', '问题C', '已完成', '2024-05-01']] }]));
  const e2 = await freshEngine();
  await importOk(e2, '八届市委巡察整改台账.xlsx', sheets([{ name: '1', rows }, { name: '二', rows }]));
  const keys = (x: typeof e) => x.query(`SELECT source_sheet, round_key FROM findings ORDER BY source_sheet`);
  expect(await keys(e)).toEqual([{ source_sheet: '2', round_key: '金华市|市委|八届|3' }, { source_sheet: '一', round_key: '金华市|市委|八届|3' }]);
  expect(await keys(e2)).toEqual([{ source_sheet: '1', round_key: '金华市|市委|八届|1' }, { source_sheet: '二', round_key: '金华市|市委|八届|2' }]);
});

test('a percentage cell under 完成进度 reads as the percentage Excel shows: 100% is completed, 80% in progress', async () => {
  const ws = XLSX.utils.aoa_to_sheet([['序号', '县市区', '被巡察单位', '具体问题', '完成进度'],
    [1, '婺城区', '婺城区教育局', '教育经费管理不规范', 1], [2, '婺城区', '婺城区卫健局', '药品采购廉政风险防控不力', 0.8]]);
  for (const ref of ['E2', 'E3']) ws[ref].z = '0%';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '台账');
  await importOk(e, '八届市委第三轮巡察整改台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(await e.query(`SELECT status_raw, status FROM findings ORDER BY source_row`)).toEqual([
    { status_raw: '100%', status: 'completed' }, { status_raw: '80%', status: 'in_progress' },
  ]);
});

test('a hidden ledger behind a visible 说明 or counts sheet is read, and said to be; the visible sheets are named', async () => {
  const [r] = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([
    { name: '说明', rows: [['填报说明'], ['请按要求填写整改台账，本表由系统导出']] },
    { name: '汇总', rows: [['县市区', '反馈问题（个）', '已完成（个）'], ['婺城区', 2, 1]] },
    { name: '台账', rows: [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-05-01'], [2, '婺城区', '婺城区卫健局', '问题B', '正在推进', null]], hidden: true },
  ]));
  expect([r.sheet, r.rowsAccepted]).toEqual(['台账', 2]);
  expect(r.issues.filter((i) => i.row === 0 && i.code !== 'year_missing').map((i) => [i.code, i.value])).toEqual([['sheet_not_imported', '说明'], ['sheet_not_imported', '汇总'], ['sheet_read_hidden', '台账']]);
  expect(await e.query(`SELECT source_sheet, count(*) AS n FROM findings GROUP BY ALL`)).toEqual([{ source_sheet: '台账', n: 2 }]);
});

test("a 县级市's own 市委 rounds (a term not 金华's) belong to it; a 轮次 column of whole labels names the committee", async () => {
  const csv = ['县市区,被巡察单位,届次,轮次,巡视巡察主体,具体问题,整改状态',
    '东阳市,东阳市教育局,十六届,3,市委,问题一,已完成', '东阳市,东阳市教育局,八届,3,市委,问题二,已完成',
    '婺城区,婺城区教育局,十六届,3,市委,问题三,已完成'].join('\n');
  await importOk(e, 'a.csv', enc(csv));
  expect((await e.query<{ round_key: string }>(`SELECT round_key FROM findings ORDER BY source_row`)).map((r) => r.round_key)).toEqual([
    '东阳市|县(市、区)委|十六届|3', '金华市|市委|八届|3',
    // 婺城区 is a district: its committee is a 区委, so a 市委 is 金华's whatever the term.
    '金华市|市委|十六届|3',
  ]);
  const labels = ['被巡察单位,轮次,具体问题,整改状态', '佛堂镇党委,十五届市委第三轮巡察,问题一,已完成'].join('\n');
  const [r] = await importOk(e, '义乌市巡察整改台账.csv', enc(labels));
  expect(r.rowsAccepted).toBe(1);
  expect(await e.query(`SELECT county, round_key, round_label FROM findings WHERE dataset_id = '${r.datasetId}'`)).toEqual([
    { county: '义乌市', round_key: '义乌市|县(市、区)委|十五届|3', round_label: '十五届市委第三轮巡察' },
  ]);
  // 金华's 市委 numbers its rounds within the term: one numbered within its year is the 县级市's own.
  const yearly = ['县市区,被巡察单位,巡视巡察主体,轮次,具体问题,整改状态', '义乌市,佛堂镇党委,市委,2024年第一轮,问题一,已完成',
    '婺城区,婺城区教育局,市委,2024年第一轮,问题二,已完成', '义乌市,稠城街道党工委,市委,第一轮,问题三,已完成'].join('\n');
  const [y] = await importOk(e, 'b.csv', enc(yearly));
  expect(await e.query(`SELECT county, round_key FROM findings WHERE dataset_id = '${y.datasetId}' ORDER BY source_row`)).toEqual([
    { county: '义乌市', round_key: '义乌市|县(市、区)委|2024年|1' },
    { county: '婺城区', round_key: '金华市|市委|2024年|1' },
    { county: '义乌市', round_key: '金华市|市委||1' },
  ]);
  // Review: a label naming 金华 is 金华's round, numbered within its year or not.
  const named = ['县市区,被巡察单位,轮次,具体问题,整改状态', '义乌市,佛堂镇党委,金华市委2024年第一轮巡察,问题一,已完成',
    '义乌市,稠城街道党工委,义乌市委2024年第一轮巡察,问题二,已完成'].join('\n');
  const [j] = await importOk(e, 'c.csv', enc(named));
  expect(await e.query(`SELECT county, round_key FROM findings WHERE dataset_id = '${j.datasetId}' ORDER BY source_row`)).toEqual([
    { county: '义乌市', round_key: '金华市|市委|2024年|1' },
    { county: '义乌市', round_key: '义乌市|县(市、区)委|2024年|1' },
  ]);
  // Review of that fix: so does a file name or title naming 金华, over a 轮次 column of 2024年第一轮.
  const rows = ['县市区,被巡察单位,具体问题,整改状态', '义乌市,佛堂镇党委,问题一,已完成'].join('\n');
  // The same problem as c.csv's first (a part of it): kept beside it, as the question's 两者都保留 does.
  const [f] = await importOk(e, '金华市委2024年第一轮巡察整改台账.csv', enc(rows), { allowDuplicate: true });
  const [t] = await importOk(e, 'd.csv', enc(['金华市委2024年第一轮巡察反馈问题整改台账', '县市区,被巡察单位,轮次,具体问题,整改状态',
    '义乌市,稠城街道党工委,2024年第一轮,问题二,已完成'].join('\n')));
  expect(await e.query(`SELECT county, round_key FROM findings WHERE dataset_id IN ('${f.datasetId}', '${t.datasetId}') ORDER BY problem_title`)).toEqual([
    { county: '义乌市', round_key: '金华市|市委|2024年|1' },
    { county: '义乌市', round_key: '金华市|市委|2024年|1' },
  ]);
});

test('a 汇总 sheet of counts per unit beside the ledger is no ledger: named, not imported as problems', async () => {
  const reports = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', sheets([
    { name: '汇总', rows: [['八届市委第三轮巡察整改情况汇总表'], ['序号', '县市区', '被巡察单位', '反馈问题（个）', '已完成（个）', '整改完成率'],
      [1, '婺城区', '婺城区教育局', 2, 1, '50%'], ['合计', null, null, 2, 1, '50%']] },
    { name: '台账', rows: [COUNTY_HEADER, [1, '婺城区', '婺城区教育局', '问题A', '已完成', '2024-05-01'], [2, '婺城区', '婺城区教育局', '问题B', '正在推进', null]] },
  ]));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['台账', 2]]);
  expect(reports[0].issues.filter((i) => i.row === 0 && i.code !== 'year_missing').map((i) => [i.code, i.value])).toEqual([['sheet_not_ledger', '汇总']]);
  expect(await e.query(`SELECT problem_title FROM findings ORDER BY source_row`)).toEqual([{ problem_title: '问题A' }, { problem_title: '问题B' }]);
});

test('a 金华市委 round file without a county column: units that name no county are 市本级, a zone is its own county', async () => {
  const csv = ['被巡察单位,具体问题,整改状态', '金华职业技术学院党委,问题一,已完成', '金华开发区党工委,问题二,已完成',
    '中共永康市委宣传部,问题三,已完成', '市委办公室,问题四,已完成'].join('\n');
  const [r] = await importOk(e, '八届市委第三轮巡察整改台账.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([4, 0]);
  expect(await e.query(`SELECT county, county_code FROM findings ORDER BY source_row`)).toEqual([
    { county: '市本级', county_code: '330700' }, { county: '金华开发区', county_code: null },
    { county: '永康市', county_code: '330784' }, { county: '市本级', county_code: '330700' },
  ]);
  // Only the first row was placed by the round alone (市委办公室 names the city itself); the report says so once.
  expect(r.issues.filter((i) => i.code === 'county_city_level').map((i) => [i.row, i.severity, i.value])).toEqual([[0, 'warning', '1']]);
});

test('a problem merged down over its measure rows is one finding: measures joined, the least advanced status, the last completion date', async () => {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([
    ['八届市委第三轮巡察整改台账'],
    ['序号', '被巡察单位', '具体问题', '整改措施', '整改时限', '整改状态', '完成时间'],
    [1, '市教育局党委', '理论学习不深入', '制定学习计划', '2024年6月底前', '已完成', '2024-05-01'],
    [null, null, null, '开展专题党课', '2024年6月底前', '已完成', '2024-05-20'],
    [null, null, null, '建立考核机制', '2024年底前', '正在推进', null],
    [2, '市教育局党委', '违规发放津补贴', '清退资金', '2024年6月底前', '已完成', '2024-04-01'],
    [null, null, null, '完善制度', '2024年6月底前', '已完成', '2024-04-15'],
    // Not merged: a problem of one row.
    [3, '市教育局党委', '档案管理不规范', '整理档案', '2024年6月底前', '已完成', '2024-03-01'],
  ]);
  ws['!merges'] = [0, 1, 2].flatMap((c) => [{ s: { r: 2, c }, e: { r: 4, c } }, { s: { r: 5, c }, e: { r: 6, c } }]);
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const [r] = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 3]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_measure').map((i) => i.row)).toEqual([4, 5, 7]);
  // 档案管理不规范 matches no category keyword; no row warns about a date or a status.
  expect(issuesOf(r, 'warning')).toEqual([{ row: 0, code: 'year_missing' }, { row: 8, code: 'category_unmapped_title' }]);
  expect(await e.query(`SELECT source_row, measures, status, status_raw, deadline, completion_date FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 3, measures: '制定学习计划\n开展专题党课\n建立考核机制', status: 'in_progress', status_raw: '已完成；已完成；正在推进', deadline: '2024-12-31', completion_date: null },
    { source_row: 6, measures: '清退资金\n完善制度', status: 'completed', status_raw: '已完成；已完成', deadline: '2024-06-30', completion_date: '2024-04-15' },
    { source_row: 8, measures: '整理档案', status: 'completed', status_raw: '已完成', deadline: '2024-06-30', completion_date: '2024-03-01' },
  ]);
});

test('the same ledger saved as CSV (merges gone): rows with no 序号 and no problem but a measure continue the problem above', async () => {
  const csv = ['序号,被巡察单位,轮次名称,具体问题,整改措施,整改状态,完成时间',
    '1,市教育局党委,八届市委第三轮巡察,理论学习不深入,制定学习计划,已完成,2024-05-01',
    ',,,,开展专题党课,正在推进,',
    '2,市教育局党委,八届市委第三轮巡察,违规发放津补贴,清退资金,已完成,2024-04-01',
    ',,,,完善制度,已完成,2024-04-15',
    // A 序号 with no problem is a problem whose text is missing: rejected, not folded.
    '3,,,,整理档案,已完成,2024-03-01'].join('\n');
  const [r] = await importOk(e, 'export.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 1, 2]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_measure').map((i) => i.row)).toEqual([3, 5]);
  expect(issuesOf(r, 'error').map((i) => i.row)).toContain(6);
  expect(await e.query(`SELECT measures, status, completion_date FROM findings ORDER BY source_row`)).toEqual([
    { measures: '制定学习计划\n开展专题党课', status: 'in_progress', completion_date: null },
    { measures: '清退资金\n完善制度', status: 'completed', completion_date: '2024-04-15' },
  ]);
});

test('a date cell formatted to show only its month (2024年12月 typed into Excel) is that month, read as its last day', async () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['县市区', '被巡察单位', '轮次名称', '具体问题', '整改时限', '整改状态'],
    ['永康市', '永康市教育局', '八届市委第三轮巡察', '问题一', null, '正在整改'],
    ['永康市', '永康市教育局', '八届市委第三轮巡察', '问题二', null, '正在整改'],
  ]);
  // 45627 is 2024-12-01, where Excel keeps a typed month.
  ws.E2 = { t: 'n', v: 45627, z: 'yyyy"年"m"月"' };
  ws.E3 = { t: 'n', v: 45627, z: 'yyyy/m/d' };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  await importOk(e, 'months.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(await e.query(`SELECT deadline_raw, deadline FROM findings ORDER BY source_row`)).toEqual([
    { deadline_raw: '2024年12月', deadline: '2024-12-31' }, { deadline_raw: '2024-12-01', deadline: '2024-12-01' },
  ]);
});

test('outcomes of a folded problem: per-measure cells are summed or listed, a cell merged down beside the problem counts once', async () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['序号', '县市区', '轮次名称', '被巡察单位', '具体问题', '整改措施', '责任单位', '整改状态', '追缴资金（万元）', '问责人数', '建章立制数量', '佐证材料'],
    [1, '磐安县', '十五届县委第一轮巡察', '磐安县交通运输局党组', '工程建设领域廉政风险防控不力', '修订制度', '办公室', '已完成', 1.5, 1, 2, '制度文件.pdf'],
    [null, null, null, null, null, '清退资金', '财务科', '已完成', 2, 0, null, '缴款凭证.pdf'],
    [null, null, null, null, null, '追责问责', '纪检组', '已完成', 0, 2, null, '处分决定.pdf'],
  ]);
  // The problem and its columns to the left merged over the three measure rows; 建章立制数量 too (one value, 2).
  ws['!merges'] = [0, 1, 2, 3, 4, 10].map((c) => ({ s: { r: 1, c }, e: { r: 3, c } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  await importOk(e, 'pa.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(await e.query(`SELECT resp_unit, funds_wan, acc_people_total, systems_count, evidence, evidence_count FROM findings`)).toEqual([{
    resp_unit: '办公室;纪检组;财务科', funds_wan: 3.5, acc_people_total: 3, systems_count: 2,
    evidence: '制度文件.pdf;处分决定.pdf;缴款凭证.pdf', evidence_count: 3,
  }]);
});

test('a total labelled in the unit or county cell (西城街道小计, 永康市合计（共3个）) is skipped, not a unit of its own', async () => {
  const csv = ['序号,县市区,被巡察单位,轮次名称,具体问题,整改状态',
    '1,永康市,西城街道党工委,八届市委第三轮巡察,违规吃喝,已完成',
    '2,永康市,西城街道党工委,八届市委第三轮巡察,违规发放津补贴,正在整改',
    ',永康市,西城街道小计,,2,1',
    '3,永康市,东城街道党工委,八届市委第三轮巡察,三会一课不规范,已完成',
    ',永康市合计（共3个）,,,3,2',
    ',永康市,东城街道小计：1个,,1,1',
    // A unit whose name holds 计 is a unit.
    '4,永康市,永康市统计局党组,八届市委第三轮巡察,理论学习不深入,已完成',
    // A printed page's own total; a running total (review).
    '本页小计,,,,4,3',
    ',,累计,,4,3'].join('\n');
  const [r] = await importOk(e, 'export.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsSkipped]).toEqual([4, 5]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_total').map((i) => i.row)).toEqual([4, 6, 7, 9, 10]);
  expect((await e.query<{ n: number }>(`SELECT count(DISTINCT unit_name) AS n FROM findings`))[0].n).toBe(3);
});

test('measure rows numbered under their problem (1.1, 1.2 under 1) with an empty problem cell are folded into it', async () => {
  const csv = ['序号,被巡察单位,轮次名称,具体问题,整改措施,整改状态,完成时间',
    '1,市教育局党委,八届市委第三轮巡察,理论学习不深入,,,',
    '1.1,,,,制定学习计划,已完成,2024-05-01',
    '1.2,,,,建立考核机制,正在整改,',
    '2,市教育局党委,八届市委第三轮巡察,违规发放津补贴,,,',
    '2-1,,,,清退资金,已完成,2024-04-01',
    // A 序号 under another problem's is no measure of this one: rejected, as a problem without text.
    '3.1,,,,整理档案,已完成,2024-03-01'].join('\n');
  const [r] = await importOk(e, 'export.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 1, 3]);
  expect(await e.query(`SELECT measures, status, completion_date FROM findings ORDER BY source_row`)).toEqual([
    { measures: '制定学习计划\n建立考核机制', status: 'in_progress', completion_date: null },
    { measures: '清退资金', status: 'completed', completion_date: '2024-04-01' },
  ]);
});

test('a 统计 sheet whose 问题 column counts problems (2, 3) beside the ledger is no ledger: named, not imported as problems', async () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
    ['序号', '县市区', '被巡察单位', '具体问题', '整改状态'],
    [1, '永康市', '永康市教育局党委', '违规吃喝', '已完成'],
    [2, '永康市', '永康市教育局党委', '违规发放津补贴', '正在整改'],
  ]), '台账');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
    ['县市区', '被巡察单位', '问题', '已完成', '完成率'],
    ['永康市', '永康市教育局党委', 2, 1, '50%'],
    ['永康市', '永康市卫健局党委', 3, 3, '100%'],
    ['永康市', '永康市财政局党组', '/', '/', '/'],
    ['永康市', '永康市民政局党组', '1 个', 1, '100%'],
  ]), '统计');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const reports = await importOk(e, '八届市委第五轮巡察整改台账.xlsx', bytes);
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['台账', 2]]);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_not_ledger').map((i) => i.value)).toEqual(['统计']);
  expect((await e.query<{ n: number }>(`SELECT count(*) AS n FROM findings`))[0].n).toBe(2);
});

test('ids formatted in Excel (000, "YK"000) are read as shown: 001, YK001, so a later round\'s 上轮问题编号 finds them', async () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['问题编号', '序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'],
    [1, 1, '永康市', '永康市教育局党委', '八届市委第五轮巡察', '违规吃喝', '已完成'],
    [2, 2, '永康市', '永康市教育局党委', '八届市委第五轮巡察', '违规发放津补贴', '正在整改'],
  ]);
  for (const a of ['A2', 'A3']) ws[a].z = '"YK"000';
  for (const a of ['B2', 'B3']) ws[a].z = '000';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  await importOk(e, 'r5.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect((await e.query<{ finding_id: string }>(`SELECT finding_id FROM findings ORDER BY source_row`)).map((r) => r.finding_id)).toEqual(['YK001', 'YK002']);
});

test('English headers (County, Unit, Problem, Status, Round name) and the canonical keys (unit_name) are read as their fields', async () => {
  const csv = ['No,County,Unit,Round name,Problem,Status,Deadline',
    '1,永康市,永康市教育局党委,八届市委第五轮巡察,违规吃喝,已完成,2024-06-30',
    '2,永康市,永康市教育局党委,八届市委第五轮巡察,违规发放津补贴,正在整改,2024-06-30'].join('\n');
  const [r] = await importOk(e, 'export.csv', enc(csv));
  expect(r.rowsAccepted).toBe(2);
  expect(await e.query(`SELECT county, unit_name, problem_title, status, deadline FROM findings ORDER BY source_row`)).toEqual([
    { county: '永康市', unit_name: '永康市教育局党委', problem_title: '违规吃喝', status: 'completed', deadline: '2024-06-30' },
    { county: '永康市', unit_name: '永康市教育局党委', problem_title: '违规发放津补贴', status: 'in_progress', deadline: '2024-06-30' },
  ]);
  const keys = ['county,unit_name,round_label,problem_title,status_raw', '永康市,永康市教育局党委,八届市委第五轮巡察,违规吃喝,目前已完成'].join('\n');
  // The first file's problem again, kept beside it (not asked about as an update of it, later-version.ts).
  const [k] = await importOk(e, 'keys.csv', enc(keys), { allowDuplicate: true });
  expect(k.rowsAccepted).toBe(1);
});

test('a blank cell under a 佐证材料 column is no evidence (0), a ledger without the column gives none (NULL)', async () => {
  const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
  const rows = ['问题一,已完成', '问题二,已完成'].map((r) => `永康市,永康市教育局,八届市委第三轮巡察,${r}`);
  await importOk(e, 'with.csv', enc([`${head},佐证材料`, `${rows[0]},会议记录；制度文件`, `${rows[1]},`].join('\n')));
  await importOk(e, 'without.csv', enc([head, ...rows.map((r) => r.replace('问题', '事项'))].join('\n')));
  expect(await e.query(`SELECT problem_title, evidence_count FROM findings ORDER BY problem_title`)).toEqual([
    { problem_title: '事项一', evidence_count: null }, { problem_title: '事项二', evidence_count: null },
    { problem_title: '问题一', evidence_count: 2 }, { problem_title: '问题二', evidence_count: 0 },
  ]);
});

test('problems with no year anywhere are counted in one dataset warning; a feedback date or a year in the round gives one', async () => {
  const csv = (rows: string[]) => enc(['县市区,被巡察单位,轮次名称,具体问题,整改状态,反馈时间', ...rows].join('\n'));
  const [none] = await importOk(e, 'none.csv', csv(['永康市,永康市教育局,八届市委第三轮巡察,问题一,已完成,', '永康市,永康市教育局,八届市委第三轮巡察,问题二,已完成,2024-05-01']));
  expect(none.issues.filter((i) => i.code === 'year_missing').map((i) => [i.row, i.value, i.severity])).toEqual([[0, '1', 'warning']]);
  expect(none.rowsWarned).toBe(new Set(none.issues.filter((i) => i.severity === 'warning' && i.row > 0).map((i) => i.row)).size);
  const [dated] = await importOk(e, 'dated.csv', csv(['永康市,永康市财政局,2024年八届市委第三轮巡察,事项一,已完成,']));
  expect(dated.issues.filter((i) => i.code === 'year_missing')).toEqual([]);
});

test('two blocks pasted together, the second header with one more column (备注): the first header is the header, no row is lost (review)', async () => {
  const csv = ['八届市委第三轮巡察整改台账',
    '序号,县市区,被巡察单位,具体问题,整改状态,完成时间',
    '1,婺城区,婺城区甲局,违规吃喝,未完成,',
    '2,婺城区,婺城区甲局,违规发放津补贴,未完成,',
    '3,婺城区,婺城区乙局,三会一课不规范,未完成,',
    '序号,县市区,被巡察单位,具体问题,整改状态,完成时间,备注',
    '1,义乌市,义乌市丙局,公车私用,已完成,2024-05-01,无'].join('\n');
  const [r] = await importOk(e, 'a.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([4, 0, 1]);
  expect((await e.query<{ unit_name: string; status: string }>('SELECT unit_name, status FROM findings ORDER BY source_row')).map((x) => `${x.unit_name} ${x.status}`))
    .toEqual(['婺城区甲局 not_completed', '婺城区甲局 not_completed', '婺城区乙局 not_completed', '义乌市丙局 completed']);
});

test('a block pasted below under a header with a column inserted (问题类别): its rows are rejected, each naming that header, not misread (review)', async () => {
  const csv = ['八届市委第三轮巡察整改台账',
    '序号,县市区,被巡察单位,具体问题,整改状态,完成时间',
    '1,婺城区,婺城区甲局,违规吃喝,未完成,',
    '2,婺城区,婺城区甲局,违规发放津补贴,未完成,',
    '序号,县市区,被巡察单位,问题类别,具体问题,整改状态,完成时间',
    '1,义乌市,义乌市丙局,作风建设,公车私用,已完成,2024-05-01',
    '2,义乌市,义乌市丙局,组织建设,三会一课不规范,未完成,',
    // The same header again: the rows under it are read as before.
    '序号,县市区,被巡察单位,具体问题,整改状态,完成时间',
    '1,东阳市,东阳市丁局,公车私用,已完成,2024-05-01'].join('\n');
  const [r] = await importOk(e, 'a.csv', enc(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 2, 2]);
  expect(issuesOf(r, 'error').map((i) => [i.row, i.code])).toEqual([[6, 'header_layout_differs'], [7, 'header_layout_differs']]);
  expect(r.issues.find((i) => i.code === 'header_layout_differs')?.value).toBe('5');
  expect((await e.query<{ unit_name: string }>('SELECT unit_name FROM findings ORDER BY source_row')).map((x) => x.unit_name))
    .toEqual(['婺城区甲局', '婺城区甲局', '东阳市丁局']);
});

test('a sheet named as a sample (填报示例, 模板) beside the ledger is not imported and is named; alone in a file it is the ledger (review)', async () => {
  const head = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const sheet = (rows: (string | number)[][]) => XLSX.utils.aoa_to_sheet([head, ...rows]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet([[1, '东阳市', '东阳市XX镇党委', '八届市委第三轮巡察', '（填写具体问题）', '已完成']]), '填报示例');
  XLSX.utils.book_append_sheet(wb, sheet([[1, '东阳市', '东阳市甲局', '八届市委第三轮巡察', '违规吃喝', '未完成']]), '东阳市');
  XLSX.utils.book_append_sheet(wb, sheet([[1, '东阳市', '××镇党委', '八届市委第三轮巡察', '问题', '已完成']]), '模板');
  const reports = await importOk(e, 'book.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(reports.map((r) => r.sheet)).toEqual(['东阳市']);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_example').map((i) => i.value)).toEqual(['填报示例', '模板']);
  expect((await e.query<{ unit_name: string }>('SELECT unit_name FROM findings')).map((x) => x.unit_name)).toEqual(['东阳市甲局']);
  // A workbook of one sheet named 模板, filled in: that sheet is the ledger.
  const one = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(one, sheet([[1, '义乌市', '义乌市乙局', '八届市委第三轮巡察', '公车私用', '已完成']]), '模板');
  const [r] = await importOk(e, 'filled.xlsx', new Uint8Array(XLSX.write(one, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(r.rowsAccepted).toBe(1);
});

test('XLSX two-row header, 整改情况 merged over 整改措施 | 完成情况 | 完成时限 and the other cells merged down: each sub-column is its field (review)', async () => {
  // The grid fills the merged-down labels into the lower row, which so names every field alone; the
  // upper row was taken for the header and the lower for a repeated header of another layout, and
  // every row was rejected (header_layout_differs).
  const rows = [
    ['序号', '被巡察单位', '问题类别', '具体问题', '整改情况', null, null, '责任领导', '备注'],
    [null, null, null, null, '整改措施', '完成情况', '完成时限', null, null],
    [1, '永康市教育局党委', 'B1', '理论学习中心组学习不深入', '制定学习计划', '已完成', '2024-06-30', '张三', null],
    [2, '永康市财政局党组', 'D1', '违规吃喝问题', '清退', '正在推进', '2024-09-30', '李四', null],
  ];
  const bytes = mergedWorkbook(rows, ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:G1', 'H1:H2', 'I1:I2']);
  const [r] = await importOk(e, '十五届永康市委第二轮巡察整改台账.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
  expect(await e.query('SELECT measures, status, deadline, resp_leader FROM findings ORDER BY source_row')).toEqual([
    { measures: '制定学习计划', status: 'completed', deadline: '2024-06-30', resp_leader: '张三' },
    { measures: '清退', status: 'in_progress', deadline: '2024-09-30', resp_leader: '李四' }]);
});

test('problems listed first whose text starts with a total\'s or a signature\'s words are problems; the real total, note and signature rows are skipped (review)', async () => {
  const csv = ['中共永康市教育局委员会关于十五届永康市委第二轮巡察反馈意见整改落实情况台账',
    '具体问题,整改措施,责任领导,整改时限,整改状态',
    '分管领导一岗双责落实不到位,签订责任书,张三,2024-06-30,已完成',
    '共计12笔公务接待无公函,清退,张三,2024-06-30,已完成',
    '主要负责人一把手监督缺位,约谈,张三,2024-06-30,正在整改',
    '合计3项资金未纳入预算管理,纳入预算,李四,2024-09-30,正在整改',
    '合计：共4个问题,,,,',
    '合计：反馈问题4个,整改措施4条,,,已完成2个',
    '合计,4,,,3',
    '注：状态截至9月底,,,,',
    '分管领导：李四,,审核人：王五,,'].join('\n');
  const [r] = await importOk(e, 'v.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([4, 0, 5]);
  expect(issuesOf(r, 'info').filter((i) => i.code.startsWith('row_skipped')).map((i) => [i.row, i.code])).toEqual([
    [7, 'row_skipped_total'], [8, 'row_skipped_total'], [9, 'row_skipped_total'], [10, 'row_skipped_note'], [11, 'row_skipped_note']]);
});

test('the 计数 rows Excel\'s 分类汇总 inserts (婺城区 计数 | 2) are skipped as totals, not rejected (review)', async () => {
  const csv = ['序号,县市区,被巡察单位,轮次名称,具体问题,整改状态',
    '1,婺城区,婺城区教育局,八届市委第三轮巡察,理论学习不深入,已完成', '2,婺城区,婺城区财政局,八届市委第三轮巡察,违规吃喝,正在推进',
    ',婺城区 计数,,,2,', '3,义乌市,义乌市财政局,八届市委第三轮巡察,三重一大决策不规范,已完成', ',义乌市 计数,,,1,', ',总计数,,,3,'].join('\n');
  const [r] = await importOk(e, 'subtotal.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 3]);
  expect(issuesOf(r, 'info').filter((i) => i.code === 'row_skipped_total').map((i) => i.row)).toEqual([4, 6, 7]);
});
