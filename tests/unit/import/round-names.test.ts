import { expect, test } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { mergeNamedRounds, parseRoundText } from '../../../src/lib/import/round';
import { freshEngine, importOk, utf8 } from './helpers';

// Review of how offices name rounds and counties: 三轮巡察 without 第 gave no round, a ledger's month
// closing the file name became the round's year, and 金华市区 became a county called 区.

test('a round number without 第 before 轮巡察 is read; 新一轮巡察 and 上一轮巡视 are no round number', () => {
  expect(parseRoundText('十五届东阳市委三轮巡察整改台账').round_no).toBe(3);
  expect(parseRoundText('三轮巡察').round_no).toBe(3);
  expect(parseRoundText('东阳市委第四轮巡察').round_no).toBe(4);
  expect(parseRoundText('关于新一轮巡察整改的台账').round_no).toBeUndefined();
  expect(parseRoundText('上一轮巡视反馈问题').round_no).toBeUndefined();
  // No round is negative: 第-3轮 (a minus typed in, full-width or a dash) names none, as 第0轮 names none; a dash
  // without 第 parts the round from the year or committee before it.
  for (const t of ['八届市委第-3轮巡察', '八届市委第－3轮巡察', '八届市委第—3轮巡察', '八届市委第‐3轮巡察']) expect(parseRoundText(t).round_no, t).toBeUndefined();
  for (const t of ['八届市委-3轮巡察', '县委2024-3轮巡察', '八届市委—三轮巡察', '十四届县委－3轮巡察']) expect(parseRoundText(t).round_no, t).toBe(3);
});

test('a month closing the file name is the ledger\'s, not the round\'s year; a year in the name still is', () => {
  expect(parseRoundText('东阳市委第三轮巡察整改台账（2024年6月）.csv').year).toBeUndefined();
  expect(parseRoundText('东阳市委第三轮巡察整改台账_2024.6.csv').year).toBeUndefined();
  expect(parseRoundText('东阳市委2023年第三轮巡察整改台账.csv').year).toBe(2023);
  expect(parseRoundText('东阳市委第三轮巡察（2019.3-2019.5）.csv').year).toBe(2019);
});

test('金华市区 in the county column is kept whole and warned as not listed, not cut to 区', async () => {
  const e = await freshEngine();
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.csv', utf8(`序号,县市区,被巡察单位,具体问题,整改状态
1,金华市区,某局,问题一,已完成
2,金华市金东区,某局,问题二,已完成
`));
  expect(await e.query('SELECT county FROM findings ORDER BY source_row')).toEqual([{ county: '金华市区' }, { county: '金东区' }]);
  expect(r.issues.filter((i) => i.code === 'county_not_listed').map((i) => [i.row, i.value])).toEqual([[2, '金华市区']]);
  e.close();
});

test('a 轮次 cell that states its term (十五届第三轮) gives the round its term where no 届次 column does', async () => {
  const e = await freshEngine();
  await importOk(e, '东阳市委巡察整改台账.csv', utf8(`序号,巡察轮次,被巡察单位,具体问题,整改状态
1,十五届第三轮,东阳市教育局,问题一,已完成
2,十五届第四轮,东阳市卫健局,问题二,已完成
`));
  expect(await e.query('SELECT DISTINCT term, round_no FROM findings ORDER BY round_no')).toEqual([
    { term: '十五届', round_no: 3 }, { term: '十五届', round_no: 4 },
  ]);
  e.close();
});

// Hunt helper-95: a sheet named after a unit took over the title's round (金华市财政局 made a 市委 round of
// a 省委 one), and a county committee's department in a city round's title made it the county's.
test('a unit named after a committee (金华市财政局, 东阳市委组织部) is no inspecting committee', () => {
  expect(parseRoundText('金华市财政局')).toEqual({});
  expect(parseRoundText('金华开发区')).toEqual({});
  expect(parseRoundText('东阳市委组织部')).toEqual({});
  expect(parseRoundText('八届市委第三轮巡察东阳市委组织部反馈问题整改台账')).toMatchObject({ inspector_level: '市委', term: '八届', round_no: 3 });
  expect(parseRoundText('八届市委第三轮巡察东阳市委组织部反馈问题整改台账').county).toBeUndefined();
  expect(parseRoundText('中共金华市委第三轮巡察关于对东阳市委宣传部的反馈意见')).toMatchObject({ inspector_level: '市委', jinhua: true });
  // The committee's own office and a text about an inspection still name it.
  expect(parseRoundText('东阳市委巡察办')).toMatchObject({ inspector_level: '县(市、区)委', county: '东阳市' });
  expect(parseRoundText('金华市巡察整改台账汇总').inspector_level).toBe('市委');
});

test('a sheet named after a unit leaves the title\'s round as it is', async () => {
  const e = await freshEngine();
  const XLSX = await import('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  const sheet = (unit: string) => XLSX.utils.aoa_to_sheet([['十四届省委第三轮巡视反馈问题整改台账'], ['序号', '县市区', '被巡察单位', '具体问题', '整改状态'], [1, '婺城区', unit, '理论学习不深入', '已完成']]);
  XLSX.utils.book_append_sheet(wb, sheet('市财政局'), '金华市财政局');
  XLSX.utils.book_append_sheet(wb, sheet('市委组织部'), '东阳市委组织部');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
  await importOk(e, 'a.xlsx', bytes);
  expect((await e.query<{ k: string }>('SELECT DISTINCT round_key AS k FROM findings')).map((r) => r.k)).toEqual(['浙江省|省委|十四届|3']);
  e.close();
});

// Hunt helper-95: the mapping dialog asked for the level where the title or the file name gave it.
test('a county named beside 巡察 is its own committee; a title naming one committee gives the level', async () => {
  expect(parseRoundText('浦江县第三轮巡察整改台账')).toMatchObject({ inspector_level: '县(市、区)委', county: '浦江县', round_no: 3 });
  expect(parseRoundText('婺城区2024年第二轮巡察整改台账')).toMatchObject({ inspector_level: '县(市、区)委', county: '婺城区' });
  expect(parseRoundText('兰溪 巡察整改台账 第三轮')).toMatchObject({ inspector_level: '县(市、区)委', county: '兰溪市' });
  // A committee named beside the county still is the one: 金华's 八届市委 in 永康's file.
  expect(parseRoundText('永康市-八届市委第三轮巡察整改台账')).toMatchObject({ inspector_level: '市委', term: '八届' });
  const { titleRound } = await import('../../../src/lib/import/title');
  expect(titleRound(['省委巡视反馈问题整改台账'])).toEqual({ inspector_level: '省委', kind: '巡视' });
  expect(titleRound(['兰溪市委巡察反馈问题整改台账'])).toEqual({ inspector_level: '县(市、区)委', county: '兰溪市', kind: '巡察' });
  const e = await freshEngine();
  const csv = ['省委巡视反馈问题整改台账', '县市区,被巡察单位,轮次,届次,具体问题,整改状态', '永康市,永康市教育局,第三轮,十四届,理论学习不深入,已完成'].join('\n');
  await importOk(e, 'a.csv', utf8(csv));
  expect(await e.query('SELECT round_key FROM findings')).toEqual([{ round_key: '浙江省|省委|十四届|3' }]);
  e.close();
});

// Hunt helper-110: a county office's title (婺城区巡察整改台账) under a file named for the city's round
// (八届市委第五轮巡察) made a round no file states, 婺城区's 八届 round 5; beside a 汇总 sheet every finding counted twice.
test('a committee named without term or round gives way to one a later name states with them; its county is the rows\'', async () => {
  const { mergeNamedRounds } = await import('../../../src/lib/import/round');
  const { titleRound } = await import('../../../src/lib/import/title');
  const file = parseRoundText('八届市委第五轮巡察整改台账');
  expect(mergeNamedRounds({}, titleRound(['婺城区巡察整改台账']), file)).toEqual({ inspector_level: '市委', term: '八届', round_no: 5, kind: '巡察' });
  // A title that states its round keeps it; one whose committee is the file's adds nothing to undo.
  expect(mergeNamedRounds({}, titleRound(['十二届婺城区委第二轮巡察整改台账']), file)).toMatchObject({ inspector_level: '县(市、区)委', county: '婺城区', term: '十二届', round_no: 2 });
  expect(mergeNamedRounds({}, titleRound(['省委巡视反馈问题整改台账']), parseRoundText('十四届省委第三轮巡视.xlsx'))).toMatchObject({ inspector_level: '省委', term: '十四届', round_no: 3 });
  // With nothing stated beside it, the county office's committee is the round's (the number then comes from a column or the dialog).
  expect(mergeNamedRounds({}, titleRound(['兰溪市委巡察反馈问题整改台账']), parseRoundText('整改台账.xlsx'))).toMatchObject({ inspector_level: '县(市、区)委', county: '兰溪市' });
  // A county committee's term without its number lends nothing to the city's numbered round, nor the city's term to a numbered county round.
  expect(mergeNamedRounds({}, titleRound(['十二届金东区委巡察整改台账']), file)).toEqual({ inspector_level: '市委', term: '八届', round_no: 5, kind: '巡察' });
  expect(mergeNamedRounds({}, titleRound(['婺城区第二轮巡察整改台账']), file)).toEqual({ inspector_level: '县(市、区)委', county: '婺城区', round_no: 2, kind: '巡察' });
  // Another county's committee, numbered in the file name, is the round: the title's county does not mix in.
  expect(mergeNamedRounds({}, titleRound(['永康市委巡察整改台账']), parseRoundText('十二届婺城区委第二轮巡察.csv'))).toMatchObject({ county: '婺城区', term: '十二届', round_no: 2 });

  const e = await freshEngine();
  const head = '序号,被巡察单位,反馈时间,具体问题,整改状态';
  await importOk(e, '八届市委第五轮巡察整改台账.csv', utf8(['婺城区巡察整改台账,,,,', head, '1,区教育局,2024-03-10,理论学习不深入,已完成'].join('\n')));
  await importOk(e, '八届市委第五轮巡察整改台账（金东）.csv', utf8(['金东区巡察办,,,,', head, '1,区财政局,2024-03-12,政府采购程序不规范,未完成'].join('\n')));
  expect(await e.query('SELECT round_key, county, unit_name FROM findings ORDER BY county')).toEqual([
    { round_key: '金华市|市委|八届|5', county: '婺城区', unit_name: '区教育局' },
    { round_key: '金华市|市委|八届|5', county: '金东区', unit_name: '区财政局' },
  ]);
  expect(await e.query('SELECT count(*)::INTEGER AS n FROM rounds')).toEqual([{ n: 1 }]);
  e.close();
});

// helper-130: a title numbering its round within a year (中共兰溪市委2024年第一轮巡察…) left the rows' year empty (year_missing),
// though the year is the round's; a title naming a year beside no round numbering still gives none.
test('a title whose year numbers its round gives the rows that year; a year beside rounds of several years does not', async () => {
  const { titleRound } = await import('../../../src/lib/import/title');
  expect(titleRound(['中共兰溪市委2024年第一轮巡察反馈问题整改台账'])).toMatchObject({ round_no: 1, period: 2024, year: 2024 });
  expect(titleRound(['金华市巡察整改台账（2022年）'])).not.toHaveProperty('year');
  expect(titleRound(['十二届婺城区委第二轮巡察整改台账（2024年）'])).not.toHaveProperty('year');
  const e = await freshEngine();
  const csv = ['中共兰溪市委2024年第一轮巡察反馈问题整改台账', '序号,被巡察单位,具体问题,整改状态', '1,兰溪市教育局,理论学习不深入,已完成'].join('\n');
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(r.issues.filter((i) => i.code === 'year_missing')).toEqual([]);
  expect(await e.query('SELECT year, round_key FROM findings')).toEqual([{ year: 2024, round_key: '兰溪市|县(市、区)委|2024年|1' }]);
  e.close();
});

// helper-145: the sheet's 第一轮 came first and kept the round without the title's year, so a workbook of one sheet a round
// keyed its rounds …||1 and …||2 (labelled 永康市委第一轮巡察), and a CSV of the same title …|2024年|1.
test('sheets named 第一轮 and 第二轮 under titles numbering the rounds within 2024 are rounds of 2024; a 届次 in a name stays the term', async () => {
  const e = await freshEngine();
  const wb = XLSX.utils.book_new();
  for (const [name, title] of [['第一轮', '永康市委2024年第一轮巡察整改台账'], ['第二轮', '永康市委2024年第二轮巡察整改台账']]) {
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[title], ['被巡察单位', '具体问题', '整改状态'], ['永康市财政局', `${name}的问题`, '正在整改']]), name);
  }
  await importOk(e, '巡察整改台账.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect(await e.query('SELECT round_key, round_label FROM rounds ORDER BY round_key')).toEqual([
    { round_key: '永康市|县(市、区)委|2024年|1', round_label: '永康市委2024年第一轮巡察' },
    { round_key: '永康市|县(市、区)委|2024年|2', round_label: '永康市委2024年第二轮巡察' },
  ]);
  const termed = mergeNamedRounds(parseRoundText('第一轮'), parseRoundText('永康市委2024年第一轮巡察'), parseRoundText('十五届永康市委第一轮巡察.xlsx'));
  expect([termed.term, termed.round_no, termed.period]).toEqual(['十五届', 1, undefined]);
  expect(mergeNamedRounds(parseRoundText('第二轮'), parseRoundText('永康市委2024年第一轮巡察')).period).toBeUndefined();
  e.close();
});
