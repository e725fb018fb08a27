import { describe, test, expect, beforeAll } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine } from '../../../src/lib/db/types';
import { str } from '../../../src/lib/queries/sql';
import { compactSql, cleanLineSql, cleanSql } from '../../../src/lib/import/normalise/text';
import { closedWordSql, statusCompactSql, statusSql, statusLongTermSql } from '../../../src/lib/import/normalise/status';
import { byDateSql, dateCompactSql, datesOfSql, dateSql, deadlineLongTermSql, hanDigitsSql } from '../../../src/lib/import/normalise/dates';
import { clausesCodeSql, codedDeadlineSql, deadlineCodeSql } from '../../../src/lib/import/normalise/deadline-code';
import { countySql, countyCodeSql, countyInTextSql, countyGarbageSql } from '../../../src/lib/import/normalise/county';
import { boolSql, intSql, intUnparsedSql, fundsWanSql, negativeSql } from '../../../src/lib/import/normalise/values';
import { unitNameNormSql, normTitleSql } from '../../../src/lib/import/normalise/names';

let e: Engine;
beforeAll(async () => {
  e = await openNodeEngine();
});

/** The date map's d (or d0 for 'start') of each input, its compact form made by `compact` (datesOfSql). */
async function datesOf(inputs: (string | null)[], part: 'start' | 'end' = 'end', compact: (v: string) => string = compactSql): Promise<unknown[]> {
  const values = inputs.map((v, i) => `(${i}, ${v === null ? 'NULL' : str(v)})`).join(', ');
  const rows = await e.query<{ out: unknown }>(`SELECT ${part === 'end' ? 'd' : 'd0'} AS out
    FROM (${datesOfSql(`SELECT i, ${compact('v')} AS c FROM (VALUES ${values}) t(i, v)`)}) ORDER BY i`);
  return rows.map((r) => r.out);
}

/** Evaluates `build(column)` over each input (compact form first when asked) on the real engine. */
async function evalEach(inputs: (string | null)[], build: (x: string) => string, compact = true): Promise<unknown[]> {
  const values = inputs.map((v, i) => `(${i}, ${v === null ? 'NULL' : str(v)})`).join(', ');
  const x = compact ? compactSql('v') : 'v';
  const rows = await e.query<{ out: unknown }>(`SELECT ${build(x)} AS out FROM (SELECT * FROM (VALUES ${values}) t(i, v)) ORDER BY i`);
  return rows.map((r) => r.out);
}

/** The deadline code of each input (compact form, numerals as digits) and the date codedDeadlineSql gives it, as the map and the row do. */
async function codedDeadlines(inputs: (string | null)[], from: string, feedback = from, concentratedMonths = 3,
  code = (v: string) => deadlineCodeSql(hanDigitsSql(compactSql(v)), concentratedMonths)): Promise<[unknown, unknown][]> {
  const values = inputs.map((v, i) => `(${i}, ${v === null ? 'NULL' : str(v)})`).join(', ');
  const rows = await e.query<{ code: unknown; date: unknown }>(`SELECT code, ${codedDeadlineSql('code', from, feedback)} AS date
    FROM (SELECT i, ${code('v')} AS code FROM (VALUES ${values}) t(i, v)) ORDER BY i`);
  return rows.map((r) => [r.code, r.date]);
}

const cases = <T>(table: [string | null, T][]) => ({ inputs: table.map((c) => c[0]), expected: table.map((c) => c[1]) });

test('status: negatives first, then 基本/阶段性, then in-progress, then completed (DOMAIN §3.3)', async () => {
  const { inputs, expected } = cases<string | null>([
    ['已完成', 'completed'], ['已完成整改', 'completed'], ['完成整改', 'completed'], ['已整改', 'completed'],
    ['已整改到位', 'completed'], ['已销号', 'completed'], [' 已 完成 ', 'completed'], ['Completed.', 'completed'], ['in progress.', 'in_progress'], ['已完成整改3.5项', 'completed'],
    ['基本完成', 'basically_completed'], ['基本完成取得阶段性成果并持续整改', 'basically_completed'],
    ['长期任务取得阶段性成果', 'basically_completed'], ['取得阶段性成效', 'basically_completed'],
    ['正在整改', 'in_progress'], ['正在推进', 'in_progress'], ['按序时进度推进', 'in_progress'], ['序时任务', 'in_progress'],
    ['持续推进', 'in_progress'], ['滞后任务', 'in_progress'], ['未按期', 'in_progress'],
    ['未完成', 'not_completed'], ['未整改', 'not_completed'], ['整改不到位', 'not_completed'],
    ['部分完成', 'in_progress'], ['完成80%', 'in_progress'], ['已完成90.5%', 'in_progress'], ['完成100%', 'completed'],
    ['未到期', 'in_progress'], ['整改期内', 'in_progress'], ['在整改期限内', 'in_progress'], ['已启动', 'in_progress'], ['已启动整改', 'in_progress'],
    ['尚未启动', 'not_completed'], ['未启动', 'not_completed'], ['未到期，正在推进', 'in_progress'], ['已完成（未到期）', 'completed'], ['已完成，尚未到期', 'completed'], ['未完成（未到期）', 'not_completed'],
    ['落实中', 'in_progress'], ['已落实', 'completed'], ['已解决', 'completed'], ['不能完成', 'not_completed'],
    ['未解决', 'not_completed'], ['无法按期完成', 'in_progress'], ['已验收', 'completed'], ['通过验收', 'completed'], ['验收未通过', 'not_completed'],
    ['长期坚持', null], ['常态化坚持', null], ['长期整改', null], ['持续深化', null], ['待核实', null], ['', null], [null, null],
    ['已按要求整改', 'completed'], ['已按照要求完成整改', 'completed'], ['未按要求整改', 'not_completed'],
    // Late is in progress, unless it says no more than 逾期未完成 (DOMAIN's negatives, tested first);
    // done late is done; what was undone before, or none undone, is no status;
    // 尚未 only with what is not done yet; 未销号 is not closed, not done.
    ['未按时完成', 'in_progress'], ['未在规定时间内完成', 'in_progress'], ['逾期', 'in_progress'], ['已逾期，正在整改', 'in_progress'],
    ['逾期未完成', 'not_completed'], ['超期未整改', 'not_completed'], ['滞后，未完成', 'not_completed'], ['逾期未整改到位', 'not_completed'],
    ['逾期未完成事项正在加快推进', 'in_progress'], ['超期未整改问题正在整改中', 'in_progress'], ['逾期未完成整改（正在推进）', 'in_progress'],
    ['正在推进逾期未完成事项', 'in_progress'], ['逾期完成', 'completed'], ['超期完成整改', 'completed'],
    // A late remark after a status is a remark on it: the deadline says whether it is overdue (review).
    ['已完成（逾期）', 'completed'], ['已完成（逾期完成）', 'completed'], ['已完成（超期）', 'completed'], ['已完成(已逾期)', 'completed'],
    ['已整改到位（逾期）', 'completed'], ['已完成，但逾期', 'completed'], ['已完成，逾期1个月', 'completed'], ['已完成（未按期）', 'completed'],
    ['已完成 逾期', 'completed'], ['已完成逾期两个月', 'completed'], ['已完成，未按期完成', 'completed'], ['正在整改（已超期）', 'in_progress'],
    ['正在整改，已逾期', 'in_progress'], ['未完成（逾期）', 'not_completed'], ['未完成，已逾期', 'not_completed'], ['逾期，正在推进', 'in_progress'],
    ['已逾期', 'in_progress'], ['逾期1个月', 'in_progress'],
    // A 是否完成 column's cross, also the letter X (review).
    ['×', 'not_completed'], ['X', 'not_completed'], ['x', 'not_completed'],
    ['已完成（此前逾期未完成）', 'completed'], ['已完成整改，逾期未完成0项', 'completed'], ['已完成，无未完成事项', 'completed'],
    ['按期完成，无未完成', 'completed'], ['原未完成事项已整改到位', 'completed'], ['未完成的2项已全部完成', 'completed'],
    ['未按要求完成', 'not_completed'], ['整改未到位', 'not_completed'], ['尚未完成', 'not_completed'],
    ['已完成整改，尚未销号', 'completed'], ['已整改到位，尚未发现反弹', 'completed'], ['已完成（未销号）', 'completed'],
    ['尚未销号', null], ['待销号', 'completed'],
    // A closure denied or put off is no status of its own.
    ['暂不销号', null], ['不予销号', null], ['不符合销号条件', null], ['尚不具备销号条件', null], ['长期坚持，不销号', null],
    ['已完成，暂不销号', 'completed'], ['正在整改，暂不销号', 'in_progress'], ['已整改到位，不符合销号条件的事项继续跟踪', 'completed'],
    // A plan to complete is in progress, not completed.
    ['预计2024年底前完成', 'in_progress'], ['计划于2024年12月底前完成', 'in_progress'], ['待完成', 'in_progress'],
    ['力争6月底前完成', 'in_progress'], ['拟于年底前完成整改', 'in_progress'], ['已完成，计划长期坚持', 'completed'],
    ['已完成制度修订，剩余事项正在推进中，预计年底前完成', 'in_progress'],
    ['整改完毕', 'completed'], ['已纠正', 'completed'], ['已改正', 'completed'],
    ['已全部整改', 'completed'], ['已全面整改', 'completed'], ['全部整改到位', 'completed'], ['未全部整改', 'not_completed'],
    // What comes next is not the status: completed and ongoing at once (DOMAIN §3.3).
    ['已整改到位。下一步，我们将持续推进制度落实，防止问题反弹。', 'completed'], ['整改完成，常态化推进', 'completed'],
    ['已完成，持续推进', 'completed'], ['已完成，正在巩固提升', 'completed'], ['基本完成，持续推进', 'basically_completed'],
    ['正在整改，下一步将加快推进', 'in_progress'], ['持续整改中', 'in_progress'], ['初步完成', 'basically_completed'],
    ['100%', 'completed'], ['80%', 'in_progress'], ['0%', 'not_completed'], ['0.0%', 'not_completed'], ['10%', 'in_progress'],
    ['待整改', 'not_completed'], ['未开始', 'not_completed'], ['已完结', 'completed'], ['已结案', 'completed'],
    ['Completed', 'completed'], ['Done', 'completed'], ['In Progress', 'in_progress'], ['Not started', 'not_completed'], ['open', 'not_completed'],
    // A 是否完成 column.
    ['是', 'completed'], ['否', 'not_completed'], ['是否', null], ['√', 'completed'], ['✔', 'completed'], ['×', 'not_completed'], ['✗', 'not_completed'],
    // A narrative is read by its last clause that names a status.
    ['已制定完善制度2项，对未落实到位的3个村进行了约谈，问题已整改完成', 'completed'],
    ['已完成整改的有2项，其余1项尚未完成，下一步将加大督促力度', 'not_completed'],
    ['已召开专题会议研究部署，制定整改方案，目前正在推进中', 'in_progress'],
    ['经回头看，未发现类似问题，已完成整改', 'completed'],
    ['基本完成，持续推进', 'basically_completed'],
    // A negative with an adverb before its verb; partly done is in progress.
    ['未全部完成', 'not_completed'], ['未完全完成', 'not_completed'], ['未能完成', 'not_completed'], ['没有整改到位', 'not_completed'],
    ['未能整改到位', 'not_completed'], ['未完全整改到位', 'not_completed'], ['未如期完成', 'in_progress'], ['未能按期完成整改', 'in_progress'],
    ['没有按时完成', 'in_progress'], ['完成部分整改', 'in_progress'], ['部分措施已完成', 'in_progress'], ['已完成大部分', 'in_progress'],
    ['已完成1/3', 'in_progress'], ['正在整改，已完成3项措施中的2项', 'in_progress'], ['已完成全部3项措施', 'completed'],
    // All parts done is completed; a negative qualifying a noun, a denied problem or delay is no status.
    ['已完成3项措施中的3项', 'completed'], ['完成3/3', 'completed'], ['对未能及时落实的事项已完成整改', 'completed'],
    ['已完成，没有整改不彻底情况', 'completed'], ['对没有落实到位的2个支部已完成整改', 'completed'], ['未完成整改的已全部完成', 'completed'],
    ['已完成，不存在未整改问题', 'completed'], ['已完成，经验收未发现整改不到位情况', 'completed'], ['已完成。整改未到位的问题已追责', 'completed'],
    ['已按计划完成', 'completed'], ['按计划完成整改', 'completed'], ['已按期完成，无逾期', 'completed'], ['已完成（未超期）', 'completed'],
    ['已整改到位，不存在整改不彻底问题', 'completed'], ['未及时完成', 'in_progress'], ['按计划推进', 'in_progress'], ['仍在整改', 'in_progress'],
  ]);
  expect(await evalEach(inputs, statusSql)).toEqual(expected);
});

// helper-128: a 销号 form's cell of options, one marked, read as the whole text (未完成, 正在整改) whatever was marked.
test('status: a cell of options reads the one marked', async () => {
  const { inputs, expected } = cases<string | null>([
    ['■已完成 □正在推进 □未完成', 'completed'], ['□已完成 ■正在推进 □未完成', 'in_progress'], ['□已完成 □正在推进 ■未完成', 'not_completed'],
    ['☑已完成 ☐正在整改', 'completed'], ['☐已完成 ☑正在整改', 'in_progress'], ['□ 已完成  √ 基本完成  □ 未完成', 'basically_completed'],
    ['已完成（√）正在推进（ ）', 'completed'], ['已完成（ ）正在推进（√）', 'in_progress'], ['已完成(√) 未完成( )', 'completed'],
    ['●已完成 ○未完成', 'completed'],
    // The mark after its option (helper-129): 已完成☑ 未完成☐ read 未完成.
    ['已完成☑ 未完成☐', 'completed'], ['已完成□ 正在推进■ 未完成□', 'in_progress'], ['已完成 ☐　正在整改 ☑', 'in_progress'],
    // Spaced either way, or none: the mark ending the cell says the marks follow (helper-131).
    ['已完成 ☑ 未完成 ☐', 'completed'], ['已完成　☑　未完成　☐', 'completed'], ['已完成☑未完成☐', 'completed'], ['未完成☐ 已完成☑', 'completed'],
    ['☑ 已完成 ☐ 未完成', 'completed'],
    // Not options: the whole text, as before. Boxes or bullets before points of prose, a ○ written for 〇 in a year, a tick alone
    // (helper-129).
    ['□已制定制度 □已完成培训', 'completed'], ['●制度修订已完成 ●长效机制正在推进，计划二○二四年底前完成', 'in_progress'],
    ['已于二○二四年六月完成', 'completed'], ['二○二四年六月二○日已完成', 'completed'], ['√', 'completed'], ['已完成（√）', 'completed'],
    ['已完成√ 制度建设□', 'completed'], ['正在整改 □已完成', 'in_progress'],
  ]);
  expect(await evalEach(inputs, (x) => statusSql(statusCompactSql(x)), false)).toEqual(expected);
});

test('status: a bracketed remark on what comes next, or a line break, ends a clause; 销号 sets the closed flag', async () => {
  const { inputs, expected } = cases<string | null>([
    ['已完成（持续推进）', 'completed'], ['已完成(持续整改)', 'completed'], ['已整改到位（下一步持续推进）', 'completed'], ['已完成【持续巩固】', 'completed'],
    ['基本完成（长期坚持）', 'basically_completed'], ['正在推进（持续整改中）', 'in_progress'],
    // Other brackets qualify the status before them.
    ['未完成（正在推进）', 'not_completed'], ['逾期未完成整改（正在推进）', 'in_progress'], ['已完成（阶段性）', 'basically_completed'],
    ['正在整改（已完成80%）', 'in_progress'], ['已完成（已销号）', 'completed'],
    ['已完成\n持续推进', 'completed'], ['已完成\r\n持续整改', 'completed'], ['正在推进\n预计年底前完成', 'in_progress'], ['已完成\n', 'completed'],
    // A bracket that says what is done or left is no remark; a numbered list of lines (one per measure) is as
    // far as its least advanced line; other lines are read as clauses, the last that names a status deciding.
    ['正在整改（已完成整改措施5项，其余持续推进）', 'in_progress'], ['未完成（已完成3项，剩余2项持续推进）', 'not_completed'],
    ['部分完成（已完成2项，持续推进）', 'in_progress'], ['正在推进（已完成，待验收，继续巩固）', 'in_progress'],
    ['已完成（需持续推进）', 'completed'], ['已完成（后续持续推进）', 'completed'], ['已完成（仍需持续推进）', 'completed'],
    ['已整改到位（持续推进，形成长效机制）', 'completed'], ['已完成（持续推进，完善长效机制）', 'completed'], ['已完成（持续推进成果巩固）', 'completed'],
    ['1.已完成\n2.正在推进\n3.已完成', 'in_progress'], ['（1）已完成\n（2）未完成', 'not_completed'], ['①已完成\n②已完成', 'completed'],
    ['已完成\n（附佐证材料）', 'completed'], ['已整改到位。\n下一步将持续推进制度落实', 'completed'], ['持续推进\n', 'in_progress'], ['是\n', 'completed'],
    ['2023年6月：正在整改\n2023年12月：已完成整改', 'completed'], ['6月底：正在推进\n9月底：已完成', 'completed'], ['6.30正在推进\n9.30已完成', 'completed'],
    ['逾期未完成\n现已完成整改', 'completed'], ['2023年10月未完成\n经督促，已于2023年12月完成整改', 'completed'],
    ['原计划2023年6月完成，因资金原因延期\n已于2023年9月完成', 'completed'], ['2023年3月自查发现3个项目未完成验收。\n2023年6月已全部完成整改。', 'completed'],
    ['问题：资金未落实\n已完成', 'completed'], ['未开始\n已完成', 'completed'],
    ['没有完成\n存在问题：资金不足', 'not_completed'], ['未完成\n该单位的整改方案已制定', 'not_completed'],
  ]);
  expect(await evalEach(inputs, (x) => statusSql(statusCompactSql(x)), false)).toEqual(expected);
  expect(await evalEach(['已销号', '已完成（已销号）', '已完成整改并销号', '已验收销号', '已完成\n已销号', '销号', '同意销号', '已办理销号手续',
    '已整改销号', '整改完成，销号', '已完成（销号）', '已完成\n销号', '已按程序销号', '已审核销号', '2023年10月销号', '已于2023年12月销号',
    '经验收达到销号标准，已销号', '已提交销号材料，已销号', '已完成销号程序',
    '未销号', '尚未销号', '待验收销号', '申请销号', '正在办理销号', '已提出销号申请', '已完成，销号中', '已完成', null,
    '暂不销号', '已完成，暂不销号', '长期坚持，不销号', '已完成，申报销号', '建议销号', '可销号', '报请销号', '提请销号', '达到销号标准',
    '不符合销号条件', '尚不具备销号条件'], (x) => closedWordSql(statusCompactSql(x)), false))
    .toEqual([...Array(19).fill(true), ...Array(20).fill(false)]);
});

test('status text 长期坚持 / 常态化坚持 sets long_term', async () => {
  expect(await evalEach(['长期坚持', '已完成，常态化坚持', '已完成', null, '长期整改', '已完成，持续深化'], statusLongTermSql)).toEqual([true, true, false, false, true, true]);
});

describe('dates (DOMAIN §3.4)', () => {
  test('a time limit in 完成时间, with or without its year (byDateSql); a day or a month alone is none', async () => {
    const inputs = ['2024年12月底前', '2024.6.30前', '2024年底以前', '6月底前', '12月31日前', '年底前', '6月中旬前', '6月之前', '6.30前',
      '2024年6月30日', '6月30日', '2024年6月', '已完成', '前期已完成', '16月前', '6.30'];
    expect(await evalEach(inputs, byDateSql)).toEqual([true, true, true, true, true, true, true, true, true, false, false, false, false, false, false, false]);
  });

  test('every form, invalid ones NULL', async () => {
    const { inputs, expected } = cases<string | null>([
      ['2024-03-05', '2024-03-05'], ['2024/3/5', '2024-03-05'], ['2024.3.5', '2024-03-05'], ['2024年3月5日', '2024-03-05'],
      ['2024-03-05 00:00:00', '2024-03-05'], ['２０２４－０３－０５', '2024-03-05'], ['20240305', '2024-03-05'],
      ['45356', '2024-03-05'], ['45356.5', '2024-03-05'],
      ['2024年底前', '2024-12-31'], ['2024年年底前', '2024-12-31'], ['2024年内完成', '2024-12-31'], ['2024年年内', '2024-12-31'], ['2024年度内', '2024-12-31'], ['2024年2月底前', '2024-02-29'], ['2023年2月底前', '2023-02-28'],
      ['2024年底前，并长期坚持', '2024-12-31'], ['2024年6月底前完成，长期坚持', '2024-06-30'],
      ['2024.02', '2024-02-29'], ['2024-6', '2024-06-30'], ['2024/06底前', '2024-06-30'], ['2024.13', null],
      ['2024年上半年', '2024-06-30'], ['2024年下半年完成', '2024-12-31'], ['2024年第三季度', '2024-09-30'], ['2024年一季度前', '2024-03-31'],
      ['2024年4季度', '2024-12-31'],
      ['二〇二三年五月二十日', '2023-05-20'], ['二零二三年十二月三十一日', '2023-12-31'], ['二〇二四年十月十一日', '2024-10-11'],
      ['二〇二四年十二月底前', '2024-12-31'], ['2024年十月底前', '2024-10-31'], ['二〇二四年底前', '2024-12-31'],
      ['二〇二四年二月三十日', null], ['二〇二四年三季度', '2024-09-30'],
      // A range gives its end: 2023.3-2023.12 once read as 2023-03-20.
      ['2023.3-2023.12', '2023-12-31'], ['2023年3月-2023年12月', '2023-12-31'], ['2023年3月至12月', '2023-12-31'],
      ['2023年3月31日至2023年6月30日', '2023-06-30'], ['2023/3/1~2023/6/30', '2023-06-30'], ['2023.3.1—2023.6.30', '2023-06-30'],
      ['2023年3月至6月底前', '2023-06-30'], ['二〇二三年三月至六月', '2023-06-30'], ['2023-06-30 00:00:00', '2023-06-30'],
      // Several dates, one per clause: the latest; a month to the end of its year.
      ['2024年6月底前完成阶段性任务，2024年12月底前全面完成', '2024-12-31'], ['2024年6月30日、2024年12月31日', '2024-12-31'],
      ['2024年12月底前全面完成；2024年6月底前完成阶段性任务', '2024-12-31'], ['2024年3月至年底', '2024-12-31'], ['2024年3月到年底前', '2024-12-31'],
      // Thirds of a month; a deadline put back, its new month without the year.
      ['2023年6月上旬', '2023-06-10'], ['2023年6月中旬前', '2023-06-20'], ['2023年2月下旬', '2023-02-28'], ['2023.6中旬', '2023-06-20'],
      ['2023年6月底前（已延期至9月底）', '2023-09-30'], ['2023年6月底前，经批准延期到10月15日', '2023-10-15'],
      ['原定2023年6月底，延期至2023年9月底', '2023-09-30'], ['2023年6月底前（调整为9月中旬）', '2023-09-20'],
      // Put back past the year's end: the next year; not put back at all: the date as written; thirds in a range.
      ['2023年12月底前（已延期至3月底）', '2024-03-31'], ['2024年12月底前（申请延长至6月）', '2025-06-30'],
      ['2023年8月底前（未延期至10月）', '2023-08-31'], ['2024年3月上旬至4月下旬', '2024-04-30'],
      ['2019-13-45', null], ['2023-02-30', null], ['长期坚持', null], ['立行立改', null], ['上半年', null], ['', null], [null, null],
    ]);
    expect(await datesOf(inputs)).toEqual(expected);
  });

  // helper-130: a deadline cell listing its dates on lines of their own or parted by a slash was read for its first date.
  test('dates on lines of their own or parted by a slash are clauses: the latest is the end; a date wrapped inside stays one; a short year first', async () => {
    const { inputs, expected } = cases<string | null>([
      ['2024年6月底前\n2024年12月底前', '2024-12-31'], ['2024年6月底前/2024年12月底前', '2024-12-31'], ['2024年6月30日\r\n2024年12月31日', '2024-12-31'],
      ['2024年6月底前 / 12月底前', '2024-12-31'], ['2024年\n6月底前', '2024-06-30'], ['2024/6/30', '2024-06-30'], ['2024年6月/2024年9月', '2024-09-30'],
      ['2024年6月底前', '2024-06-30'],
      // A two-digit year first (helper-130 LOW); month-first or out of range is none.
      // A month then a line: a day wrapped stays the month's; a year after it is a second date (helper-131).
      ['2024年6月\n15日前', '2024-06-15'], ['2024年6月\n2024年12月', '2024-12-31'],
      ['24/6/30', '2024-06-30'], ['24.6.30', '2024-06-30'], ['24-06-30', '2024-06-30'], ['6/30/24', null], ['24/13/30', null],
    ]);
    expect(await datesOf(inputs, 'end', dateCompactSql)).toEqual(expected);
  });

  test('a clock time after the date is dropped before compacting, not run into the day', async () => {
    const inputs = ['2024/6/15 0:00', '2024/6/1 0:00', '2024.6.1 8:00', '2024/6/5 0:00', '2024/6/1 10:00', '2024-06-15T08:30:00',
      '2024-03-05 00:00:00', '2024/12/1 12:00:05'];
    expect(await datesOf(inputs, 'end', dateCompactSql))
      .toEqual(['2024-06-15', '2024-06-01', '2024-06-01', '2024-06-05', '2024-06-01', '2024-06-15', '2024-03-05', '2024-12-01']);
  });

  test('an instant with its zone (JSON.stringify of a Date, Java exports) is the day it is in China', async () => {
    const inputs = ['2019-05-31T16:00:00.000Z', '2019-06-01T00:00:00+08:00', '2019-06-01T00:00:00+0800', '2019-05-31T23:30:00-05:00',
      '2019-05-31T15:59:59Z', '2019-02-30T16:00:00Z'];
    expect(await datesOf(inputs, 'end', dateCompactSql)).toEqual(['2019-06-01', '2019-06-01', '2019-06-01', '2019-06-01', '2019-05-31', null]);
  });

  test('milliseconds since 1970 (Java backends write dates so in JSON) are the day they are in China', async () => {
    // 1559318400000 = 2019-05-31T16:00:00Z = Beijing midnight of 1 June; 1559318399000 one second before.
    const inputs = ['1559318400000', '1559318399000', '0946684800000', ' 1704038400000 ', '12345'];
    expect(await datesOf(inputs, 'end', dateCompactSql)).toEqual(['2019-06-01', '2019-05-31', '2000-01-01', '2024-01-01', '1933-10-18']);
    // Not milliseconds: an id with a remainder, 12 digits, before 2000; a date with its clock time run on is that date.
    const others = ['2024011500001', '999999999999', '320101199001', '0000001000000', '202401151030', '20240115103000', '202413151030'];
    expect(await datesOf(others, 'end', dateCompactSql)).toEqual([null, null, null, null, '2024-01-15', '2024-01-15', null]);
  });

  // Review: PHP backends export seconds, .NET's JSON milliseconds in /Date()/; both were unreadable.
  test('seconds since 1970 (10 digits, up to 2033) and .NET /Date(ms)/ are the day they are in China', async () => {
    const inputs = ['1559318400', '1709222400', '1559318399', '/Date(1715321791123)/', '\\/Date(1559318400000+0800)\\/',
      // Before 2000, or from 2000000000 (2033-05-18) on, where a day and hour run together (2024011510) would be: no date.
      '0946684799', '2024011510', '1999123123'];
    expect(await datesOf(inputs, 'end', dateCompactSql)).toEqual(['2019-06-01', '2024-03-01', '2019-05-31', '2024-05-10', '2019-06-01',
      null, null, '2033-05-08']);
  });

  test('months of one year with the month word once give the range end (start when asked)', async () => {
    const inputs = ['2024年6-9月', '2024年6至12月底前', '2024年6-9月'];
    expect(await datesOf(inputs.slice(0, 2))).toEqual(['2024-09-30', '2024-12-31']);
    expect(await datesOf(inputs.slice(2), 'start')).toEqual(['2024-06-30']);
  });

  // Review: 2024.4-6 read as 2024-04-06, 2024.5.20-6.30 as its first day.
  test('a range written with dots, the year once, gives its end (start when asked), past December in the next year', async () => {
    const inputs = ['2024.4-6', '2024.4-6月', '2024.4-12', '2024.5.20-6.30', '2024.9.1-12.31', '2024.4-6月底前', '2024.11.1-2.28'];
    expect(await datesOf(inputs)).toEqual(['2024-06-30', '2024-06-30', '2024-12-31', '2024-06-30', '2024-12-31', '2024-06-30', '2025-02-28']);
    expect(await datesOf(inputs.slice(0, 5), 'start')).toEqual(['2024-04-30', '2024-04-30', '2024-04-30', '2024-05-20', '2024-09-01']);
  });

  // Review: a later clause without its year (年底前全部完成) was passed over, so the deadline was the first stage's.
  test('a later limit without its year is in the year the text names first; a step dated without it is none', async () => {
    const inputs = ['2024年6月底前完成80%，年底前全部完成', '2024年6月底前完成阶段性任务，12月底前全面完成', '2024年12月底前，6月底前完成阶段性任务',
      '2024年3月完成整改，6月开展回头看', '2024年5月20日，1月已启动'];
    expect(await datesOf(inputs)).toEqual(['2024-12-31', '2024-12-31', '2024-12-31', '2024-03-31', '2024-05-20']);
    expect(await datesOf(inputs.slice(0, 1), 'start')).toEqual(['2024-06-30']);
  });

  // A month written with a dot or dash among words (已完成（2024.6）, 2024.6底前完成整改) was read only as a cell's whole text: the
  // status's completion day and such a deadline were lost (session 53 leftover). Among words it is read as 年月 is where a date's
  // words follow; a number running on (2024.61), an amount, a document number or a year not 19xx/20xx is no month.
  test('a month with a dot or dash among words is its last day, as 2024年6月 is; a number running on is none', async () => {
    const { inputs, expected } = cases<string | null>([
      ['已完成（2024.6）', '2024-06-30'], ['已整改（2024.06）', '2024-06-30'], ['已完成(2024-06)', '2024-06-30'], ['2024.6底前完成整改', '2024-06-30'],
      ['2024.6月完成', '2024-06-30'], ['已于2024/6完成', '2024-06-30'], ['已完成2024.6', '2024-06-30'], ['已完成，2024.10销号', '2024-10-31'],
      ['2024.3-2024.6完成', '2024-06-30'], ['已完成（2024.6.30）', '2024-06-30'],
      ['已完成（2024.61）', null], ['已完成（2024.13）', null], ['已完成（1024.6）', null], ['已完成（12024.6）', null],
      // Numbers, not months (helper-146): an amount or area, a document or version number.
      ['已完成，清退土地2024.6亩', null], ['收回资金2024.6亿元', null], ['完成率2024.6‰', null], ['永纪2024-6号', null], ['第2024.6号', null],
      ['V2024.6', null],
      // Words that follow a date (helper-147 F4).
      ['2024.6全部完成', '2024-06-30'], ['2024.6基本完成', '2024-06-30'], ['2024.6验收', '2024-06-30'], ['2024.6：已完成', '2024-06-30'],
      ['【2024.6】', '2024-06-30'], ['截至2024.6止', '2024-06-30'],
    ]);
    expect(await datesOf(inputs)).toEqual(expected);
    // A station period up to now starts at its month, as 2024年3月至今 does (helper-147 F4).
    expect(await datesOf(['2024.3至今', '2024年3月至今'], 'start')).toEqual(['2024-03-31', '2024-03-31']);
  });

  test('a two-digit year at the start is this century\'s; other numbers are no year', async () => {
    expect(await datesOf(['24年底前', '24年6月30日', '24年6月底前完成', '24年', '5年内', '2024年底前', '10年内', '20年内完成'])).toEqual(['2024-12-31', '2024-06-30', '2024-06-30', null, null, '2024-12-31', null, null]);
  });

  test('a range read for a start gives its start', async () => {
    const inputs = ['2023.3.1-2023.4.30', '2023年3月1日至4月30日', '2023年3月至2023年4月', '2023-03-01'];
    expect(await datesOf(inputs, 'start')).toEqual(['2023-03-01', '2023-03-01', '2023-03-31', '2023-03-01']);
  });

  test('立行立改 / 立行整改 = feedback date + immediateFixDays, only for deadlines', async () => {
    const out = await evalEach(['立行立改', '立行整改，长期坚持', '即知即改', '即查即改', '即时整改', '当场整改', '2024-05-01'], (x) => dateSql(x, { immediate: { feedbackDate: "DATE '2024-03-01'", days: 30 } }));
    expect(out).toEqual(['2024-03-31', '2024-03-31', '2024-03-31', '2024-03-31', '2024-03-31', '2024-03-31', '2024-05-01']);
  });

  // helper-131: yearless days on lines of their own or parted by 、 were unparsed; the last clause is the deadline, as the
  // latest of dated clauses is. A day with 长期坚持 after it is read whole, as before.
  test('yearless days in clauses: the last one, dated from a feedback of 2024-03-15', async () => {
    const code = (v: string) => clausesCodeSql(hanDigitsSql(dateCompactSql(v)), 3);
    expect((await codedDeadlines(['6月底前\n12月底前', '6月底前、12月底前', '6月底前\r\n12月31日前', '6月底前', '6月底前、长期坚持', '立行立改、6月底前'],
      "DATE '2024-03-15'", undefined, 3, code)).map((x) => x[1])).toEqual(['2024-12-31', '2024-12-31', '2024-12-31', '2024-06-30', '2024-06-30', '2024-06-30']);
  });

  test('a deadline dated from its feedback: yearless days, this or the next year, spans; its date from a feedback of 2024-03-15', async () => {
    // [text, code, date]. Codes by kind (code // 10000): 0 a day on or after the feedback, 1 in its year, 2 in the
    // next, 3 months after it, 4 days after it.
    const { inputs, expected } = cases<[number | null, string | null]>([
      ['6月底前', [600, '2024-06-30']], ['12月31日前', [1231, '2024-12-31']], ['3月10日前', [310, '2025-03-10']],
      ['6.30前', [630, '2024-06-30']], ['6/30前完成', [630, '2024-06-30']], ['3.15前', [315, '2024-03-15']], ['6/30', [630, '2024-06-30']],
      ['12.31日', [1231, '2024-12-31']], ['6.30，并长期坚持', [630, '2024-06-30']],
      ['年底前', [1200, '2024-12-31']], ['年年底前', [1200, '2024-12-31']], ['年内完成', [1200, '2024-12-31']], ['本年度内', [11200, '2024-12-31']],
      ['今年底前', [11200, '2024-12-31']], ['今年年底前', [11200, '2024-12-31']], ['今年6月底前', [10600, '2024-06-30']],
      ['上半年', [600, '2024-06-30']], ['下半年完成', [1200, '2024-12-31']], ['今年上半年', [10600, '2024-06-30']],
      ['三季度末', [900, '2024-09-30']], ['第一季度前', [300, '2024-03-31']], ['次年第二季度', [20600, '2025-06-30']],
      ['6月内完成', [600, '2024-06-30']], ['六月底前', [600, '2024-06-30']], ['6月中旬前', [620, '2024-06-20']],
      ['6月底前完成整改', [600, '2024-06-30']], ['6月底前。', [600, '2024-06-30']],
      ['次年6月底前', [20600, '2025-06-30']], ['明年底前', [21200, '2025-12-31']], ['明年年底前', [21200, '2025-12-31']],
      ['次年3月10日前', [20310, '2025-03-10']], ['下一年度上半年', [20600, '2025-06-30']], ['翌年2月29日', [20229, '2025-02-28']],
      ['3个月内', [30003, '2024-06-15']], ['三个月内完成', [30003, '2024-06-15']], ['反馈后两个月内完成', [30002, '2024-05-15']],
      ['3个月内完成整改', [30003, '2024-06-15']], ['反馈后3个月内整改完毕', [30003, '2024-06-15']], ['3个月内完成。', [30003, '2024-06-15']],
      ['自反馈之日起6个月内', [30006, '2024-09-15']], ['巡察反馈后1年内', [30012, '2025-03-15']], ['半年内', [30006, '2024-09-15']],
      ['30日内', [40030, '2024-04-14']], ['15天内整改到位', [40015, '2024-03-30']], ['2周内', [40014, '2024-03-29']], ['半个月内', [40015, '2024-03-30']],
      ['四十五天内', [40045, '2024-04-29']], ['六十日内完成', [40060, '2024-05-14']], ['九十日内', [40090, '2024-06-13']],
      ['3个月内完成，并长期坚持', [30003, '2024-06-15']],
      // No deadline of this kind: a bare number or decimal, 个工作日 (no calendar span), a count past ten years, no such month.
      ['6', [null, null]], ['1.5', [null, null]], ['3.15', [null, null]], ['10.1', [null, null]], ['30个工作日内', [null, null]],
      ['200个月内', [null, null]], ['13月底前', [null, null]], ['底前', [null, null]],
      ['内', [null, null]], ['2024年6月底前', [null, null]], ['长期坚持', [null, null]], ['按期推进', [null, null]],
    ]);
    expect(await codedDeadlines(inputs, "DATE '2024-03-15'")).toEqual(expected);
  });

  test('a coded deadline: a yearless day counts from `from`, 今年 keeps its year, a span from the feedback; none without a feedback date', async () => {
    const datesOnly = async (inputs: string[], from: string, feedback?: string) => (await codedDeadlines(inputs, from, feedback)).map((x) => x[1]);
    // A feedback month (2024年3月, its last day): 3月20日前 counts from 1 March; 1个月内 from the date as read.
    expect(await datesOnly(['3月20日前', '1个月内', '次年1月底前'], "DATE '2024-03-01'", "DATE '2024-03-31'"))
      .toEqual(['2024-03-20', '2024-04-30', '2025-01-31']);
    // Fed back on 1 August: 6月底前 is next June, 今年6月底前 this June (the import warns it is before the feedback).
    expect(await datesOnly(['6月底前', '今年6月底前'], "DATE '2024-08-01'")).toEqual(['2025-06-30', '2024-06-30']);
    expect(await datesOnly(['6月底前', '3个月内'], 'CAST(NULL AS DATE)')).toEqual([null, null]);
  });

  test('the concentrated period named as the deadline (集中整改期内) is concentratedPeriodMonths from the feedback', async () => {
    const inputs = ['集中整改期内', '集中整改期内完成', '巡察集中整改期结束前完成整改', '在集中整改期间', '集中整改阶段内完成，并长期坚持',
      '集中整改期内，长期坚持', '集中整改期内完成并长期坚持', '集中整改期内 长期坚持', '集中整改期内\n长期坚持', '集中整改期内并长期坚持',
      '集中整改期内（长期坚持）', '集中整改期内持续整改', '在集中整改期间完成，长期坚持',
      // Review helper-94: the period bare, a long-term phrase on the next line of its cell, is dated as within it.
      '集中整改期\n长期坚持', '集中整改期（长期坚持）', '集中整改期并长期坚持',
      '集中整改期内完成80%', '集中整改', '集中整改期后', '集中整改期间长期坚持'];
    expect(await codedDeadlines(inputs, "DATE '2024-03-15'")).toEqual([
      [30003, '2024-06-15'], [30003, '2024-06-15'], [30003, '2024-06-15'], [30003, '2024-06-15'], [30003, '2024-06-15'],
      [30003, '2024-06-15'], [30003, '2024-06-15'], [30003, '2024-06-15'], [30003, '2024-06-15'], [30003, '2024-06-15'],
      [30003, '2024-06-15'], [30003, '2024-06-15'], [30003, '2024-06-15'],
      [30003, '2024-06-15'], [30003, '2024-06-15'], [30003, '2024-06-15'],
      // Part of the work by then is no deadline for the whole; the concentrated work itself, or after it, names none;
      // nor does work kept up from that period on (review: 集中整改期间长期坚持 had one).
      [null, null], [null, null], [null, null], [null, null],
    ]);
    expect((await codedDeadlines(['集中整改期内'], "DATE '2024-03-15'", undefined, 6))[0]).toEqual([30006, '2024-09-15']);
  });

  test('长期坚持 / 长期 / 常态化 / 持续 / 每年 in a deadline mark long_term', async () => {
    expect(await evalEach(['2024年底前，并长期坚持', '常态化', '持续整改', '长期', '长期整改', '每年开展', '2024-12-31', null], deadlineLongTermSql))
      .toEqual([true, true, true, true, true, true, false, false]);
  });
});

test('county names: short forms, spaces, full width, prefixes, 市本级, zones kept', async () => {
  const { inputs, expected } = cases<string | null>([
    ['永康', '永康市'], ['永康市', '永康市'], ['永 康 市', '永康市'], ['永康\u3000市', '永康市'], ['婺城', '婺城区'],
    ['金华市婺城区', '婺城区'], ['浙江省金华市义乌市', '义乌市'], ['磐安', '磐安县'], ['市本级', '市本级'], ['市直', '市本级'],
    ['金华市', '市本级'], ['金华开发区', '金华开发区'], ['金义新区', '金义新区'], ['', null], [null, null],
    // Every way of writing the city level is 市本级: 金华市级 once became 级, 金华市直属单位 直属单位.
    ['市直机关', '市本级'], ['市直部门', '市本级'], ['市级部门', '市本级'], ['市本级单位', '市本级'], ['市直属', '市本级'],
    ['金华市级', '市本级'], ['金华市直属单位', '市本级'], ['金华', '市本级'], ['金华市本级', '市本级'], ['市级机关', '市本级'],
    // The GB/T 2260 code a statistical system writes instead of the name; not a longer number holding one.
    ['330702', '婺城区'], ['330784', '永康市'], ['330700', '市本级'], ['3307021', '3307021'],
  ]);
  expect(await evalEach(inputs, countySql)).toEqual(expected);
  expect(await evalEach(['永康市', '市本级', '金华开发区'], (x) => countyCodeSql(x), false)).toEqual(['330784', '330700', null]);
  expect(await evalEach(['中共永康市委', '义乌市佛堂镇党委', '市教育局党委', null], countyInTextSql)).toEqual(['永康市', '义乌市', null, null]);
  expect(await evalEach(['金华开发区', '###', 'abc', '永康市'], (x) => countyGarbageSql(x), false)).toEqual([false, true, true, false]);
});

test('booleans, counts and amounts', async () => {
  expect(await evalEach(['是', '否', '√', '✓', 'Y', 'N', '1', '0', 'yes', '已销号', '未销号', '不知道', '', null], boolSql))
    .toEqual([true, false, true, true, true, false, true, false, true, true, false, false, null, null]);
  expect(await evalEach(['3', '3人', '2项', '1,200', '-2', '若干', '4.0', null], intSql)).toEqual([3, 3, 2, 1200, null, null, 4, null]);
  // Chinese numerals (三项, 十二人, 四十五: 0 to 99); ranges (两三项), years and others are no count.
  expect(await evalEach(['三项', '二人', '十', '一', '十二人', '二十', '两项', '四十', '四十五', '九十九人', '零'], intSql)).toEqual([3, 2, 10, 1, 12, 20, 2, 40, 45, 99, 0]);
  expect(await evalEach(['两三项', '三四人', '一两人', '二〇二四', '十年', '一级', '第三', '十几人', '若干项', '百'], intSql)).toEqual(Array(10).fill(null));
  // A cell saying none is no number, and no unread one (validate.ts warns of neither).
  expect(await evalEach(['无', '/', '—', '不涉及'], intSql)).toEqual([null, null, null, null]);
  expect(await evalEach(['无', '/', '—'], fundsWanSql)).toEqual([null, null, null]);
  expect(await evalEach(['无', '/', '若干', '三项'], intUnparsedSql)).toEqual([false, false, true, false]);
  expect(await evalEach(['-2', '-0.5万元', '3', null], negativeSql)).toEqual([true, true, false, false]);
  expect(await evalEach(['7.132', '7.132万元', '71320元', '1,369.5', '-1', 'abc', null], fundsWanSql)).toEqual([7.132, 7.132, 7.132, 1369.5, null, null, null]);
  // The column's header says 元 (or 亿元): bare numbers are scaled, a cell's own unit still wins.
  const inputs = ['50000', '3万元', '3万', '71320元', '-5', null];
  expect(await evalEach(inputs, (x) => fundsWanSql(x, 1 / 10_000))).toEqual([5, 3, 3, 7.132, null, null]);
  expect(await evalEach(['1.5', '2万元'], (x) => fundsWanSql(x, 10_000))).toEqual([15000, 2]);
  // A cell's own 亿元.
  expect(await evalEach(['1.2亿元', '1.2亿', '3元'], fundsWanSql)).toEqual([12000, 12000, 0.0003]);
});

test('unit names and titles for repeat matching', async () => {
  expect(await evalEach(['中共永康市委', '中共永康市委员会', '永康市委', '市教育局党委', '东阳市城投集团党委', '市卫生健康委党组'], unitNameNormSql))
    .toEqual(['永康市', '永康市', '永康市', '教育局', '城投集团', '卫生健康']);
  // A 党工委 by its formal name (中共…工作委员会) is the same unit (helper-132).
  expect(await evalEach(['永康市西城街道党工委', '中共永康市西城街道工作委员会', '永康经济开发区党工委', '中共永康经济开发区工作委员会',
    '中共永康市江南街道党的工作委员会'], unitNameNormSql)).toEqual(['西城街道', '西城街道', '经济开发区', '经济开发区', '江南街道']);
  // 工委 is 工作委员会 too (helper-133), and an office of that name keeps its own words.
  expect(await evalEach(['永康市委机关工委', '中共永康市委机关工作委员会', '永康市妇女工作委员会', '永康市关心下一代工作委员会'], unitNameNormSql))
    .toEqual(['委机关', '委机关', '妇女', '关心下一代']);
  // A city-level unit, with the city's name or a bare 市 (not 市场, 市容): one unit.
  expect(await evalEach(['金华市教育局', '市教育局党委', '中共金华市卫生健康委员会', '浙江省金华市财政局', '市场监管局', '金华市市场监管局', '市市场监管局',
    '市民政局', '金华市民政局', '市政协', '金华市政协', '市政府办公室', '金华市政府办公室', '市纪委', '金华市纪委', '市委', '金华市委',
    '市市政工程管理处', '金华市市政工程管理处', '市政工程管理处', '市市民卡服务中心', '金华市市民卡服务中心', '义乌市市政园林局', '市民宗局'], unitNameNormSql))
    .toEqual(['教育局', '教育局', '卫生健康', '财政局', '市场监管局', '市场监管局', '市场监管局', '民政局', '民政局', '政协', '政协',
      '政府办公室', '政府办公室', '市纪', '市纪', '市', '金华市',
      '市政工程管理处', '市政工程管理处', '市政工程管理处', '市民卡服务中心', '市民卡服务中心', '市政园林局', '民宗局']);
  // The county's name before a unit's is no part of it, unless nothing is left (the county committee).
  // The county's short name (东阳) only where three characters remain: 东阳江镇 is a town of 东阳市 (review).
  expect(await evalEach(['义乌市佛堂镇党委', '佛堂镇党委', '义乌佛堂镇党委', '浙江省金华市义乌市佛堂镇党委', '义乌市纪委', '金东区委', '永康市人民政府', '东阳市东阳江镇党委',
    '东阳江镇党委', '东阳人民政府', '永康市委'], unitNameNormSql))
    .toEqual(['佛堂镇', '佛堂镇', '佛堂镇', '佛堂镇', '义乌市纪', '金东区', '人民政府', '东阳江镇', '东阳江镇', '人民政府', '永康市']);
  // A bare 县 or 区 is the county's in its own ledger (review), not that of 县域 or 区域.
  expect(await evalEach(['县教育局', '浦江县教育局', '县委宣传部', '中共浦江县委宣传部', '区委组织部', '婺城区委组织部', '县城管局', '县域经济办', '区域协作中心'], unitNameNormSql))
    .toEqual(['教育局', '教育局', '委宣传部', '委宣传部', '委组织部', '委组织部', '城管局', '县域经济办', '区域协作中心']);
  const titles = await e.query<{ out: string }>(`SELECT ${normTitleSql(compactSql('t'), compactSql('u'))} AS out FROM (VALUES
    (1, '2023年度“三会一课”落实不规范！', '某局党委'), (2, '某局党委违规发放津补贴12万元', '某局党委'),
    (3, '2019-年度（一）第1、2条', NULL), (4, '１２年３年 落实', NULL), (5, '2019', NULL),
    (6, '佛堂镇党委班子议事规则不健全', '义乌市佛堂镇党委'), (7, '佛堂镇党委班子议事规则不健全', '佛堂镇党委'),
    (8, '义乌市佛堂镇党委班子议事规则不健全', '义乌市佛堂镇党委'), (9, '市委巡察反馈问题整改不力', '永康市委'),
    (10, '市教育局党组落实主体责任不到位', '金华市教育局'), (11, '市教育局党组落实主体责任不到位', '市教育局'),
    (12, '佛堂镇党委班子议事规则不健全', '中共义乌市佛堂镇委员会'), (13, '佛堂镇党委班子议事规则不健全', '佛堂镇'),
    (14, '义乌市佛堂镇党委班子议事规则不健全', '佛堂镇党委'), (15, '市场监管所执法不规范', '市场监管局'),
    (16, '教育局党组织建设薄弱', '东阳市教育局'), (17, '教育局党组落实不力', '东阳市教育局'), (18, '市教育局党组', '教育局')) v(i, t, u) ORDER BY i`);
  // A year goes with its 年/年度; digits kept apart from 年 by punctuation go, the 年 stays; all digits → NULL.
  // The unit's name goes in each form: normalised with the place and Party words around it, whole, or
  // without its place; a place-less name under 3 characters stays (委).
  expect(titles.map((t) => t.out)).toEqual(['三会一课落实不规范', '违规发放津补贴万元', '年度一第条', '落实', null,
    '班子议事规则不健全', '班子议事规则不健全', '班子议事规则不健全', '市委巡察反馈问题整改不力',
    '落实主体责任不到位', '落实主体责任不到位', '班子议事规则不健全', '班子议事规则不健全', '班子议事规则不健全', '市场监管所执法不规范',
    '党组织建设薄弱', '落实不力', null]);
});

test('cleanLineSql joins a title wrapped by hand between Chinese characters; elsewhere a break is a space', async () => {
  expect(await evalEach(['工程建设领域\n廉政风险突出', '甲\r\n乙\n丙\n丁', '问题一 \n 问题二', 'A\nB', '违规吃喝（2023）\n仍有发生', '无换行', null], cleanLineSql, false))
    .toEqual(['工程建设领域廉政风险突出', '甲乙丙丁', '问题一问题二', 'A B', '违规吃喝（2023） 仍有发生', '无换行', null]);
});

test('cleanSql keeps words, drops odd white space', async () => {
  expect(await evalEach(['  a\nb  ', '\u3000x\u3000', '   ', null], cleanSql, false)).toEqual(['a b', 'x', null, null]);
});

test('a county none of the lists knows is kept as written: Latin letters and markup as typed, Chinese without stray spaces', async () => {
  const { freshEngine, importOk } = await import('./helpers');
  const e = await freshEngine();
  const rows = ['Yongkang City', '上海 浦东', '<i class=pwn>某县</i>', '=HYPERLINK("x")', '永 康', 'ＹＫ'];
  const text = ['被巡察单位,问题,县市区,轮次名称,整改状态', ...rows.map((c, i) => `某局党委${i},问题${i},"${c.replaceAll('"', '""')}",八届市委第三轮巡察,正在整改`)].join('\n');
  await importOk(e, 'counties.csv', new TextEncoder().encode(text));
  expect((await e.query<{ county: string }>('SELECT county FROM findings ORDER BY source_row')).map((r) => r.county))
    .toEqual(['Yongkang City', '上海浦东', '<i class=pwn>某县</i>', '=HYPERLINK("x")', '永康市', 'YK']);
  e.close();
});
