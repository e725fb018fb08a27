import { expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { titleNumbersSql } from '../../../src/lib/import/normalise/names';
import { str } from '../../../src/lib/queries/sql';
import { engineEachTest, importOk, utf8 } from './helpers';

/**
 * The title words leave digits out (DOMAIN.md §7.5), but within one round titles that differ only in a
 * number are two problems (违规发放津补贴3万元 and 5万元; a generated 问题1, 问题2): no duplicate warning,
 * no sheet left out, no later version asked about. A leading item number is no part of the problem.
 */
const e = engineEachTest();

const R = '八届市委第五轮巡察';
const head = '县市区,被巡察单位,轮次名称,具体问题,整改状态';
const csv = (titles: string[], status = '正在推进', unit = '市财政局') =>
  utf8([head, ...titles.map((t) => `市本级,${unit},${R},${t},${status}`)].join('\n'));
const count = async () => (await e.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM findings'))[0].n;
const codes = (issues: { code: string; row?: number }[], code: string) => issues.filter((i) => i.code === code).map((i) => i.row);

test.each([
  ['违规发放津补贴3万元', '3'],
  ['班子成员落实一岗双责不到位', null],
  ['违规发放津补贴１２万元', '12'],
  ['2023年以来违规发放津补贴1.5万元', '2023 1 5'],
  ['违规发放津补贴15万元', '15'],
  ['违规发放3,000元', '3 000'],
  ['3,000元专项资金未入账', '3 000'],
  // helper-121: item numbers with a year after them, a space, sub-items, brackets, a dash.
  ['1.2023年以来违规发放津补贴', '2023'],
  ['１２．２０２３年度民主生活会质量不高', '2023'],
  ['1 公车管理不严', null],
  ['2 2022年公务接待无公函', '2022'],
  ['　3．　2022年公务接待无公函', '2022'],
  ['1.1公车管理不严', null],
  ['1.2.3公车管理不严', null],
  ['【1】公车管理不严', null],
  ['[12]公车管理不严', null],
  ['1-公车管理不严', null],
  ['01.公车管理不严', null],
  ['2023年公车管理不严', '2023'],
  ['10名干部超职数配备', null],
  ['12345热线投诉办理不及时', '12345'],
  ['2024-06-30检查发现账目不清', '2024 06 30'],
  ['1.班子成员落实一岗双责不到位', null],
  ['12、班子成员落实一岗双责不到位', null],
  ['（3）班子成员落实一岗双责不到位', null],
  [' (3) 班子成员落实一岗双责不到位', null],
  ['2）班子成员落实一岗双责不到位', null],
  ['1.5万元专项资金未及时拨付', '1 5'],
  ['3.班子成员违规报销5次', '5'],
  ['问题12', '12'],
  // A space between an amount and its unit is no item number; a space between an item number and an amount is one.
  ['3 万元专项资金未及时拨付', '3'],
  ['3　万元专项资金未及时拨付', '3'],
  ['3\u2009万元专项资金未及时拨付', '3'],
  ['10名干部超职数配备', null],
  ['1 30万元专项资金未及时拨付', '30'],
  ['2　2022年公务接待无公函', '2022'],
  // helper-124: words that start with a counting character (村级, 项目, 个别, 本单位, 日常, 年度, 名单) follow an item
  // number. A dot then a space is one too.
  ['1 村级财务管理不规范', null],
  ['2 项目资金拨付滞后', null],
  ['3 个别干部作风不实', null],
  ['4\t本单位三重一大执行不严', null],
  ['10 日常监督缺位', null],
  ['9　年度考核流于形式', null],
  ['１ 元旦春节期间公款吃喝', null],
  ['1 . 村级财务管理不规范', null],
  ['1.村级财务管理不规范', null],
  ['1. 村级财务管理不规范', null],
  ['1. 5万元专项资金未及时拨付', '5'],
  ['1.1 5万元专项资金未及时拨付', '5'],
  ['3. 3名干部超职数配备', null],
  ['1. 2023年以来违规发放', '2023'],
  ['1 1.5万元未入账', '1 5'],
  ['1 3 万元专项资金', '3'],
  // helper-126, -127: an amount keeps its number after a space; a count at a title's start is read as an item number,
  // spaced or not (1 套取… and 3 个村级… cannot be told apart), so the leading number never tells two problems apart.
  ['12 名干部超职数配备', null],
  ['3 千元专项资金未入账', '3'],
  ['2 百万元资金闲置', '2'],
  ['12 月份未开展谈心谈话', null],
  ['5 年未开展审计', null],
  ['3 次约谈未记录', null],
  ['3 个村级项目未验收', null],
  ['2.5 个百分点', null],
  ['1 套取农业补贴资金', null],
  ['3 批评和自我批评开展不经常', null],
  ['4 人武部民兵整组不规范', null],
  ['5 日记账登记不及时', null],
  ['1、12名干部超职数配备', null],
  ['违规发放津补贴12名干部', '12'],
  ['1 时任班子成员违规报销', null],
  ['2 人员调整不及时', null],
  ['3 百姓反映问题未办结', null],
  ['4 名单管理不规范', null],
  ['5 分管领导履职不到位', null],
])('the numbers of %s: %s', async (title, numbers) => {
  const [r] = await e.query<{ n: string | null }>(`SELECT ${titleNumbersSql(str(title))} AS n`);
  expect(r.n).toBe(numbers);
});

test('one sheet: titles differing only in a number are two problems; the same title, or the same under another item number, is a duplicate', async () => {
  const [r] = await importOk(e, '台账.csv', csv(['问题1', '问题2', '违规发放津补贴3万元', '违规发放津补贴5万元', '违规发放津补贴3万元',
    '1.公车管理不严', '4.公车管理不严', '2023年度公车管理不严']));
  expect(codes(r.issues, 'duplicate_finding')).toEqual([6, 8]);
  expect(r.rowsAccepted).toBe(8);
});

test('another file: a problem differing only in a number is not already loaded, nor the file a later version', async () => {
  const titles = Array.from({ length: 6 }, (_, i) => `问题${i + 1}`);
  await importOk(e, '台账一.csv', csv(titles));
  const [next] = await importOk(e, '台账二.csv', csv(titles.map((_, i) => `问题${i + 7}`)));
  expect(next.laterVersionOf).toBeUndefined();
  expect(codes(next.issues, 'duplicate_existing')).toEqual([]);
  expect(await count()).toBe(12);
  // The same problems again, their statuses moved on: a later version, asked about.
  const [again] = await importOk(e, '台账三.csv', csv(titles.map((_, i) => `问题${i + 7}`), '已完成'));
  expect(again.laterVersionOf).toMatchObject({ same: 6, rows: 6 });
  // Beside it, every row is warned as already loaded.
  const [beside] = await importOk(e, '台账三.csv', csv(titles.map((_, i) => `问题${i + 7}`), '已完成'), { allowDuplicate: true });
  expect(codes(beside.issues, 'duplicate_existing')).toEqual([2, 3, 4, 5, 6, 7]);
});

test('two sheets of one workbook (第一批, 第二批) whose titles differ only in numbers are both imported', async () => {
  const H = ['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const sheet = (from: number) => XLSX.utils.aoa_to_sheet([H, ...[0, 1, 2].map((i) => ['市本级', '市财政局', R, `违规发放津补贴${from + i}万元`, '正在推进'])]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet(1), '第一批');
  XLSX.utils.book_append_sheet(wb, sheet(11), '第二批');
  const reports = await importOk(e, '台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(reports.map((r) => r.sheet)).toEqual(['第一批', '第二批']);
  expect(reports.flatMap((r) => r.issues.map((i) => i.code)).filter((c) => /duplicate|overlap/.test(c))).toEqual([]);
  expect(await count()).toBe(6);
});

// helper-126: a 汇总 writing a count with a space (3 名干部…) beside a county sheet writing it without: one problem.
test('a 汇总 writing counts with a space beside a county sheet writing them without: each problem counts once', async () => {
  const H = ['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const titles = ['名干部超职数配备', '月份未开展谈心谈话', '个村级项目未验收'];
  const rows = (sep: string) => titles.map((t, i) => ['义乌市', '义乌市财政局', R, `${[3, 12, 2][i]}${sep}${t}`, '正在推进']);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([H, ...rows(' ')]), '汇总');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([H, ...rows('')]), '义乌市');
  const reports = await importOk(e, '台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  // The two sheets hold the same problems: one is imported, the other named as its duplicate.
  expect(reports).toHaveLength(1);
  expect(await count()).toBe(3);
});

// helper-127: a 汇总 numbering across counties (3 批评…, 4 人武部…) beside county sheets numbering their own (1 批评…),
// and a monthly version renumbered after an item was closed (2 套取… became 1 套取…): the leading number never decides.
test('a 汇总 numbered across counties beside county sheets numbered within each: each problem counts once', async () => {
  const H = ['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const yw = ['违规发放津补贴', '套取农业补贴资金'];
  const lx = ['批评和自我批评开展不经常', '人武部民兵整组不规范'];
  const row = (county: string, unit: string, title: string) => [county, unit, R, title, '正在推进'];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([H, ...yw.map((t, i) => row('义乌市', '义乌市农业农村局', `${i + 1} ${t}`)),
    ...lx.map((t, i) => row('兰溪市', '兰溪市人民政府办公室', `${i + 3} ${t}`))]), '汇总');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([H, ...yw.map((t, i) => row('义乌市', '义乌市农业农村局', `${i + 1} ${t}`))]), '义乌市');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([H, ...lx.map((t, i) => row('兰溪市', '兰溪市人民政府办公室', `${i + 1} ${t}`))]), '兰溪市');
  await importOk(e, '台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(await count()).toBe(4);
});

test('a monthly version renumbered after an item was closed is asked about as a later version', async () => {
  const titles = ['违规发放津补贴', '套取农业补贴资金', '批评和自我批评开展不经常', '人武部民兵整组不规范', '日记账登记不及时'];
  await importOk(e, '台账9月.csv', csv(titles.map((t, i) => `${i + 1} ${t}`)));
  const [r] = await importOk(e, '台账10月.csv', csv(titles.slice(1).map((t, i) => `${i + 1} ${t}`), '已完成'));
  expect(r.laterVersionOf).toMatchObject({ same: 4, rows: 4 });
});

test.each([
  // helper-121: 1.2023年…, 1 …, 1.1…
  [['2023年以来违规发放津补贴', '2022年公务接待无公函', '三会一课不规范'], ['2023年理论学习中心组学习不足', '违规吃喝问题突出'], ['1.', '2 ', '3.1', '【4】', '5-']],
  // helper-124: a space or a dot and a space before a word that starts with a counting character.
  [['村级财务管理不规范', '项目资金拨付滞后', '日常监督缺位'], ['个别干部作风不实', '本单位三重一大执行不严'], ['1 ', '2　', '3. ', '4 ', '5 . ']],
])('a 汇总 numbering its titles beside county sheets that do not still holds them: each problem counts once (%j)', async (yw, yk, numbered) => {
  const H = ['县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([H,
    ...[...yw.map((t) => ['义乌市', '义乌市财政局', t]), ...yk.map((t) => ['永康市', '永康市教育局', t])]
      .map(([c, u, t], i) => [c, u, R, `${numbered[i]}${t}`, '正在推进'])]), '汇总');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([H, ...yw.map((t) => ['义乌市', '义乌市财政局', R, t, '正在推进'])]), '义乌市');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([H, ...yk.map((t) => ['永康市', '永康市教育局', R, t, '正在推进'])]), '永康市');
  const reports = await importOk(e, '台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(reports.map((r) => r.sheet)).toEqual(['汇总']);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_duplicate').map((i) => i.value)).toEqual(['义乌市', '永康市']);
  expect(await count()).toBe(5);
});
