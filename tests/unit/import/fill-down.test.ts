import { test, expect } from 'vitest';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';

// A ledger whose 县市区 and 被巡察单位 were merged down over their problems in Excel, saved as CSV:
// only each merge's first row keeps the text (fill-down.ts).
test('a problem row with its unit cell empty takes the unit above, and the county when that is empty too; each is reported', async () => {
  const e = await freshEngine();
  const csv = `八届市委第三轮巡察整改台账
序号,县市区,被巡察单位,具体问题,整改状态
1,,,无主问题,已完成
2,东阳市,东阳市甲局,违规吃喝,已完成
3,,,违规发放津补贴,正在整改
注：合计行,,,,
4,义乌市,义乌市乙局,公车私用,已完成
5,,,三会一课不规范,未完成
6,,义乌市丙局,选人用人不规范,已完成
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  // The first row has nothing above it: rejected for its unit, as before.
  expect(issuesOf(r, 'error').map((i) => i.row)).toContain(3);
  expect(r.issues.filter((i) => i.code === 'unit_filled_down').map((i) => [i.row, i.value])).toEqual([[5, '东阳市甲局'], [8, '义乌市乙局']]);
  expect(await e.query('SELECT problem_title, county, unit_name FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '违规吃喝', county: '东阳市', unit_name: '东阳市甲局' },
    { problem_title: '违规发放津补贴', county: '东阳市', unit_name: '东阳市甲局' },
    { problem_title: '公车私用', county: '义乌市', unit_name: '义乌市乙局' },
    { problem_title: '三会一课不规范', county: '义乌市', unit_name: '义乌市乙局' },
    // A unit of its own under an empty county cell: its county is its own name's, not the row above's.
    { problem_title: '选人用人不规范', county: '义乌市', unit_name: '义乌市丙局' },
  ]);
  e.close();
});

test('a unit written on every row, one missing: a missing value, rejected as before, not the unit above', async () => {
  const e = await freshEngine();
  const csv = `八届市委第三轮巡察整改台账
序号,县市区,被巡察单位,具体问题,整改状态
1,东阳市,东阳市甲局,违规吃喝,已完成
2,东阳市,东阳市甲局,违规发放津补贴,已完成
3,,,公车私用,已完成
4,义乌市,义乌市乙局,三会一课不规范,已完成
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(r.issues.filter((i) => i.code === 'unit_filled_down')).toEqual([]);
  expect(issuesOf(r, 'error').filter((i) => i.code === 'unit_missing').map((i) => i.row)).toEqual([5]);
  e.close();
});

test('no unit is carried past a 合计 row or a repeated header, nor into another county (review)', async () => {
  const e = await freshEngine();
  const csv = `八届市委第三轮巡察整改台账
序号,县市区,被巡察单位,具体问题,整改状态
1,东阳市,东阳市甲局,问题一,已完成
2,,,问题二,已完成
合计,,合计,2个问题,
3,,,漏掉单位的问题,未完成
序号,县市区,被巡察单位,具体问题,整改状态
4,,,表头下的问题,已完成
5,义乌市,义乌市乙局,问题五,已完成
6,,,问题六,已完成
7,武义县,,换了县的问题,已完成
8,,,又一个问题,已完成
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(await e.query('SELECT problem_title, county, unit_name FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题一', county: '东阳市', unit_name: '东阳市甲局' },
    { problem_title: '问题二', county: '东阳市', unit_name: '东阳市甲局' },
    { problem_title: '问题五', county: '义乌市', unit_name: '义乌市乙局' },
    { problem_title: '问题六', county: '义乌市', unit_name: '义乌市乙局' },
  ]);
  expect(issuesOf(r, 'error').filter((i) => i.code === 'unit_missing').map((i) => i.row)).toEqual([6, 8, 11, 12]);
  e.close();
});

test('a problem saying 汇总 or 共计 is no barrier; a county merged over units is each unit row’s, unless the unit names its own (review)', async () => {
  const e = await freshEngine();
  const csv = `八届市委第三轮巡察整改台账
序号,县市区,被巡察单位,具体问题,整改状态
1,东阳市,甲镇党委,违规吃喝,已完成
2,,,财务数据未按时汇总,已完成
3,,,共计3笔资金未入账,已完成
4,,乙镇党委,公车私用,已完成
5,,,三会一课不规范,已完成
6,,义乌市丙局,问题六,已完成
7,,,问题七,已完成
`;
  await importOk(e, 'a.csv', utf8(csv));
  expect((await e.query<{ unit_name: string; county: string }>('SELECT unit_name, county FROM findings ORDER BY source_row')).map((r) => `${r.county} ${r.unit_name}`)).toEqual([
    '东阳市 甲镇党委', '东阳市 甲镇党委', '东阳市 甲镇党委', '东阳市 乙镇党委', '东阳市 乙镇党委', '义乌市 义乌市丙局', '义乌市 义乌市丙局',
  ]);
  e.close();
});

// The round, feedback date and unit type merged down with the unit too: a carried row takes them,
// so it is not rejected for its round and its deadline counts from the unit's feedback.
test('a row whose unit is carried takes the unit\'s round, feedback date and unit type where its own cells are empty', async () => {
  const e = await freshEngine();
  const csv = `整改台账
序号,县市区,被巡察单位,单位类型,年度,轮次名称,反馈时间,具体问题,整改时限,整改状态
1,东阳市,东阳市甲局,党政机关,2024,八届市委第三轮巡察,2024-03-15,违规吃喝,立行立改,已完成
2,,,,,,,违规发放津补贴,3个月内,正在整改
3,义乌市,义乌市乙局,国有企业,2024,八届市委第四轮巡察,2024-09-01,公车私用,2024年12月底前,正在整改
4,,,,,,2024-10-08,三会一课不规范,30日内,未完成
5,,,,,八届市委第五轮巡察,,选人用人不规范,,正在整改
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(issuesOf(r, 'error')).toEqual([]);
  expect(r.issues.filter((i) => i.code === 'unit_filled_down').map((i) => [i.row, i.value])).toEqual([[4, '东阳市甲局'], [6, '义乌市乙局'], [7, '义乌市乙局']]);
  expect(await e.query('SELECT unit_name, unit_type, year, round_key, feedback_date, deadline FROM findings ORDER BY source_row')).toEqual([
    { unit_name: '东阳市甲局', unit_type: '党政机关', year: 2024, round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', deadline: '2024-04-14' },
    { unit_name: '东阳市甲局', unit_type: '党政机关', year: 2024, round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', deadline: '2024-06-15' },
    { unit_name: '义乌市乙局', unit_type: '国有企业', year: 2024, round_key: '金华市|市委|八届|4', feedback_date: '2024-09-01', deadline: '2024-12-31' },
    // Its own feedback date, written, is kept.
    { unit_name: '义乌市乙局', unit_type: '国有企业', year: 2024, round_key: '金华市|市委|八届|4', feedback_date: '2024-10-08', deadline: '2024-11-07' },
    // A round of its own: the unit, but none of the other round's cells (its year, feedback date, unit type).
    { unit_name: '义乌市乙局', unit_type: null, year: null, round_key: '金华市|市委|八届|5', feedback_date: null, deadline: null },
  ]);
  e.close();
});

// A round merged over all of its units (and each unit over its problems), saved as CSV: the round's
// cells are on its first unit's first row only; the next units' rows, their unit written, take them.
test('a round merged over several units: the next units\' rows take its round, year and feedback date; each cell is reported', async () => {
  const e = await freshEngine();
  const csv = `整改台账
序号,轮次名称,年度,反馈时间,县市区,被巡察单位,具体问题,整改时限,整改状态
1,八届市委第三轮巡察,2024,2024-03-15,东阳市,东阳市甲局,违规吃喝,3个月内,已完成
2,,,,,,违规发放津补贴,立行立改,正在整改
3,,,,义乌市,义乌市乙局,公车私用,30日内,正在整改
4,八届市委第四轮巡察,2024,2024-09-01,义乌市,义乌市丙局,三会一课不规范,立行立改,已完成
5,,,,,,选人用人不规范,,正在整改
6,,,,武义县,武义县丁局,财务不规范,立行立改,未完成
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(issuesOf(r, 'error')).toEqual([]);
  expect(r.issues.filter((i) => i.code === 'unit_filled_down').map((i) => [i.row, i.value])).toEqual([[4, '东阳市甲局'], [7, '义乌市丙局']]);
  // The rows whose own unit is written say which cells they took, and from which round.
  expect(r.issues.filter((i) => i.code === 'cell_filled_down').map((i) => [i.row, i.column, i.value])).toEqual([
    [5, '反馈时间', '2024-03-15'], [5, '轮次名称', '八届市委第三轮巡察'], [5, '年度', '2024'],
    [8, '反馈时间', '2024-09-01'], [8, '轮次名称', '八届市委第四轮巡察'], [8, '年度', '2024'],
  ]);
  expect(await e.query('SELECT county, unit_name, year, round_key, feedback_date, deadline FROM findings ORDER BY source_row')).toEqual([
    { county: '东阳市', unit_name: '东阳市甲局', year: 2024, round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', deadline: '2024-06-15' },
    { county: '东阳市', unit_name: '东阳市甲局', year: 2024, round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', deadline: '2024-04-14' },
    { county: '义乌市', unit_name: '义乌市乙局', year: 2024, round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', deadline: '2024-04-14' },
    { county: '义乌市', unit_name: '义乌市丙局', year: 2024, round_key: '金华市|市委|八届|4', feedback_date: '2024-09-01', deadline: '2024-10-01' },
    { county: '义乌市', unit_name: '义乌市丙局', year: 2024, round_key: '金华市|市委|八届|4', feedback_date: '2024-09-01', deadline: null },
    { county: '武义县', unit_name: '武义县丁局', year: 2024, round_key: '金华市|市委|八届|4', feedback_date: '2024-09-01', deadline: '2024-10-01' },
  ]);
  e.close();
});

// Units of one problem each, the unit written on every row: the sheet does not look merged, so no
// blank is read as a merge. A blank round is rejected as before; a blank county is 市本级 (市直 units).
test('units written on every row: no round or county is carried, the blanks are missing values (review)', async () => {
  const e = await freshEngine();
  const csv = `整改台账
序号,县市区,被巡察单位,巡视巡察主体,届次,轮次,具体问题,整改状态
1,东阳市,甲镇党委,市委,八届,3,违规吃喝,已完成
2,义乌市,义乌市乙局,,,,公车私用,已完成
3,,市财政局,市委,八届,3,三会一课不规范,未完成
4,,市教育局,市委,八届,4,选人用人不规范,已完成
5,,市卫健局,市委,八届,4,财务不规范,正在整改
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(r.issues.filter((i) => i.code.endsWith('_filled_down'))).toEqual([]);
  expect(issuesOf(r, 'error').map((i) => [i.row, i.code])).toEqual([[4, 'round_missing']]);
  expect((await e.query<{ county: string; unit_name: string }>('SELECT county, unit_name FROM findings ORDER BY source_row'))
    .map((x) => `${x.county} ${x.unit_name}`)).toEqual(['东阳市 甲镇党委', '市本级 市财政局', '市本级 市教育局', '市本级 市卫健局']);
  e.close();
});

test('nothing is carried past a 合计 row, nor from one round into the next; a column written on every row with one blank is a missing value', async () => {
  const e = await freshEngine();
  const csv = `整改台账
序号,轮次名称,反馈时间,巡察组,县市区,被巡察单位,具体问题,整改状态
1,八届市委第三轮巡察,2024-03-15,第一巡察组,东阳市,甲镇党委,问题一,已完成
2,,,第一巡察组,,,问题一之二,已完成
3,,,,东阳市,乙镇党委,问题二,已完成
4,,,第一巡察组,,,问题二之二,已完成
合计,,,,,合计,4个问题,
5,,,第二巡察组,东阳市,丁镇党委,问题四,已完成
6,八届市委第四轮巡察,,第二巡察组,东阳市,戊镇党委,问题五,已完成
7,,,第二巡察组,,,问题五之二,已完成
8,,,第二巡察组,东阳市,己镇党委,问题六,已完成
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(issuesOf(r, 'error').map((i) => [i.row, i.code])).toEqual([[8, 'round_missing']]);
  expect(await e.query('SELECT unit_name, round_key, feedback_date, team FROM findings ORDER BY source_row')).toEqual([
    { unit_name: '甲镇党委', round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', team: '第一巡察组' },
    { unit_name: '甲镇党委', round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', team: '第一巡察组' },
    // The team is written on every row but this one: left empty, not taken from above.
    { unit_name: '乙镇党委', round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', team: null },
    { unit_name: '乙镇党委', round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', team: '第一巡察组' },
    // A round of its own with no feedback date: not the third round's.
    { unit_name: '戊镇党委', round_key: '金华市|市委|八届|4', feedback_date: null, team: '第二巡察组' },
    { unit_name: '戊镇党委', round_key: '金华市|市委|八届|4', feedback_date: null, team: '第二巡察组' },
    { unit_name: '己镇党委', round_key: '金华市|市委|八届|4', feedback_date: null, team: '第二巡察组' },
  ]);
  e.close();
});

// Units written row by row (one problem each): a blank 反馈时间 is no merge there, but a missing value,
// which keeps its round's first feedback date in the metrics (DOMAIN §7), not the unit's above.
test('units written on every row: a blank feedback date is not taken from the unit above', async () => {
  const e = await freshEngine();
  const csv = `整改台账
县市区,被巡察单位,轮次名称,反馈时间,具体问题,整改状态
东阳市,东阳市财政局,十四届东阳市委第三轮巡察,2023-11-01,公务接待不规范,已完成
东阳市,东阳市教育局,十四届东阳市委第三轮巡察,2023-11-08,财务报销不规范,正在推进
东阳市,东阳市卫健局,十四届东阳市委第三轮巡察,,意识形态责任制落实不到位,正在推进
义乌市,义乌市交通局,十五届义乌市委第二轮巡察,,档案管理混乱,已完成
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(r.issues.filter((i) => i.code.endsWith('_filled_down'))).toEqual([]);
  expect((await e.query<{ feedback_date: string | null }>('SELECT feedback_date FROM findings ORDER BY source_row')).map((x) => x.feedback_date))
    .toEqual(['2023-11-01', '2023-11-08', null, null]);
  e.close();
});

// Review: values come from data rows only. A column-number row, an example row and a heading under
// the header are skipped rows, no value is taken from them; nothing crosses a 合计 row.
test('no value is carried from a column-number row, an example row or a heading, nor past a 合计 row (review)', async () => {
  const e = await freshEngine();
  const csv = `八届市委第三轮巡察整改台账
县市区,序号,轮次名称,反馈时间,巡察组,被巡察单位,具体问题,整改状态
1,2,3,4,5,6,7,8
例,例,八届市委第一轮巡察,2023-01-01,示例组,示例单位,示例问题,已完成
一、党的领导方面,,,,,,,
东阳市,1,八届市委第三轮巡察,2024-03-15,,东阳市甲局,问题一,已完成
,2,,,,,问题二,已完成
,3,,,,东阳市乙局,问题三,已完成
,4,,,,,问题四,已完成
合计,,,,,,4个问题,
,5,,,,丙镇党委,问题五,已完成
,6,,,,,问题六,已完成
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(await e.query('SELECT unit_name, county, round_key, feedback_date, team FROM findings ORDER BY source_row')).toEqual([
    ...['东阳市甲局', '东阳市甲局', '东阳市乙局', '东阳市乙局'].map((unit_name) => (
      { unit_name, county: '东阳市', round_key: '金华市|市委|八届|3', feedback_date: '2024-03-15', team: null })),
  ]);
  // Past the 合计 row the county in force above does not reach: the unit names none, and is rejected.
  expect(issuesOf(r, 'error').map((i) => [i.row, i.code])).toEqual([[11, 'county_local_unit'], [12, 'county_local_unit']]);
  e.close();
});

test('stacked blocks: a repeated header gives no value to the rows under it; each block keeps its title\'s round (review)', async () => {
  const e = await freshEngine();
  const csv = `八届市委第三轮巡察整改台账
序号,轮次,反馈时间,县市区,被巡察单位,具体问题,整改状态
1,,,东阳市,东阳市甲局,问题一,已完成
2,,,,,问题二,已完成
八届市委第四轮巡察整改台账
序号,轮次,反馈时间,县市区,被巡察单位,具体问题,整改状态
1,,,义乌市,义乌市乙局,问题三,已完成
2,,,,,问题四,已完成
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(r.issues.filter((i) => i.code === 'cell_filled_down' || i.code === 'date_invalid')).toEqual([]);
  expect((await e.query<{ round_key: string; feedback_date: string | null }>('SELECT round_key, feedback_date FROM findings ORDER BY source_row'))
    .map((x) => `${x.round_key} ${x.feedback_date}`)).toEqual(['金华市|市委|八届|3 null', '金华市|市委|八届|3 null', '金华市|市委|八届|4 null', '金华市|市委|八届|4 null']);
  e.close();
});

test('a round\'s cells end only where a row writes another value: the same 巡视巡察主体 on every row, a 轮次名称 without its term (review)', async () => {
  for (const [head, rows] of [
    ['巡视巡察主体,届次,轮次', ['市委,八届,3', '市委,,', '市委,,', '市委,,4', '市委,,']],
    ['届次,轮次名称', ['八届,市委第三轮巡察', ',', ',', ',市委第四轮巡察', ',']],
  ] as const) {
    const e = await freshEngine();
    const units = ['东阳市,东阳市甲局', ',', '东阳市,东阳市乙局', '东阳市,东阳市丙局', ','];
    const csv = `整改台账\n序号,${head},县市区,被巡察单位,具体问题,整改状态\n${rows.map((x, i) => `${i + 1},${x},${units[i]},问题${i + 1},已完成`).join('\n')}\n`;
    await importOk(e, 'a.csv', utf8(csv));
    expect((await e.query<{ round_key: string }>('SELECT round_key FROM findings ORDER BY source_row')).map((x) => x.round_key), head)
      .toEqual(['金华市|市委|八届|3', '金华市|市委|八届|3', '金华市|市委|八届|3', '金华市|市委|八届|4', '金华市|市委|八届|4']);
    e.close();
  }
});

test('a unit\'s type and 巡察方式 are not carried to the next unit: blank there, they stay blank (review)', async () => {
  const e = await freshEngine();
  const csv = `整改台账
序号,轮次名称,巡察方式,单位类型,县市区,被巡察单位,具体问题,整改状态
1,八届市委第三轮巡察,提级巡察,国有企业,东阳市,东阳市甲公司,问题一,已完成
2,,,,,,问题二,已完成
3,,,,东阳市,东阳市乙局,问题三,已完成
4,,,,,,问题四,已完成
`;
  await importOk(e, 'a.csv', utf8(csv));
  expect((await e.query<Record<string, string | null>>('SELECT unit_name, unit_type, mode, round_key FROM findings ORDER BY source_row')).map((x) => Object.values(x).join(' '))).toEqual([
    '东阳市甲公司 国有企业 提级巡察 金华市|市委|八届|3', '东阳市甲公司 国有企业 提级巡察 金华市|市委|八届|3',
    '东阳市乙局   金华市|市委|八届|3', '东阳市乙局   金华市|市委|八届|3',
  ]);
  e.close();
});
