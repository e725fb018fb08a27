import { describe, test, expect, beforeAll } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { storedRejectedCsv } from '../../../src/lib/state/rejectedRows';
import { datasetsQuery } from '../../../src/lib/queries/catalogue';
import { textFixtures } from '../../fixtures/make-fixtures';
import { MESSY_EXPECTED as X } from '../../fixtures/ledgers';
import { freshEngine, importOk, issuesOf } from './helpers';

// Every encoding and delimiter of the same messy ledger gives exactly the hand-computed outcome.
describe('CSV/TXT import of the messy ledger', () => {
  const files = textFixtures();
  for (const [name, expectedEncoding] of [
    ['messy-utf8.csv', 'utf-8'],
    ['messy-utf8-bom.csv', 'utf-8-bom'],
    ['messy-gbk.csv', 'gb18030'],
    ['messy-gb18030.txt', 'gb18030'],
    ['messy-utf16le-bom.csv', 'utf-16le'],
    ['messy-utf16be.csv', 'utf-16be'],
    ['messy-tab.txt', 'utf-8'],
    ['messy-semicolon.csv', 'utf-8'],
  ] as const) {
    test(name, async () => {
      const e = await freshEngine();
      const [r] = await importOk(e, name, files[name]);
      expect([r.rowsAccepted, r.rowsWarned, r.rowsRejected, r.rowsSkipped]).toEqual([X.accepted, X.warned, X.rejected, X.skipped]);
      expect(r.asOf).toBe(X.asOf);
      expect(issuesOf(r, 'error')).toEqual(X.errors);
      expect(issuesOf(r, 'warning')).toEqual(X.warnings);
      expect(issuesOf(r, 'info')).toEqual(X.skips);
      const [ds] = await e.query<{ encoding: string; rows_accepted: number }>('SELECT encoding, rows_accepted FROM datasets');
      expect(ds).toEqual({ encoding: expectedEncoding, rows_accepted: X.accepted });
      // No mojibake: the Chinese text arrives intact.
      const units = await e.query<{ unit_name: string }>('SELECT unit_name FROM findings ORDER BY source_row');
      expect(units.map((u) => u.unit_name)).toEqual([
        '中共永康市委', '义乌市佛堂镇党委', '东阳市城投集团党委', '兰溪市教育局党委', '浦江县某局', '磐安县某局', '磐安县某局', '金东区某局',
      ]);
    });
  }
});

describe('normalised values of the messy ledger', () => {
  let e: Engine;
  beforeAll(async () => {
    e = await freshEngine();
    await importOk(e, 'messy.csv', textFixtures()['messy-utf8.csv']);
  });

  test('rows as stored', async () => {
    const rows = await e.query(`SELECT source_row, county, county_code, round_key, category_l1, category_l2, deadline, long_term,
      status, completion_date, funds_wan, rect_type FROM findings ORDER BY source_row`);
    expect(rows).toEqual([
      { source_row: 4, county: '永康市', county_code: '330784', round_key: '浙江省|省委|十四届|4', category_l1: 'A', category_l2: 'A1', deadline: '2019-12-31', long_term: false, status: 'completed', completion_date: '2019-06-30', funds_wan: null, rect_type: null },
      { source_row: 5, county: '义乌市', county_code: '330782', round_key: '金华市|市委|八届|2', category_l1: 'C', category_l2: 'C4', deadline: '2022-04-14', long_term: false, status: 'basically_completed', completion_date: null, funds_wan: null, rect_type: '立行立改' },
      { source_row: 6, county: '东阳市', county_code: '330783', round_key: '金华市|市委|八届|2', category_l1: 'D', category_l2: 'D2', deadline: '2022-06-30', long_term: true, status: 'in_progress', completion_date: null, funds_wan: 12.5, rect_type: null },
      { source_row: 7, county: '兰溪市', county_code: '330781', round_key: '金华市|市委|八届|2', category_l1: 'Z', category_l2: null, deadline: null, long_term: false, status: null, completion_date: null, funds_wan: null, rect_type: null },
      { source_row: 10, county: '浦江县', county_code: '330726', round_key: '金华市|市委|八届|2', category_l1: 'D', category_l2: 'D1', deadline: '2022-12-31', long_term: false, status: 'completed', completion_date: '2022-01-01', funds_wan: 2000000, rect_type: null },
      { source_row: 11, county: '磐安县', county_code: '330727', round_key: '金华市|市委|八届|2', category_l1: 'D', category_l2: 'D1', deadline: '2022-12-31', long_term: false, status: 'completed', completion_date: '2022-05-01', funds_wan: null, rect_type: null },
      { source_row: 12, county: '磐安县', county_code: '330727', round_key: '金华市|市委|八届|2', category_l1: 'D', category_l2: 'D1', deadline: '2022-12-31', long_term: false, status: 'completed', completion_date: '2022-05-02', funds_wan: null, rect_type: null },
      { source_row: 13, county: '金东区', county_code: '330703', round_key: '金华市|市委|八届|2', category_l1: 'E', category_l2: 'E3', deadline: '2022-12-31', long_term: false, status: 'completed', completion_date: '2022-04-01', funds_wan: null, rect_type: null },
    ]);
  });

  test('raw text kept beside normalised values', async () => {
    const [row] = await e.query(`SELECT deadline_raw, status_raw, county_raw, category_raw, problem_title FROM findings WHERE source_row = 7`);
    expect(row).toEqual({ deadline_raw: '2019-13-45', status_raw: '待核实', county_raw: '兰溪市', category_raw: '未知类别', problem_title: '学习制度不健全' });
  });

  test('rounds upserted with the earliest feedback date', async () => {
    expect(await e.query('SELECT round_key, committee, inspector_level, inspection_kind, term, round_no, round_label, year, feedback_date FROM rounds ORDER BY round_key')).toEqual([
      { round_key: '浙江省|省委|十四届|4', committee: '浙江省', inspector_level: '省委', inspection_kind: '巡视', term: '十四届', round_no: 4, round_label: '十四届省委第四轮巡视', year: 2018, feedback_date: '2018-10-30' },
      { round_key: '金华市|市委|八届|2', committee: '金华市', inspector_level: '市委', inspection_kind: '巡察', term: '八届', round_no: 2, round_label: '八届市委第二轮巡察', year: 2022, feedback_date: '2022-03-15' },
    ]);
  });

  test('finding ids: 序号 is not an id, so round + unit + 序号', async () => {
    const ids = await e.query<{ finding_id: string }>('SELECT finding_id FROM findings ORDER BY source_row LIMIT 2');
    expect(ids.map((i) => i.finding_id)).toEqual(['浙江省|省委|十四届|4|中共永康市委|1', '金华市|市委|八届|2|义乌市佛堂镇党委|2']);
  });

  test('issues stored with file, row, column and value', async () => {
    const rows = await e.query(`SELECT source_row, column_name, value, severity, code, message FROM import_issues WHERE code = 'status_unrecognised'`);
    expect(rows).toEqual([{ source_row: 7, column_name: '整改状态', value: '待核实', severity: 'warning', code: 'status_unrecognised', message: 'import.issue.status_unrecognised' }]);
  });
});

test('the rejected rows download lists the rejected rows with reasons, BOM first', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, 'messy.csv', textFixtures()['messy-utf8.csv']);
  const csv = await storedRejectedCsv(e, r.datasetId, 'zh');
  const lines = csv.slice(1).trim().split('\r\n');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(lines[0]).toBe('行号,原因,序号,县（市、区）,被巡察单位,轮次名称,反馈时间,问题类别,具体问题,整改时限,整改状态,完成时间,挽回经济损失（万元）');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^8,第8行：缺少县市区|^8,第8行：无法确定县市区/);
  expect(lines[2]).toContain('缺轮次的问题');  // In English: headers and reasons in English, the file's own headers and cells as written.
  const en = (await storedRejectedCsv(e, r.datasetId, 'en')).slice(1).trim().split('\r\n');
  expect(en[0]).toBe('Row,Reasons,序号,县（市、区）,被巡察单位,轮次名称,反馈时间,问题类别,具体问题,整改时限,整改状态,完成时间,挽回经济损失（万元）');
  expect(en[1]).toMatch(/^8,Row 8: /);
});

test('the rejected rows download keeps every cell when two columns share a header (备注, 备注 (2))', async () => {
  const e = await freshEngine();
  const csv = ['序号,被巡察单位,轮次名称,具体问题,整改状态,备注,备注',
    '1,市教育局党委,八届市委第三轮巡察,违规吃喝,已完成,说明甲,说明乙',
    '2,,八届市委第三轮巡察,违规发放津补贴,已完成,重要说明甲,重要说明乙'].join('\n');
  const [r] = await importOk(e, 'remarks.csv', new TextEncoder().encode(csv));
  const lines = (await storedRejectedCsv(e, r.datasetId, 'zh')).slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('行号,原因,序号,被巡察单位,轮次名称,具体问题,整改状态,备注,备注 (2)');
  expect(lines[1]).toMatch(/,重要说明甲,重要说明乙$/);
});

test('date ranges: a station period gives its start and its end, a deadline range its end', async () => {
  const e = await freshEngine();
  const text = ['被巡察单位,具体问题,县市区,轮次名称,巡察时间(起),巡察时间(止),整改时限',
    '市教育局党委,理论学习不深入,市本级,八届市委第二轮巡察,2023.3.1-2023.4.30,2023.3.1-2023.4.30,2023年3月至6月',
    '市卫健委党委,财务报销不规范,市本级,八届市委第二轮巡察,2023/3/1,2023/4/30,2023.3-2023.12'].join('\n');
  // One 进驻时间 column with the whole period gives both ends; a single date only the start.
  const one = ['被巡察单位,具体问题,县市区,轮次名称,进驻时间',
    '市教育局党委,理论学习不深入,市本级,八届市委第二轮巡察,2023.3.1-2023.4.30',
    '市卫健委党委,财务报销不规范,市本级,八届市委第二轮巡察,2023/3/1'].join('\n');
  const e1 = await freshEngine();
  await importOk(e1, 'period.csv', new TextEncoder().encode(one));
  expect(await e1.query('SELECT station_start, station_end FROM findings ORDER BY source_row')).toEqual([
    { station_start: '2023-03-01', station_end: '2023-04-30' }, { station_start: '2023-03-01', station_end: null },
  ]);
  const [r] = await importOk(e, 'ranges.csv', new TextEncoder().encode(text));
  // No row is warned about; only that the file has no status column at all.
  expect(issuesOf(r, 'warning')).toEqual([{ row: 0, code: 'status_missing' }]);
  expect(await e.query('SELECT station_start, station_end, deadline, deadline_raw FROM findings ORDER BY source_row')).toEqual([
    { station_start: '2023-03-01', station_end: '2023-04-30', deadline: '2023-06-30', deadline_raw: '2023年3月至6月' },
    { station_start: '2023-03-01', station_end: '2023-04-30', deadline: '2023-12-31', deadline_raw: '2023.3-2023.12' },
  ]);
});

test('without a status column, statuses are read from 整改完成情况, and the report says so', async () => {
  const e = await freshEngine();
  const text = ['被巡察单位,具体问题,县市区,轮次名称,整改完成情况',
    '市教育局党委,理论学习不深入,市本级,八届市委第二轮巡察,已完成',
    '市卫健委党委,财务报销不规范,市本级,八届市委第二轮巡察,正在整改',
    '市财政局党组,采购程序不规范,市本级,八届市委第二轮巡察,制定了采购管理办法'].join('\n');
  const [r] = await importOk(e, 'summary.csv', new TextEncoder().encode(text));
  expect(r.issues.filter((i) => i.row === 0).map((i) => [i.code, i.value])).toEqual([['year_missing', '3'], ['status_from_summary', '整改完成情况']]);
  expect(r.issues.filter((i) => i.row > 0).map((i) => [i.row, i.code, i.column, i.value])).toEqual([
    [2, 'completed_without_date', '完成时间', undefined],
    [4, 'status_unrecognised', '整改完成情况', '制定了采购管理办法'],
  ]);
  expect(await e.query('SELECT status, status_raw, completion_summary FROM findings ORDER BY source_row')).toEqual([
    { status: 'completed', status_raw: '已完成', completion_summary: '已完成' },
    { status: 'in_progress', status_raw: '正在整改', completion_summary: '正在整改' },
    { status: null, status_raw: '制定了采购管理办法', completion_summary: '制定了采购管理办法' },
  ]);
  // The dataset list counts the stored issues, as the report does (not the rows with issues: 2).
  const [d] = await e.query<{ issues: number; rows_warned: number }>(datasetsQuery());
  expect([d.issues, d.rows_warned]).toEqual([r.issues.length, 2]);
});

test('a completion date in a form no rule reads is named as unread, not as missing', async () => {
  const e = await freshEngine();
  const text = ['被巡察单位,具体问题,县市区,轮次名称,整改状态,完成时间',
    '市教育局党委,理论学习不深入,市本级,八届市委第二轮巡察,已完成,12/31/2023',
    '市卫健委党委,财务报销不规范,市本级,八届市委第二轮巡察,已完成,',
    '市财政局党组,采购程序不规范,市本级,八届市委第二轮巡察,已完成,/',
    '市民政局党组,救助资金发放不规范,市本级,八届市委第二轮巡察,已完成,待定'].join('\n');
  const [r] = await importOk(e, 'dates.csv', new TextEncoder().encode(text));
  const codes = (row: number) => r.issues.filter((i) => i.row === row).map((i) => i.code);
  expect(codes(2)).not.toContain('completed_without_date');
  expect(codes(2).some((c) => c.startsWith('date_'))).toBe(true);
  // An empty cell, and one that says there is no date, are a completion without a date.
  for (const row of [3, 4, 5]) expect(codes(row)).toContain('completed_without_date');
});

test('a deadline before the feedback date is kept and warned (a mistyped year); on or after it, and 立行立改, are not', async () => {
  const e = await freshEngine();
  const text = ['被巡察单位,具体问题,县市区,轮次名称,反馈时间,整改时限,整改状态',
    '市教育局党委,理论学习不深入,市本级,八届市委第二轮巡察,2024-03-15,2023年6月底前,正在整改',
    '市卫健委党委,财务报销不规范,市本级,八届市委第二轮巡察,2024-03-15,2024年3月15日,正在整改',
    '市财政局党组,采购程序不规范,市本级,八届市委第二轮巡察,2024-03-15,立行立改,正在整改',
    '市民政局党组,救助资金发放不规范,市本级,八届市委第二轮巡察,2024-03-15,2024.3.14,正在整改',
    // Fed back "in March 2024": a deadline later in March is not before it; one in February is.
    '市审计局党组,审计整改不到位,市本级,八届市委第二轮巡察,2024年3月,2024年3月20日,正在整改',
    '市统计局党组,统计数据不准确,市本级,八届市委第二轮巡察,2024年3月,2024年2月20日,正在整改'].join('\n');
  const [r] = await importOk(e, 'deadlines.csv', new TextEncoder().encode(text));
  expect(r.issues.filter((i) => i.code === 'deadline_before_feedback').map((i) => [i.row, i.column, i.value])).toEqual([
    [2, '整改时限', '2023年6月底前'], [5, '整改时限', '2024.3.14'], [7, '整改时限', '2024年2月20日'],
  ]);
  expect(await e.query('SELECT deadline FROM findings ORDER BY source_row')).toEqual([
    { deadline: '2023-06-30' }, { deadline: '2024-03-15' }, { deadline: '2024-04-14' }, { deadline: '2024-03-14' },
    { deadline: '2024-03-20' }, { deadline: '2024-02-20' },
  ]);
});

test('a deadline that names no year is its first date on or after the feedback date, warned; without a feedback date it stays empty', async () => {
  const e = await freshEngine();
  const rows: [string, string, string][] = [
    ['2024-03-15', '6月底前', '2024-06-30'],
    ['2024-03-15', '2月底前', '2025-02-28'],
    ['2024-03-15', '12月31日前', '2024-12-31'],
    ['2024-03-15', '3月10日前', '2025-03-10'],
    ['2024-03-15', '年底前', '2024-12-31'],
    ['2024-03-15', '六月底前完成', '2024-06-30'],
    ['2024-03-15', '6月底前，并长期坚持', '2024-06-30'],
    ['2024-03-15', '3月15日', '2024-03-15'],
    ['2024-03-15', '6月中旬前', '2024-06-20'],
    ['2024-03-15', '2月下旬', '2025-02-28'],
  ];
  const text = ['被巡察单位,具体问题,县市区,轮次名称,反馈时间,整改时限,整改状态',
    ...rows.map(([fb, dl], i) => `单位${i},问题${i},市本级,八届市委第二轮巡察,${fb},${dl},正在整改`),
    '单位x,问题x,市本级,八届市委第三轮巡察,,6月底前,正在整改',
    '单位y,问题y,市本级,八届市委第二轮巡察,2024-03-15,2月30日前,正在整改'].join('\n');
  const [r] = await importOk(e, 'yearless.csv', new TextEncoder().encode(text));
  const got = await e.query<{ deadline: string | null; long_term: boolean }>('SELECT deadline, long_term FROM findings ORDER BY source_row');
  expect(got.map((g) => g.deadline)).toEqual([...rows.map((x) => x[2]), null, null]);
  expect(got[6].long_term).toBe(true);
  const of = (code: string) => r.issues.filter((i) => i.code === code).map((i) => [i.row, i.value]);
  expect(of('deadline_year_assumed')).toEqual(rows.map(([, dl, d], i) => [i + 2, `${dl} → ${d}`]));
  expect(of('deadline_year_missing')).toEqual([[12, '6月底前'], [13, '2月30日前']]);
  expect(of('deadline_unparsed')).toEqual([]);
});

test('a deadline in the year after the feedback or a span from it (次年6月底前, 3个月内, 30日内) is dated from the feedback, warned', async () => {
  const e = await freshEngine();
  const rows: [string, string, string | null][] = [
    ['2024-03-15', '次年6月底前', '2025-06-30'],
    ['2024-03-15', '3个月内', '2024-06-15'],
    ['2024-03-15', '反馈后两个月内完成，并长期坚持', '2024-05-15'],
    ['2024-03-15', '30日内', '2024-04-14'],
    ['2024-03-15', '6.30前', '2024-06-30'],
    // A feedback month is its last day, as 立行立改 counts from it.
    ['2024年3月', '1个月内', '2024-04-30'],
    ['2024-03-15', '四十五天内完成整改', '2024-04-29'],
    // 今年 keeps the feedback's year, even when that puts the deadline before it (warned as such).
    ['2024-08-01', '今年6月底前', '2024-06-30'],
    ['', '3个月内', null],
  ];
  const text = ['被巡察单位,具体问题,县市区,轮次名称,反馈时间,整改时限,整改状态',
    ...rows.map(([fb, dl], i) => `单位${i},问题${i},市本级,八届市委第二轮巡察,${fb},${dl},正在整改`)].join('\n');
  const [r] = await importOk(e, 'spans.csv', new TextEncoder().encode(text));
  const got = await e.query<{ deadline: string | null; long_term: boolean }>('SELECT deadline, long_term FROM findings ORDER BY source_row');
  expect(got.map((g) => g.deadline)).toEqual(rows.map((x) => x[2]));
  expect(got.map((g) => g.long_term)).toEqual([false, false, true, false, false, false, false, false, false]);
  const of = (code: string) => r.issues.filter((i) => i.code === code).map((i) => [i.row, i.value]);
  expect(of('deadline_year_assumed')).toEqual(rows.slice(0, 8).map(([, dl, d], i) => [i + 2, `${dl} → ${d}`]));
  expect(of('deadline_year_missing')).toEqual([[10, '3个月内']]);
  expect(of('deadline_before_feedback').map(([row]) => row)).toEqual([9]);
  expect(of('deadline_unparsed')).toEqual([]);
});

test('a yearless deadline: 立行立改 in the other deadline column wins, the warning quotes the text read, 2月29日 and a feedback month', async () => {
  const e = await freshEngine();
  const text = ['被巡察单位,具体问题,县市区,轮次名称,反馈时间,整改时限,截止日期,整改状态',
    '单位1,问题1,市本级,八届市委第二轮巡察,2024-03-15,立行立改,6月底前,正在整改',
    '单位2,问题2,市本级,八届市委第二轮巡察,2024-03-15,按期推进,6月底前,正在整改',
    '单位3,问题3,市本级,八届市委第二轮巡察,2024-03-01,2月29日前,,正在整改',
    '单位4,问题4,市本级,八届市委第二轮巡察,2024年3月,3月20日前,,正在整改',
    '单位5,问题5,市本级,八届市委第二轮巡察,二〇二四年三月,3月20日前,,正在整改'].join('\n');
  const [r] = await importOk(e, 'yearless2.csv', new TextEncoder().encode(text));
  expect((await e.query<{ deadline: string }>('SELECT deadline FROM findings ORDER BY source_row')).map((x) => x.deadline))
    .toEqual(['2024-04-14', '2024-06-30', '2025-02-28', '2024-03-20', '2024-03-20']);
  const of = (code: string) => r.issues.filter((i) => i.code === code).map((i) => [i.row, i.value]);
  expect(of('deadline_year_assumed')).toEqual([[3, '6月底前 → 2024-06-30'], [4, '2月29日前 → 2025-02-28'], [5, '3月20日前 → 2024-03-20'], [6, '3月20日前 → 2024-03-20']]);
  expect(of('deadline_year_missing')).toEqual([]);
});
