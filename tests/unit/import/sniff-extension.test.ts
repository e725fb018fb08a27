import { expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { sniffFormat } from '../../../src/lib/import/sniff';
import { isJsonText } from '../../../src/lib/import/json-prefix';
import { freshEngine, importOk } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);
const BODY = '序号,县市区,被巡察单位,轮次名称,具体问题,整改状态\n1,婺城区,婺城区教育局,八届市委第三轮巡察,理论学习不深入,已完成\n';

test('a table whose title starts with a bracket or a brace is CSV, in UTF-8 and in GBK', () => {
  expect(sniffFormat('台账.csv', enc('[2024]3号 八届市委第三轮巡察整改台账\n' + BODY))).toBe('csv');
  expect(sniffFormat('台账.txt', enc('{婺城区}巡察整改台账\n' + BODY))).toBe('csv');
  expect(sniffFormat('台账.tsv', enc('[序号]\t具体问题\n1\t理论学习不深入\n'))).toBe('csv');
  expect(sniffFormat('台账.csv', new Uint8Array(iconv.encode('[2024]3号 八届市委第三轮巡察整改台账\r\n' + BODY, 'gbk')))).toBe('csv');
  // Bracketed cells that are JSON on their own, followed by more of the table.
  expect(sniffFormat('台账.csv', enc('[1],[2]\n' + BODY))).toBe('csv');
  expect(sniffFormat('台账.csv', enc('{}\n' + BODY))).toBe('csv');
});

test('text that is JSON stays JSON whatever its name: one document, NDJSON, or cut in its first 64 KB', () => {
  const records = Array.from({ length: 3000 }, (_, i) => ({ 县市区: '婺城区', 具体问题: `问题${i}`, 金额: i / 2, 完成: i % 2 === 0, 备注: null, 说明: 'a "quoted" \\ line' }));
  const pretty = JSON.stringify(records, null, 2);
  expect(pretty.length).toBeGreaterThan(64 * 1024);
  expect(sniffFormat('export.csv', enc(pretty))).toBe('json');
  expect(sniffFormat('export.txt', enc(JSON.stringify(records)))).toBe('json');
  expect(sniffFormat('export.csv', enc(records.map((r) => JSON.stringify(r)).join('\r\n')))).toBe('ndjson');
  expect(sniffFormat('export.csv', new Uint8Array(iconv.encode(JSON.stringify(records.slice(0, 5)), 'gbk')))).toBe('json');
  // A .csv that starts like JSON and breaks is a table.
  expect(sniffFormat('export.csv', enc('[{"a": 1}, {"a": 2]\n'))).toBe('csv');
  // Other names keep going by the first character (a broken .json is reported as such).
  expect(sniffFormat('台账.dat', enc('[2024]3号 整改台账\n' + BODY))).toBe('json');
});

test('the JSON grammar check', () => {
  const ok = ['[]', '{}', ' [1, -2.5e3, true, false, null, "a\\"b"] ', '{"a": {"b": [ ]}, "c": ""}', '{"a":1}\n{"a":2}\n'];
  const bad = ['[2024]3号', '{婺城区}', '[1,]x', '{"a" 1}', '{"a":1}{"a":2}', '[1] [2]', '["a\nb"]', '[01]', '{"a":1}}', '[,1]', '{"a":1,}', '{]', '[1:2]'];
  expect(ok.filter((t) => !isJsonText(t, true))).toEqual([]);
  expect(bad.filter((t) => isJsonText(t, true))).toEqual([]);
  // Cut off where a head ends: anything that could go on is JSON so far.
  expect(['[{"a": "long str', '[tr', '{"a": [1, 2', '[-'].filter((t) => !isJsonText(t, false))).toEqual([]);
  expect(isJsonText('[2024]3号', false)).toBe(false);
});

test('such a table imports as a ledger, not as broken JSON', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '台账.csv', enc('[2024]3号 八届市委第三轮巡察整改台账\n' + BODY));
  expect(r.rowsAccepted).toBe(1);
  expect(await e.query('SELECT unit_name, problem_title, status FROM findings')).toEqual([{ unit_name: '婺城区教育局', problem_title: '理论学习不深入', status: 'completed' }]);
});
