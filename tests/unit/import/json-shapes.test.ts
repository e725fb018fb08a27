import { describe, test, expect } from 'vitest';
import { quoteBigIntegers } from '../../../src/lib/import/json-bigint';
import { jsonTables } from '../../../src/lib/import/json-tables';
import { childKey } from '../../../src/lib/import/record-children';
import { recordLists } from '../../../src/lib/import/record-lists';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';
import { importFile } from '../../../src/lib/import';

/**
 * JSON as systems and pandas write it: 19-digit ids as numbers (Java snowflake ids), a stray
 * element in an array of records, records keyed by id or by column (DataFrame.to_json).
 */
const R = '八届市委第三轮巡察';
const enc = (s: string) => new TextEncoder().encode(s);
const rec = (i: number) => ({ 序号: i, 县市区: '婺城区', 被巡察单位: `婺城区单位${i}`, 轮次名称: R, 具体问题: `理论学习不深入${i}`, 整改状态: '已完成' });

describe('integers beyond Number.MAX_SAFE_INTEGER keep their digits', () => {
  test.each([
    ['[1790000000000000001, 9007199254740991, 9007199254740992]', '["1790000000000000001", 9007199254740991, "9007199254740992"]'],
    ['{"id":-1790000000000000001}', '{"id":"-1790000000000000001"}'],
    // Strings (escaped quotes and backslashes included) and non-integers are left as they are.
    ['{"a":"x\\"1790000000000000001\\\\","b":1790000000000000001}', '{"a":"x\\"1790000000000000001\\\\","b":"1790000000000000001"}'],
    ['[1790000000000000001.5, 17900000000000000012e3, 1.7900000000000000012]', '[1790000000000000001.5, 17900000000000000012e3, 1.7900000000000000012]'],
    ['[12, "a"]', '[12, "a"]'],
  ])('%s', (text, want) => {
    expect(quoteBigIntegers(text)).toBe(want);
    expect(() => JSON.parse(quoteBigIntegers(text))).not.toThrow();
  });

  const ids = (prior: string) => [
    { 问题编号: '1790000000000000001', 县市区: '婺城区', 被巡察单位: '婺城区教育局', 轮次名称: R, 具体问题: '理论学习不深入', 整改状态: '正在推进', 上轮问题编号: prior },
    { 问题编号: '1790000000000000002', 县市区: '婺城区', 被巡察单位: '婺城区教育局', 轮次名称: R, 具体问题: '违规吃喝', 整改状态: '正在推进', 上轮问题编号: null },
  ];
  // JSON.stringify cannot write such a number: the digits are put in by hand.
  const json = (records: object[]) => JSON.stringify(records).replace(/"(179\d{16}|169\d{16})"/g, '$1');

  test.each(['sys.json', 'sys.ndjson'])('%s: two consecutive snowflake ids stay two, and 上轮问题编号 is the one written', async (name) => {
    const records = ids('1690000000000000123');
    const text = name.endsWith('.ndjson') ? records.map((r) => json([r]).slice(1, -1)).join('\n') : json(records);
    expect(text).toContain('"问题编号":1790000000000000001');
    const e = await freshEngine();
    const [r] = await importOk(e, name, enc(text));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
    const rows = await e.query<{ finding_id: string; prior_finding_id: string | null }>(`SELECT finding_id, prior_finding_id FROM findings ORDER BY source_row`);
    expect(rows[0].finding_id).toMatch(/(^|\|)1790000000000000001$/);
    expect(rows[1].finding_id).toMatch(/(^|\|)1790000000000000002$/);
    expect(rows.map((x) => x.prior_finding_id)).toEqual(['1690000000000000123', null]);
  });
});

describe('an array of records with an element that is no record', () => {
  test.each([['null', null], ['a string', '合计'], ['a number', 3]])('%s is one rejected record; the others are imported', async (_, stray) => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'export.json', enc(JSON.stringify([rec(1), stray, rec(3)])));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 1]);
    expect(issuesOf(r, 'error')).toEqual([{ row: 2, code: 'record_invalid' }]);
    expect(await e.query(`SELECT source_row, unit_name FROM findings ORDER BY 1`)).toEqual([
      { source_row: 1, unit_name: '婺城区单位1' }, { source_row: 3, unit_name: '婺城区单位3' },
    ]);
  });

  test('a wrapped list with a trailing null is found and read the same way', async () => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'export.json', enc(JSON.stringify({ code: 0, data: { list: [rec(1), rec(2), null], total: 2 } })));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 1]);
    expect(issuesOf(r, 'error')).toEqual([{ row: 3, code: 'record_invalid' }]);
  });
});

test('dates a Java backend writes as milliseconds since 1970 are read as the day in China, not warned invalid', async () => {
  const e = await freshEngine();
  const doc = [{ ...rec(1), 反馈时间: 1559318400000, 完成时间: 1561910400000 }, { ...rec(2), 反馈时间: 1559318400000, 完成时间: null }];
  const [r] = await importOk(e, 'system.json', enc(JSON.stringify({ code: 200, data: doc })));
  expect(await e.query('SELECT feedback_date, completion_date FROM findings ORDER BY source_row')).toEqual([
    { feedback_date: '2019-06-01', completion_date: '2019-07-01' }, { feedback_date: '2019-06-01', completion_date: null },
  ]);
  expect(issuesOf(r, 'warning').filter((i) => i.code.startsWith('date_'))).toEqual([]);
});

describe('records keyed by id or by column (pandas DataFrame.to_json)', () => {
  const recs = [1, 2, 3].map(rec);
  const byIndex = Object.fromEntries(recs.map((r, i) => [String(i), r]));
  const byId = Object.fromEntries(recs.map((r) => [`WC-${r.序号}`, r]));
  const byColumn = Object.fromEntries(Object.keys(recs[0]).map((k) => [k, Object.fromEntries(recs.map((r, i) => [String(i), r[k as keyof typeof r]]))]));
  // to_dict('list'): each column a list (it was read as one record of list texts).
  const asLists = Object.fromEntries(Object.keys(recs[0]).map((k) => [k, recs.map((r) => r[k as keyof typeof r])]));

  test.each([["orient='index'", byIndex], ['keyed by record id', byId], ["orient='columns'", byColumn], ["to_dict('list')", asLists]])('%s: each record is a row', async (_, doc) => {
    const e = await freshEngine();
    const [r] = await importOk(e, 'export.json', enc(JSON.stringify(doc)));
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
    expect(await e.query(`SELECT source_row, unit_name, problem_title FROM findings ORDER BY 1`)).toEqual(
      recs.map((x, i) => ({ source_row: i + 1, unit_name: x.被巡察单位, problem_title: x.具体问题 })),
    );
  });

  test('which objects are keyed records, and which are one record or a wrapper', () => {
    expect(recordLists(byIndex)).toEqual([{ items: recs }]);
    expect(recordLists(byColumn)).toEqual([{ items: recs }]);
    expect(recordLists(asLists)).toEqual([{ items: recs }]);
    // One record with a list in a field stays one record; lists of unequal length are no table.
    const withList = { 序号: 1, 附件: ['a.pdf', 'b.pdf'] };
    expect(recordLists(withList)).toEqual([{ items: [withList] }]);
    expect(recordLists({ a: [1, 2], b: [1] })).toEqual([{ items: [{ a: [1, 2], b: [1] }] }]);
    // One record with nested objects stays one record (flattened later).
    const nested = { 被巡察单位: { name: '婺城区教育局', code: 'X1' }, 整改: { 状态: '已完成', 时间: '2024-05-10' } };
    expect(recordLists(nested)).toEqual([{ items: [nested] }]);
    // A wrapper keyed by year holds its records in lists.
    expect(recordLists({ 2024: { list: recs } })).toEqual([{ path: '2024.list', items: recs }]);
  });
});

// Wrappers whose lists sit deeper than one level are wrappers, not records keyed by their keys
// (a first version of keyedRecords read {"2024": {"data": {"list": […]}}} as one record per key).
test.each([
  ['a year wrapper, its list two levels down', { 2024: { data: { list: [rec(1), rec(2)] } } }, 2],
  ['per-county API responses', { 婺城区: { code: 0, data: { list: [rec(1), rec(2)] } }, 金东区: { code: 0, data: { list: [rec(3), rec(4)] } } }, 4],
])('%s: its lists are read', async (_name, doc, want) => {
  const e = await freshEngine();
  try {
    const reports = await importOk(e, 'export.json', enc(JSON.stringify(doc)));
    expect(reports.reduce((n, d) => n + d.rowsAccepted, 0)).toBe(want);
  } finally {
    e.close();
  }
});

test('a wrapper of empty lists holds no records', () => {
  expect(recordLists({ 2024: { list: [], total: 0 } })).toEqual([{ items: [] }]);
});

/** Findings of a fresh import as rows of the given columns, in source order. */
async function findingsOf(doc: unknown, columns: string, name = 'export.json') {
  const e = await freshEngine();
  try {
    const reports = await importOk(e, name, typeof doc === 'string' ? utf8(doc) : utf8(JSON.stringify(doc)));
    return { reports, rows: await e.query<Record<string, unknown>>(`SELECT ${columns} FROM findings ORDER BY source_row`) };
  } finally {
    e.close();
  }
}

describe('units that each hold a list of problems: one finding per problem', () => {
  const unit = (name: string, problems: object[]) => ({ 县市区: '永康市', 巡视巡察主体: '市委', 届次: '八届', 轮次: 6, 年度: 2024, 反馈时间: '2024-03-01', 被巡察单位: name, 问题清单: problems });
  const p = (类别: string, 具体问题: string, 整改状态: string) => ({ 问题类别: 类别, 具体问题, 整改状态 });
  const units = [
    unit('古山镇党委', [p('D', '违规吃喝', '已完成'), p('B', '意识形态', '未完成')]),
    unit('财政局党组', [p('A', '理论学习不深入', '已完成'), p('C', '选人用人不规范', '未完成'), p('D', '公车私用', '已完成')]),
  ];
  const want = [
    ['古山镇党委', '违规吃喝', 'completed'], ['古山镇党委', '意识形态', 'not_completed'],
    ['财政局党组', '理论学习不深入', 'completed'], ['财政局党组', '选人用人不规范', 'not_completed'], ['财政局党组', '公车私用', 'completed'],
  ];
  const cols = 'source_row, county, unit_name, feedback_date, problem_title, status';

  test.each([
    ['an array of units', units],
    ['units wrapped in {"data": […]}', { code: 0, data: units }],
    ['units keyed in {"data": {"list": […]}}', { data: { list: units, total: 2 } }],
  ])('%s', async (_, doc) => {
    const { reports: [r], rows } = await findingsOf(doc, cols);
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([5, 0]);
    expect(rows.map((x) => [x.unit_name, x.problem_title, x.status])).toEqual(want);
    expect(rows.map((x) => [x.source_row, x.county, x.feedback_date])).toEqual(want.map((_, i) => [i + 1, '永康市', '2024-03-01']));
  });

  test('NDJSON, one unit a line, and one unit alone as the document', async () => {
    const nd = await findingsOf(units.map((u) => JSON.stringify(u)).join('\n'), 'unit_name, problem_title', 'units.ndjson');
    expect(nd.rows.map((x) => x.problem_title)).toEqual(want.map((w) => w[1]));
    const one = await findingsOf(units[1], 'unit_name, problem_title');
    expect(one.rows).toEqual(want.slice(2).map(([u, t]) => ({ unit_name: u, problem_title: t })));
  });

  test("a child's own key wins over its parent's; a unit with an empty list keeps one row, named in the report", async () => {
    const doc = [
      unit('古山镇党委', [{ ...p('D', '违规吃喝', '已完成'), 反馈时间: '2024-04-02' }, p('B', '意识形态', '未完成')]),
      unit('财政局党组', []),
      unit('教育局党委', [p('A', '理论学习不深入', '已完成')]),
    ];
    const { reports: [r], rows } = await findingsOf(doc, 'source_row, unit_name, feedback_date, problem_title');
    expect(rows).toEqual([
      { source_row: 1, unit_name: '古山镇党委', feedback_date: '2024-04-02', problem_title: '违规吃喝' },
      { source_row: 2, unit_name: '古山镇党委', feedback_date: '2024-03-01', problem_title: '意识形态' },
      { source_row: 4, unit_name: '教育局党委', feedback_date: '2024-03-01', problem_title: '理论学习不深入' },
    ]);
    expect(issuesOf(r, 'error')).toEqual([{ row: 3, code: 'title_missing' }]);
  });

  test('a stray element among the units is rejected at its place in the expanded numbering', async () => {
    const { reports: [r], rows } = await findingsOf([units[0], null, units[1]], 'source_row');
    expect(rows.map((x) => x.source_row)).toEqual([1, 2, 4, 5, 6]);
    expect(issuesOf(r, 'error')).toEqual([{ row: 3, code: 'record_invalid' }]);
  });

  test('county → units → problems → measures: one finding per problem, its measures one line each', async () => {
    const measures = [{ 措施: '建立公务接待制度', 责任人: '张三' }, { 措施: '退缴费用', 责任人: '李四' }];
    const doc = { 县市区: '永康市', 轮次名称: R, 单位列表: [
      { 被巡察单位: '古山镇党委', 反馈时间: '2024-03-01', 问题清单: [{ ...p('D', '违规吃喝', '已完成'), 整改措施: measures }, p('B', '意识形态', '未完成')] },
      { 被巡察单位: '财政局党组', 反馈时间: '2024-03-01', 问题清单: [p('A', '理论学习不深入', '已完成')] },
    ] };
    const { rows } = await findingsOf([doc], 'county, unit_name, problem_title, measures');
    expect(rows).toEqual([
      { county: '永康市', unit_name: '古山镇党委', problem_title: '违规吃喝', measures: '措施：建立公务接待制度，责任人：张三\n措施：退缴费用，责任人：李四' },
      { county: '永康市', unit_name: '古山镇党委', problem_title: '意识形态', measures: null },
      { county: '永康市', unit_name: '财政局党组', problem_title: '理论学习不深入', measures: null },
    ]);
  });

  test('a list of plain values, and a list of objects in a finding, stay one cell', async () => {
    const doc = [{ ...rec(1), 整改措施: ['整改措施1', '整改措施2'], 附件: [{ name: 'a.pdf' }, { name: 'b.pdf' }] }];
    const { rows } = await findingsOf(doc, 'problem_title, measures');
    expect(rows).toEqual([{ problem_title: '理论学习不深入1', measures: '["整改措施1","整改措施2"]' }]);
  });
});

describe('JSON whose header is written apart from its records', () => {
  const keys = ['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const recs = [1, 2].map(rec);
  const arrays = recs.map((r) => keys.map((k) => r[k as keyof typeof r]));
  const want = recs.map((r, i) => ({ source_row: i + 1, unit_name: r.被巡察单位, problem_title: r.具体问题 }));

  test.each([
    ['column definitions beside the records', { columns: keys.map((k) => ({ title: k, field: k, width: 120 })), data: { list: recs, total: 2 } }],
    ['column definitions naming the records\' fields', { code: 0, data: { columns: keys.map((k, i) => ({ label: k, prop: `c${i}` })),
      rows: recs.map((r) => Object.fromEntries(keys.map((k, i) => [`c${i}`, r[k as keyof typeof r]]))) } }],
    ["pandas orient='split'", { columns: keys, index: [0, 1], data: arrays }],
    ['fields and rows', { code: 0, fields: keys, rows: arrays }],
    ['fields and rows, wrapped', { code: 0, data: { fields: keys, rows: arrays, total: 2 } }],
    ['column definitions over rows of values', { columns: keys.map((k, i) => ({ title: k, dataIndex: `c${i}` })), data: arrays }],
  ])('%s', async (_, doc) => {
    const { reports: [r], rows } = await findingsOf(doc, 'source_row, unit_name, problem_title');
    expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
    expect(rows).toEqual(want);
  });
});

describe('which list of a record holds its findings (childKey)', () => {
  const problems = [{ 具体问题: '违规吃喝', 整改状态: '已完成' }];
  const measures = [{ 整改措施: '建立制度', 责任单位: '办公室', 完成时限: '2024-06-30' }];
  test.each([
    ['the one list of problems', [{ 被巡察单位: '甲', 问题清单: problems }], '问题清单'],
    ['problems before measures, both ledger-like', [{ 被巡察单位: '甲', 问题: problems, 措施: measures }], '问题'],
    ['the list naming twice the fields of the other', [{ 被巡察单位: '甲', 整改: [{ ...measures[0], 整改状态: '已完成' }], 附件: [{ 佐证材料: 'a.pdf', 整改状态: '已完成' }] }], '整改'],
    ['none: the record has a problem of its own (its list is its measures)', [{ 具体问题: '违规吃喝', 整改措施: measures }], null],
    ['none: files name no two ledger fields', [{ 被巡察单位: '甲', 附件: [{ name: 'a.pdf', url: 'http://x' }] }], null],
    ['none: a list of plain values', [{ 被巡察单位: '甲', 整改措施: ['措施1', '措施2'] }], null],
    ['none: two lists alike', [{ 被巡察单位: '甲', 上半年: problems, 下半年: problems }], null],
  ])('%s', (_, records, want) => {
    expect(childKey(records)).toBe(want);
  });
});

describe('the tables of a document (jsonTables)', () => {
  const columns = [{ title: '县市区', field: 'xsq' }, { title: '具体问题', field: 'jtwt' }];
  test.each([
    // Column definitions alone are what the document holds: read as before, as records.
    ['column definitions alone', { columns }, [{ path: 'columns', items: columns }]],
    ['records named by the definitions', { columns, data: { list: [{ xsq: '婺城区', jtwt: '问题' }] } },
      [{ path: 'data.list', items: [{ 县市区: '婺城区', 具体问题: '问题' }] }]],
    // A wrapper's code, msg and total are no unit: its list is the records.
    ['a wrapper', { code: 0, msg: '成功', total: 1, data: [{ 具体问题: '问题' }] }, [{ path: 'data', items: [{ 具体问题: '问题' }] }]],
    ['a unit and its problems', { 县市区: '永康市', 被巡察单位: '甲', 问题清单: [{ 具体问题: '问题', 整改状态: '已完成' }] },
      [{ items: [{ 县市区: '永康市', 被巡察单位: '甲', 问题清单: [{ 具体问题: '问题', 整改状态: '已完成' }] }] }]],
    ['a header over rows', { code: 0, data: { fields: ['县市区', '具体问题'], rows: [['婺城区', '问题'], null] } },
      [{ path: 'data.rows', header: ['县市区', '具体问题'], items: [['婺城区', '问题'], null] }]],
  ])('%s', (_, doc, want) => {
    expect(jsonTables(doc)).toEqual(want);
  });
});

test('a JSON value that is no list of records, a list of none, and an array with junk after it each get their own message', async () => {
  const e = await freshEngine();
  const codeOf = async (name: string, text: string) => {
    const res = await importFile(e, { name, bytes: new TextEncoder().encode(text) });
    return !res.ok && 'error' in res ? [res.error.code, res.error.vars] : ['imported'];
  };
  expect(await codeOf('n.json', '42')).toEqual(['json_not_records', { value: '42' }]);
  expect(await codeOf('s.json', '"具体问题"')).toEqual(['json_not_records', { value: '"具体问题"' }]);
  expect(await codeOf('null.json', 'null')).toEqual(['json_not_records', { value: 'null' }]);
  expect(await codeOf('none.json', '[1, 2, "x"]')).toEqual(['json_no_records', {}]);
  const rec2 = (unit: string) => ({ 县市区: '永康市', 被巡察单位: unit, 轮次名称: '八届市委第四轮巡察', 具体问题: `${unit}的问题`, 整改状态: '已完成' });
  // An array on one line and a line of HTML after it: damaged JSON, said where, not a missing header.
  const [code] = await codeOf('junk.json', `${JSON.stringify([rec2('甲单位'), rec2('乙单位')])}\n<html>oops</html>`);
  expect(code).toBe('corrupt_json');
  // Three records among seven items: the records import, the four others are rejected with their text.
  const res = await importFile(e, { name: 'mixed.json', bytes: new TextEncoder().encode(JSON.stringify([rec2('甲单位'), 5, rec2('乙单位'), 'str', null, rec2('丙单位'), true])) });
  if (!res.ok) throw new Error(JSON.stringify(res));
  expect([res.datasets[0].rowsAccepted, res.datasets[0].rowsRejected]).toEqual([3, 4]);
  expect(res.datasets[0].issues.filter((i) => i.code === 'record_invalid').map((i) => i.value)).toEqual(['5', '"str"', 'null', 'true']);
});
