import { describe, test, expect } from 'vitest';
import { quoteBigIntegers } from '../../../src/lib/import/json-bigint';
import { recordLists } from '../../../src/lib/import/record-lists';
import { freshEngine, importOk, issuesOf } from './helpers';

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
