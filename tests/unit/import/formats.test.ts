import { describe, test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { BOOK_HEADER, SHEET_CITY, workbookFixtures } from '../../fixtures/workbooks';
import { recordFixtures } from '../../fixtures/records';
import { freshEngine, importOk, issuesOf } from './helpers';
import { importFile, isFileIssue } from '../../../src/lib/import';
import iconv from 'iconv-lite';

describe('XLSX: merged title, blank rows, Excel dates and serials, 合计 row, one sheet per round', () => {
  test('two data sheets become two datasets; the 说明 sheet is not imported, and the report says so', async () => {
    const e = await freshEngine();
    const files = await workbookFixtures();
    const reports = await importOk(e, 'workbook-two-sheets.xlsx', files['workbook-two-sheets.xlsx']);
    expect(reports.map((r) => [r.sheet, r.rowsAccepted, r.rowsWarned, r.rowsRejected, r.rowsSkipped, r.asOf])).toEqual([
      ['十四届省委第四轮巡视', 3, 0, 0, 1, '2019-06-30'],
      ['八届市委第二轮巡察', 1, 0, 1, 0, '2022-05-20'],
    ]);
    expect(issuesOf(reports[0], 'info')).toEqual([{ row: 8, code: 'row_skipped_total' }]);
    expect(reports[0].issues.filter((i) => i.severity === 'warning').map((i) => [i.row, i.code, i.value])).toEqual([[0, 'sheet_not_imported', '说明']]);
    // Said of the workbook, not of the sheet whose report holds it (helper-112: it read as 十四届…'s own).
    expect(reports.flatMap((r) => r.issues).filter((i) => isFileIssue(i.code)).map((i) => i.code)).toEqual(['sheet_not_imported']);
    expect(issuesOf(reports[1], 'warning')).toEqual([]);
    expect(issuesOf(reports[1], 'error')).toEqual([{ row: 5, code: 'unit_missing' }]);
    const rows = await e.query(`SELECT source_sheet, source_row, finding_id, county, county_code, round_key, feedback_date, deadline,
      long_term, completion_date, category_l2 FROM findings ORDER BY source_sheet DESC, source_row`);
    expect(rows).toEqual([
      { source_sheet: '十四届省委第四轮巡视', source_row: 4, finding_id: 'P-1', county: '永康市', county_code: '330784', round_key: '浙江省|省委|十四届|4', feedback_date: '2018-10-30', deadline: '2019-12-31', long_term: false, completion_date: '2019-06-30', category_l2: 'A1' },
      { source_sheet: '十四届省委第四轮巡视', source_row: 5, finding_id: 'P-2', county: '永康市', county_code: '330784', round_key: '浙江省|省委|十四届|4', feedback_date: '2018-10-30', deadline: '2019-12-31', long_term: false, completion_date: '2019-05-15', category_l2: 'B1' },
      { source_sheet: '十四届省委第四轮巡视', source_row: 7, finding_id: 'P-3', county: '兰溪市', county_code: '330781', round_key: '浙江省|省委|十四届|4', feedback_date: '2018-10-30', deadline: null, long_term: true, completion_date: null, category_l2: 'G1' },
      { source_sheet: '八届市委第二轮巡察', source_row: 4, finding_id: 'C-1', county: '市本级', county_code: '330700', round_key: '金华市|市委|八届|2', feedback_date: '2022-03-15', deadline: '2022-06-30', long_term: false, completion_date: '2022-05-20', category_l2: 'C1' },
    ]);
    const ds = await e.query<{ sheet: string; format: string }>('SELECT sheet, format FROM datasets ORDER BY sheet DESC');
    expect(ds).toEqual([{ sheet: '十四届省委第四轮巡视', format: 'xlsx' }, { sheet: '八届市委第二轮巡察', format: 'xlsx' }]);
  });
});

test("Excel's empty Sheet2 is passed over without a word; a sheet of values without a header is named", async () => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([BOOK_HEADER, ...SHEET_CITY]), '八届市委第二轮巡察');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Sheet2');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['地区', '事项'], ['永康市', '某事']]), '附表');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const reports = await importOk(await freshEngine(), 'book.xlsx', bytes);
  expect(reports.map((r) => r.sheet)).toEqual(['八届市委第二轮巡察']);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_not_imported').map((i) => i.value)).toEqual(['附表']);
});

test.each([['biff8', 'xls'], ['xlsb', 'xlsb'], ['ods', 'ods']] as const)('a %s workbook (.%s: Excel 97-2003, binary, OpenDocument) reads like .xlsx', async (bookType, ext) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['八届市委第二轮巡察整改台账'], BOOK_HEADER, ...SHEET_CITY], { cellDates: true }), '八届市委第二轮巡察');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
  const e = await freshEngine();
  const [r] = await importOk(e, `ledger.${ext}`, bytes);
  expect([r.sheet, r.rowsAccepted, r.rowsRejected, r.asOf]).toEqual(['八届市委第二轮巡察', 1, 1, '2022-05-20']);
  expect(issuesOf(r, 'error')).toEqual([{ row: 4, code: 'unit_missing' }]);
  expect(await e.query('SELECT finding_id, county, round_key, feedback_date, completion_date FROM findings')).toEqual([
    { finding_id: 'C-1', county: '市本级', round_key: '金华市|市委|八届|2', feedback_date: '2022-03-15', completion_date: '2022-05-20' },
  ]);
});

describe('Parquet, JSON array and NDJSON', () => {
  for (const name of ['records.parquet', 'records-zstd.parquet', 'records.json', 'records.ndjson']) {
    test(name, async () => {
      const e = await freshEngine();
      const files = await recordFixtures();
      const [r] = await importOk(e, name, files[name]);
      expect([r.rowsAccepted, r.rowsWarned, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 1, 0]);
      expect(issuesOf(r, 'error')).toEqual([{ row: 3, code: 'title_missing' }]);
      const rows = await e.query(`SELECT finding_id, county, round_key, category_l1, category_l2, status, acc_people_total FROM findings ORDER BY finding_id`);
      expect(rows).toEqual([
        { finding_id: 'R-1', county: '东阳市', round_key: '金华市|市委|八届|5', category_l1: 'F', category_l2: 'F1', status: 'completed', acc_people_total: 2 },
        { finding_id: 'R-2', county: '东阳市', round_key: '金华市|市委|八届|5', category_l1: 'C', category_l2: 'C5', status: 'in_progress', acc_people_total: null },
      ]);
    });
  }
});

describe('an "Excel" file that is a web page or an Excel 2003 XML spreadsheet, as systems export them', () => {
  const header = ['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const rows = [['武义县', '武义县交通局党组', '八届市委第五轮巡察', '三会一课落实不规范', '已完成'], ['武义县', '武义县教育局党委', '八届市委第五轮巡察', '意识形态工作责任制落实不到位', '正在整改']];
  const page = (charset: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><style>td{mso-number-format:"@"}</style></head>
<body><table><tr>${header.map((h) => `<td>${h}</td>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
  const expected = [{ county: '武义县', problem_title: '三会一课落实不规范', status: 'completed' }, { county: '武义县', problem_title: '意识形态工作责任制落实不到位', status: 'in_progress' }];
  const read = async (name: string, bytes: Uint8Array) => {
    const e = await freshEngine();
    const [r] = await importOk(e, name, bytes);
    expect(r.rowsAccepted).toBe(2);
    return e.query('SELECT county, problem_title, status FROM findings ORDER BY source_row');
  };

  test('an HTML table saved as .xls, in GBK (its meta charset), UTF-8 or UTF-16', async () => {
    expect(await read('台账.xls', new Uint8Array(iconv.encode(page('gb2312'), 'gbk')))).toEqual(expected);
    expect(await read('台账.xls', new TextEncoder().encode(page('utf-8')))).toEqual(expected);
    // Saved as "Unicode" (UTF-16LE with its BOM), as an OA system may (review: it failed as having no header).
    expect(await read('台账.xls', new Uint8Array([0xff, 0xfe, ...iconv.encode(page('utf-16'), 'utf16le')]))).toEqual(expected);
  });

  test("a web page's cells are the text it shows, read as the same table saved as CSV: no number or date guessed from them", async () => {
    // Measures numbered 1-1, 1-2 under one problem (SheetJS alone read them as the dates 2001-01-01, 2001-01-02,
    // and the problem counted twice), a month 2024.10 (read as 2024.1, January) and 2024-06 (read as June 1st).
    const table = [
      ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改措施', '整改状态', '完成时间'],
      ['1-1', '武义县', '武义县交通局党组', '八届市委第五轮巡察', '三会一课落实不规范', '规范会议记录', '已完成', '2024.10'],
      ['1-2', '武义县', '武义县交通局党组', '八届市委第五轮巡察', '三会一课落实不规范', '开展专题培训', '已完成', '2024.10'],
      ['2-1', '武义县', '武义县教育局党委', '八届市委第五轮巡察', '意识形态工作责任制落实不到位', '压实责任', '已完成', '2024-06'],
    ];
    const html = `<html><head><meta charset="utf-8"></head><body><table>${table.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`;
    const csv = table.map((r) => r.join(',')).join('\r\n');
    const read = async (name: string, text: string) => {
      const e = await freshEngine();
      await importOk(e, name, new TextEncoder().encode(text));
      return e.query('SELECT problem_title, completion_date, measures FROM findings ORDER BY source_row');
    };
    const want = [
      { problem_title: '三会一课落实不规范', completion_date: '2024-10-31', measures: '规范会议记录\n开展专题培训' },
      { problem_title: '意识形态工作责任制落实不到位', completion_date: '2024-06-30', measures: '压实责任' },
    ];
    expect(await read('台账.csv', csv)).toEqual(want);
    expect(await read('台账.xls', html)).toEqual(want);
  });

  test('SpreadsheetML (Excel 2003 XML) saved as .xls', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([header, ...rows]), '台账');
    const xml = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlml' }) as ArrayBuffer);
    expect(await read('台账.xls', xml)).toEqual(expected);
  });
});

describe('JSON as systems export it', () => {
  const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
  const record = (id: string, county: string | null, status: string) => ({
    问题编号: id, ...(county ? { 县市区: county } : {}), 被巡察单位: '武义县交通局党组', 轮次名称: '八届市委第五轮巡察',
    问题类别: 'C', 具体问题: `三会一课落实不规范${id}`, 整改状态: status,
  });
  const findings = (e: Awaited<ReturnType<typeof freshEngine>>) =>
    e.query('SELECT source_sheet, finding_id, county, status FROM findings ORDER BY finding_id');

  test('records wrapped in {code, data: {list: [...], total}} are read from the list', async () => {
    const e = await freshEngine();
    const doc = { code: 0, msg: '成功', data: { total: 2, list: [record('J-1', '武义县', '已完成'), record('J-2', '武义县', '正在整改')] } };
    const [r] = await importOk(e, 'export.json', enc(doc));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
    expect(await findings(e)).toEqual([
      { source_sheet: null, finding_id: 'J-1', county: '武义县', status: 'completed' },
      { source_sheet: null, finding_id: 'J-2', county: '武义县', status: 'in_progress' },
    ]);
  });

  test('an object of lists per county reads each list as a sheet named by its key, which gives the county', async () => {
    const e = await freshEngine();
    const doc = { 武义县: [record('W-1', null, '已完成')], 浦江县: [record('P-1', null, '未完成'), record('P-2', null, '已完成')] };
    const reports = await importOk(e, 'by-county.json', enc(doc));
    expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['武义县', 1], ['浦江县', 2]]);
    expect(await findings(e)).toEqual([
      { source_sheet: '浦江县', finding_id: 'P-1', county: '浦江县', status: 'not_completed' },
      { source_sheet: '浦江县', finding_id: 'P-2', county: '浦江县', status: 'completed' },
      { source_sheet: '武义县', finding_id: 'W-1', county: '武义县', status: 'completed' },
    ]);
  });

  test('NDJSON saved as .json, and one JSON document saved as .ndjson, are read in the form they hold', async () => {
    const lines = [record('N-1', '武义县', '已完成'), record('N-2', '武义县', '已完成')].map((x) => JSON.stringify(x)).join('\n');
    const e1 = await freshEngine();
    expect((await importOk(e1, 'lines.json', enc(lines)))[0].rowsAccepted).toBe(2);
    const e2 = await freshEngine();
    const pretty = JSON.stringify({ data: [record('N-3', '武义县', '已完成')] }, null, 2);
    expect((await importOk(e2, 'pretty.ndjson', enc(pretty)))[0].rowsAccepted).toBe(1);
  });

  test('nested objects are flattened: a naming key gives the parent its value, other keys join the parent name', async () => {
    const e = await freshEngine();
    const doc = [{ 问题编号: 'N-1', 县市区: '武义县', 被巡察单位: { name: '武义县交通局党组', code: 'X1' }, 轮次名称: '八届市委第五轮巡察',
      问题类别: 'C', 具体问题: '三会一课落实不规范', 整改: { 状态: '已完成', 时限: '2024-12-31' } }];
    await importOk(e, 'nested.json', enc(doc));
    expect(await e.query('SELECT unit_name, status, deadline FROM findings')).toEqual([{ unit_name: '武义县交通局党组', status: 'completed', deadline: '2024-12-31' }]);
  });

  test('records whose keys no alias knows (pinyin) go to the mapping dialog, keys offered as the columns; the mapping imports them', async () => {
    const e = await freshEngine();
    const doc = [{ quxian: '武义县', danwei: '武义县交通局党组', lunci: '八届市委第五轮巡察', wenti: '三会一课落实不规范', zhuangtai: '已完成' }];
    const res = await importFile(e, { name: 'pinyin.json', bytes: enc(doc) });
    expect(res.ok).toBe(false);
    const request = !res.ok && 'needsMapping' in res ? res.needsMapping : null;
    expect(request?.headers).toEqual(['quxian', 'danwei', 'lunci', 'wenti', 'zhuangtai']);
    expect(request?.samples[0]).toEqual(['武义县', '武义县交通局党组', '八届市委第五轮巡察', '三会一课落实不规范', '已完成']);
    const mapping = { quxian: 'county', danwei: 'unit_name', lunci: 'round_label', wenti: 'problem_title', zhuangtai: 'status_raw' };
    const [r] = await importOk(e, 'pinyin.json', enc(doc), { mapping });
    expect(r.rowsAccepted).toBe(1);
    expect(await e.query('SELECT county, unit_name, status FROM findings')).toEqual([{ county: '武义县', unit_name: '武义县交通局党组', status: 'completed' }]);
    // English keys are aliases of their fields: no dialog.
    const english = [{ county: '武义县', unit: '武义县卫健局党委', round: '八届市委第五轮巡察', problem: '三会一课落实不规范', status: '已完成' }];
    const [en] = await importOk(e, 'english.json', enc(english));
    expect(en.rowsAccepted).toBe(1);
  });

  test('a wrapper whose list is empty has no data; text that is neither form is corrupt', async () => {
    const e = await freshEngine();
    const empty = await importFile(e, { name: 'empty.json', bytes: enc({ code: 0, data: { list: [], total: 0 } }) });
    expect(empty.ok ? null : 'error' in empty && empty.error.code).toBe('no_data');
    const broken = await importFile(e, { name: 'broken.json', bytes: enc('{"data": [{"具体问题": "x"}') });
    expect(broken.ok ? null : 'error' in broken && broken.error.code).toBe('corrupt_json');
  });

  test('valid JSON nested deeper than the reader goes is said to be so, not damaged', async () => {
    const e = await freshEngine();
    const deepField = `[{"被巡察单位": "甲", "具体问题": ${'{"a":'.repeat(20000)}"深"${'}'.repeat(20000)}}]`;
    for (const text of [deepField, '['.repeat(100000) + ']'.repeat(100000)]) {
      const r = await importFile(e, { name: 'deep.json', bytes: new TextEncoder().encode(text) });
      expect(r.ok ? null : 'error' in r && r.error.code).toBe('json_too_deep');
    }
  });
});

describe('XLSX with one sheet per county', () => {
  test('county from the sheet name, round from the file name', async () => {
    const e = await freshEngine();
    const name = '十四届省委第八轮巡视整改台账.xlsx';
    const reports = await importOk(e, name, (await workbookFixtures())[name]);
    expect(reports.map((r) => [r.sheet, r.rowsAccepted, r.rowsRejected])).toEqual([['兰溪市', 1, 0], ['浦江', 2, 0]]);
    const rows = await e.query(`SELECT county, county_code, round_key, round_label, inspection_kind, status, category_l2 FROM findings ORDER BY source_sheet, source_row`);
    expect(rows).toEqual([
      { county: '兰溪市', county_code: '330781', round_key: '浙江省|省委|十四届|8', round_label: '十四届省委第八轮巡视', inspection_kind: '巡视', status: 'completed', category_l2: null },
      { county: '浦江县', county_code: '330726', round_key: '浙江省|省委|十四届|8', round_label: '十四届省委第八轮巡视', inspection_kind: '巡视', status: 'in_progress', category_l2: 'B2' },
      { county: '浦江县', county_code: '330726', round_key: '浙江省|省委|十四届|8', round_label: '十四届省委第八轮巡视', inspection_kind: '巡视', status: 'not_completed', category_l2: 'C5' },
    ]);
  });
});

describe('XLSX with a two-row header (问责情况 over its sub-columns), unit notes in headers, a cell merged down', () => {
  test('the header rows are one header; sub-columns map; 元 becomes 万元; the merged county is on both rows; the 栏次 row is skipped', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'two-row-header.xlsx', (await workbookFixtures())['two-row-header.xlsx']);
    // No category column: titles place the first two (D2, F1); the third's words place it nowhere,
    // so it is flagged with the title as the clue.
    expect([r.rowsAccepted, r.rowsWarned, r.rowsRejected, r.rowsSkipped]).toEqual([3, 1, 0, 1]);
    expect(r.issues.map((i) => `${i.row} ${i.code} ${i.value ?? ''}`))
      .toEqual(['0 year_missing 3', '4 row_skipped_numbering 1', '7 category_unmapped_title 台账资料不齐全']);
    const [{ mapping }] = await e.query<{ mapping: string }>('SELECT mapping FROM datasets');
    expect(JSON.parse(mapping)).toMatchObject({
      '被巡察单位': 'unit_name', '完成时间（年月日）': 'completion_date', '党纪处分': 'acc_party_discipline',
      '政务处分': 'acc_gov_sanction', '组织处理': 'acc_org_handling', '追缴资金（元）': 'funds_wan',
    });
    const rows = await e.query(`SELECT source_row, county, round_key, category_l2 AS l2, status, completion_date, acc_party_discipline AS party,
      acc_gov_sanction AS gov, acc_org_handling AS org, funds_wan FROM findings ORDER BY source_row`);
    expect(rows).toEqual([
      { source_row: 5, county: '武义县', round_key: '武义县|县(市、区)委|九届|2', l2: 'D2', status: 'completed', completion_date: '2023-05-20', party: 2, gov: 1, org: 0, funds_wan: 5 },
      { source_row: 6, county: '武义县', round_key: '武义县|县(市、区)委|九届|2', l2: 'F1', status: 'in_progress', completion_date: null, party: 0, gov: 0, org: 1, funds_wan: 3 },
      { source_row: 7, county: '磐安县', round_key: '磐安县|县(市、区)委|九届|2', l2: null, status: 'not_completed', completion_date: null, party: null, gov: null, org: null, funds_wan: null },
    ]);
  });
});
