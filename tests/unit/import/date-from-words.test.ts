import { afterEach, expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { timelinessQuery } from '../../../src/lib/queries/timeliness';
import { freshEngine, importOk, utf8 } from './helpers';

// Hunt helper-99: dates that start something or come after it, done by a day, and a denied fix at once. Every row fed
// back 2024-03-15; the ledger as of 2024-12-31.

let e: Engine & { close(): void };
afterEach(() => e.close());

type Row = { deadline?: string; completion?: string; status?: string };
const quoted = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function ledger(rows: Row[]) {
  e = await freshEngine();
  const lines = rows.map((r, i) =>
    [i + 1, '东阳市', `甲局${i + 1}`, '2024-03-15', `问题${i + 1}`, quoted(r.deadline ?? ''), r.status ?? '正在整改', quoted(r.completion ?? '')].join(','));
  const csv = ['2024年县委第一轮巡察东阳市整改台账', '序号,县市区,被巡察单位,反馈时间,具体问题,整改时限,整改状态,完成时间', ...lines].join('\n');
  const [report] = await importOk(e, 'a.csv', utf8(csv), { asOf: '2024-12-31' });
  const found = await e.query<{ source_row: number; deadline: string | null; long_term: boolean; completion_date: string | null; rect_type: string | null }>(
    'SELECT source_row, deadline, long_term, completion_date, rect_type FROM findings ORDER BY source_row');
  const codes = (row: number) => report.issues.filter((i) => i.row === row && /^(deadline_|date_invalid|completion_is_limit)/.test(i.code)).map((i) => i.code);
  return found.map((f) => ({ ...f, codes: codes(f.source_row) }));
}

test('a date something starts from or comes after is no deadline: null and flagged, unless the item is long-term', async () => {
  const rows = await ledger([
    { deadline: '2024年4月起' }, { deadline: '从2024年4月开始' }, { deadline: '2024年4月以后' }, { deadline: '2024年6月30日后' },
    { deadline: '2024年6月30日以后' }, { deadline: '自2024年4月起持续推进' }, { deadline: '2024年3月15日起长期坚持' },
    // A start beside a limit, a range from a start, and a date around which (前后) are read as before.
    { deadline: '2024年4月起，12月底前完成' }, { deadline: '2024年3月起至6月底' }, { deadline: '2024年6月底前' },
  ]);
  expect(rows.map((r) => [r.deadline, r.long_term, r.codes])).toEqual([
    [null, false, ['deadline_unparsed']], [null, false, ['deadline_unparsed']], [null, false, ['deadline_unparsed']],
    [null, false, ['deadline_unparsed']], [null, false, ['deadline_unparsed']], [null, true, []], [null, true, []],
    ['2024-12-31', false, []], ['2024-06-30', false, []], ['2024-06-30', false, []],
  ]);
  // At 2024-07-01 only the two due by 6月底 are overdue and red; the items with a start date were too, as due on the start.
  const [t] = await e.query<{ overdue: number; warn_red: number }>(
    timelinessQuery(emptyFilters('2024-07-01'), { ...DEFAULT_PARAMS, longTermWithDeadline: 'include' }));
  expect([t.overdue, t.warn_red]).toEqual([2, 2]);
});

test('a completion said to be done by a day is done that day, not a time limit', async () => {
  const rows = await ledger([
    { deadline: '2024年6月底前', status: '已完成', completion: '已于2024年6月底前完成' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月20日前已完成' },
    { deadline: '2024年6月底前', status: '正在整改', completion: '2024年12月底前' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年5月20日起' },
    { deadline: '2024年6月底前', status: '正在整改', completion: '已完成80%，剩余部分2024年12月底前完成' },
  ]);
  expect(rows.map((r) => [r.completion_date, r.deadline, r.codes])).toEqual([
    ['2024-06-30', '2024-06-30', []], ['2024-06-20', '2024-06-30', []],
    [null, '2024-06-30', ['completion_is_limit']], [null, '2024-06-30', ['date_invalid']], [null, '2024-06-30', ['completion_is_limit']],
  ]);
  const [t] = await e.query<{ due: number; on_time: number }>(timelinessQuery(emptyFilters('2024-07-01'), DEFAULT_PARAMS));
  expect([t.due, t.on_time]).toEqual([5, 2]);
});

test('a denied fix at once (非立行立改) is no fix at once: no deadline from the feedback, no 立行立改 type', async () => {
  const rows = await ledger([{ deadline: '非立行立改' }, { deadline: '不属于立行立改' }, { deadline: '立行立改' }]);
  expect(rows.map((r) => [r.deadline, r.rect_type, r.codes])).toEqual([
    [null, null, ['deadline_unparsed']], [null, null, ['deadline_unparsed']], ['2024-04-14', '立行立改', []],
  ]);
});

test('a span from a date the text names as its start ends where the span ends; a span after a day to complete by does not', async () => {
  const rows = await ledger([
    { deadline: '按照2024年3月15日反馈意见，6个月内完成' }, { deadline: '自2024年4月1日起3个月内完成' }, { deadline: '2024年5月10日起30日内' },
    { deadline: '2024年3月15日反馈后两个月内' }, { deadline: '2024年4月起3个月内' }, { deadline: '2024年4月起半年内完成' },
    { deadline: '2024年6月底前完成，完成后10日内报送材料' }, { deadline: '2024年6月30日完成整改，10日内报送' },
    // In 完成时间 such a span is a time limit, not the day the work was done.
    { deadline: '2024年6月底前', status: '已完成', completion: '自2024年4月1日起3个月内完成' },
  ]);
  expect(rows.map((r) => [r.deadline, r.completion_date, r.codes])).toEqual([
    ['2024-09-15', null, []], ['2024-07-01', null, []], ['2024-06-09', null, []], ['2024-05-15', null, []],
    ['2024-06-30', null, []], ['2024-09-30', null, []], ['2024-06-30', null, []], ['2024-06-30', null, []],
    ['2024-06-30', null, ['completion_is_limit']],
  ]);
  // At 2024-07-01 the five unfinished items due by 6月底 or before are overdue; the quoted feedback date no longer makes
  // the first one so (it was due on 2024-03-15), nor the span of three months from 4月1日.
  const [t] = await e.query<{ overdue: number }>(timelinessQuery(emptyFilters('2024-07-01'), DEFAULT_PARAMS));
  expect(t.overdue).toBe(5);
});

test('a changed deadline is the new one, brought forward or put back; a change to no date changes none', async () => {
  const rows = await ledger([
    { deadline: '原定2024年12月底前，现提前至2024年9月底前' }, { deadline: '原定2024年12月底前，现提前至9月底前' },
    { deadline: '2024年6月底前，经批准调整为2024年8月底前' }, { deadline: '2024年6月底前（已延期至9月底）' },
    { deadline: '2023年12月底前（已延期至3月底）' }, { deadline: '2024年6月底前，未延期至12月底' }, { deadline: '2024年6月底前，调整为长期整改' },
    { deadline: '原定2025年3月底前，现提前至12月底前' }, { deadline: '2024年6月底前，延期至9月底，再次延期至12月底' },
    { deadline: '2024年11月底前，调整为2月底前' }, { deadline: '2024年6月底前，整改措施调整为三项' },
  ]);
  expect(rows.map((r) => [r.deadline, r.long_term, r.codes])).toEqual([
    ['2024-09-30', false, []], ['2024-09-30', false, []], ['2024-08-31', false, []], ['2024-09-30', false, []],
    ['2024-03-31', false, []], ['2024-06-30', false, []], ['2024-06-30', true, []],
    ['2024-12-31', false, []], ['2024-12-31', false, []], ['2025-02-28', false, []], ['2024-06-30', false, []],
  ]);
});

test('dotted dates: a range the rule cannot read either way is no date, flagged; several dates joined by 和 give the latest', async () => {
  const rows = await ledger([
    { deadline: '2024.4.1-6' }, { deadline: '2024.11-2' }, { deadline: '2024.4-3' }, { deadline: '2024.6-30' }, { deadline: '2024.4-6' },
    { deadline: '2024.11.20-2.28' }, { deadline: '2024年6月和12月' }, { deadline: '2024年6月及9月' }, { deadline: '2024年6月底前和2024年12月底前' },
    { deadline: '2024年6月底前完成制度建设和人员培训' }, { deadline: '2024年6月底前完成，6月开展回头看' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    [null, ['deadline_unparsed']], [null, ['deadline_unparsed']], [null, ['deadline_unparsed']], ['2024-06-30', []], ['2024-06-30', []],
    ['2025-02-28', []], ['2024-12-31', []], ['2024-09-30', []], ['2024-12-31', []], ['2024-06-30', []], ['2024-06-30', []],
  ]);
});

test('a change: either way in its year unless half a year earlier, to a year said by a word, by a length; refused, none', async () => {
  const rows = await ledger([
    // Changed either way (改为, 调整为): the same year, the next when the month is over half a year before the old one.
    { deadline: '2024年12月底前，改为10月底前' }, { deadline: '2024年3月底前，调整为12月底前' }, { deadline: '2024年6月底前，改为年底前' },
    // A year said by a word, after the old date's.
    { deadline: '2024年6月底前，顺延至次年3月底' }, { deadline: '2024年6月底前，调整为当年10月底' },
    // Put back by a length: from the old day, a month's end staying one.
    { deadline: '2024年6月底前，延期3个月' }, { deadline: '2024年6月15日前，延长30天' }, { deadline: '2024.6.30前，推迟2个月' },
    // Refused or denied: the old deadline, the named date no other clause of it.
    { deadline: '2024年6月底前，申请延期至9月底，未获批准' }, { deadline: '2024年6月底前（未延期至2024年9月底）' },
    { deadline: '2024年6月底前，申请延期至9月底，已获批准' }, { deadline: '申请延期至2024年9月底，未获批准' },
    { deadline: '2024年12月底前，延期至2025年3月底，未通过验收' },
    // Two changes, the first past the year's end: the second in the year after it.
    { deadline: '2024年10月底前，延期至2月底，再次延期至5月底' }, { deadline: '2024年底前，延期至3月底' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2024-10-31', []], ['2024-12-31', []], ['2024-12-31', []],
    ['2025-03-31', []], ['2024-10-31', []],
    ['2024-09-30', []], ['2024-07-15', []], ['2024-08-31', []],
    ['2024-06-30', []], ['2024-06-30', []], ['2024-09-30', []], [null, ['deadline_unparsed']], ['2025-03-31', []],
    ['2025-05-31', []], ['2025-03-31', []],
  ]);
});

test('days of one month after a day, halves and quarters without the year, a start said with 为起点', async () => {
  const rows = await ledger([
    { deadline: '2024.4.10-30' }, { deadline: '2024.4.1-15日' }, { deadline: '2024.4.10-5' }, { deadline: '2024年上半年和下半年' },
    { deadline: '2024年上半年、第四季度' }, { deadline: '以2024年4月1日为起点，3个月内完成' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2024-04-30', []], ['2024-04-15', []], [null, ['deadline_unparsed']], ['2024-12-31', []],
    ['2024-12-31', []], ['2024-07-01', []],
  ]);
});

test('ranges into the next year, of quarters or written backwards end on their later day; lengths in words; a start alone is none', async () => {
  const rows = await ledger([
    { deadline: '2024年10月至次年3月' }, { deadline: '2024年10月至3月' }, { deadline: '2024.6.30-2024.4.1' }, { deadline: '2024年6月至2024年3月' },
    { deadline: '2024年6月底前（调整后：2024年9月底前）' }, { deadline: '2024年6月底前，延期两个月' }, { deadline: '2024年12月底前，延期半年' },
    { deadline: '2024年6月底前，延期半个月' }, { deadline: '2024年6月底前，不同意延期至9月底' }, { deadline: '收到反馈意见后45天内' },
    { deadline: '2024年4月1日启动' }, { deadline: '2024年第二季度至第三季度' }, { deadline: '2024年上半年至下半年' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2025-03-31', []], ['2025-03-31', []], ['2024-06-30', []], ['2024-06-30', []],
    ['2024-09-30', []], ['2024-08-31', []], ['2025-06-30', []],
    // 半个月 is no length read: the old deadline stands.
    ['2024-06-30', []], ['2024-06-30', []], ['2024-04-29', ['deadline_year_assumed']],
    [null, ['deadline_unparsed']], ['2024-09-30', []], ['2024-12-31', []],
  ]);
});

test('a text that opens with its change and names no old date is the new deadline, and in 完成时间 a time limit', async () => {
  const rows = await ledger([
    { deadline: '延期至9月底' }, { deadline: '延期至2月底' }, { deadline: '已调整为2024年10月底前' },
    { completion: '延期至2024年9月底' }, { deadline: '2024年6月底前', completion: '延期至9月底' },
  ]);
  expect(rows.map((r) => [r.deadline, r.completion_date, r.codes])).toEqual([
    ['2024-09-30', null, ['deadline_year_assumed']], ['2025-02-28', null, ['deadline_year_assumed']], ['2024-10-31', null, []],
    ['2024-09-30', null, ['completion_is_limit']], ['2024-06-30', null, ['completion_is_limit']],
  ]);
});

test('a note in brackets after a date leaves the date as written outside it; 以来 and 至今 start something and give no deadline', async () => {
  const rows = await ledger([
    // A start or an old date in the note took the deadline (helper-147 F1, helper-146 D4).
    { deadline: '2024年12月底前完成（2024年6月起持续推进）' }, { deadline: '2024年12月底前完成（2024年6月以来持续推进）' },
    { deadline: '2024.6底前完成（原定2023年底）' }, { deadline: '2024年6月底前（原定2024年12月底前，已提前）' },
    // A change in the note still changes it; a note alone is read; a yearless limit with a note of its year alone is in that year,
    // not dated from the feedback (the note's year may be another: 6月底前（2025年）, helper-149; unparsed until session 56).
    { deadline: '2024年6月底前（已延期至9月底）' }, { deadline: '（2024年12月底前）' }, { deadline: '6月底前（2024年）' },
    // 以来 and 至今 name when something began: no deadline (they read as the month's end).
    { deadline: '2024年3月以来' }, { deadline: '2024年6月-至今' }, { deadline: '2024年3月至今' }, { deadline: '2024年3月以来持续推进' },
  ]);
  expect(rows.map((r) => [r.deadline, r.long_term, r.codes])).toEqual([
    ['2024-12-31', true, []], ['2024-12-31', true, []], ['2024-06-30', false, []], ['2024-06-30', false, []],
    ['2024-09-30', false, []], ['2024-12-31', false, []], ['2024-06-30', false, []],
    [null, false, ['deadline_unparsed']], [null, false, ['deadline_unparsed']], [null, false, ['deadline_unparsed']], [null, true, []],
  ]);
  // In 完成时间 a later date or a time limit in the note is no completion date and makes the cell no time limit.
  const done = await ledger([
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月30日（原定2024年3月底前）' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月30日（2024年7月5日验收）' },
    { deadline: '2024年6月底前', status: '已完成', completion: '已完成（2024.6）' },
  ]);
  expect(done.map((r) => [r.completion_date, r.codes])).toEqual([['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []]]);
});

test('several dates: a step after the work, the old date and a start beside the item\'s end are not it; days of one month end on the later day (helper-148)', async () => {
  const rows = await ledger([
    // A step after the work dated later (A), the old date (E), a start beside the end (F): the latest date was read, or none.
    { deadline: '2024年6月底前完成整改，2024年7月底前报送整改报告' }, { deadline: '2024年4月底前完成整改，2024年5月组织回头看' },
    { deadline: '原定2024年9月底前，现为2024年6月底前' }, { deadline: '2024年6月底前完成，7月起常态化开展' },
    // …but a last step that is the work done stays its end.
    { deadline: '2024年6月底前完成自查，2024年12月底前完成整改验收' },
    // Days of one month with the month said once (B): the later day, not the first.
    { deadline: '2024年6月10日至20日' }, { deadline: '2024年6月1-15日' }, { deadline: '2024年5月10日—30日' },
    // Dates with their year one after another (C): the latest, as when commas part them.
    { deadline: '①2024年6月底前②2024年9月底前' }, { deadline: '（一）2024年6月底前（二）2024年9月底前' },
    { deadline: '2024.6.30/2024.9.30' }, { deadline: '2024年6月30日前 2024年9月30日前' },
    // Limits without the year, each with words after it (D): the last, dated from the feedback (2024-03-15).
    { deadline: '6月底前完成阶段性整改，12月底前全面完成' }, { deadline: '6月底前完成初步整改，年底前全面完成' },
    { deadline: '6月底前完成整改，7月底前报送整改报告' },
    // Ranges read as before.
    { deadline: '2024年3月起至2024年6月底' }, { deadline: '2024.6.30-2024.4.1' }, { deadline: '2024年10月至2025年3月' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2024-06-30', []], ['2024-04-30', []], ['2024-06-30', []], ['2024-06-30', []], ['2024-12-31', []],
    ['2024-06-20', []], ['2024-06-15', []], ['2024-05-30', []],
    ['2024-09-30', []], ['2024-09-30', []], ['2024-09-30', []], ['2024-09-30', []],
    ['2024-12-31', ['deadline_year_assumed']], ['2024-12-31', ['deadline_year_assumed']], ['2024-06-30', ['deadline_year_assumed']],
    ['2024-06-30', []], ['2024-06-30', []], ['2025-03-31', []],
  ]);
  // In 完成时间 the day the work was done, not the later sign-off or acceptance check.
  const done = await ledger([
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年5月20日完成；2024年5月25日销号' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年5月20日完成整改，2024年6月10日通过验收' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年5月完成，2024年6月报送材料' },
  ]);
  expect(done.map((r) => [r.completion_date, r.codes])).toEqual([['2024-05-20', []], ['2024-05-20', []], ['2024-05-31', []]]);
});

test('a 完成时间 that says the item is kept up (长期坚持, 常态化) marks it long-term, as such a status does; 持续巩固 after a day does not', async () => {
  const done = (completion: string) => ({ deadline: '2024年6月底前', status: '已完成', completion });
  const rows = await ledger([done('长期坚持'), done('已完成，长期坚持'), done('2024年5月20日完成阶段性整改，长期坚持'), done('2024年5月20日（常态化推进）'),
    done('2024年6月30日，持续巩固'), done('2024年6月30日')]);
  expect(rows.map((r) => [r.long_term, r.completion_date, r.codes])).toEqual([
    // No day is read from the first two: still said (date_invalid), as before.
    [true, null, ['date_invalid']], [true, null, ['date_invalid']], [true, '2024-05-20', []], [true, '2024-05-20', []],
    [false, '2024-06-30', []], [false, '2024-06-30', []],
  ]);
});

test('review of the rules above (helper-149): the work\'s own words, a year the work names, 以来 inside a text, a limit in 完成时间 are read right', async () => {
  const rows = await ledger([
    // 检查, 核查, 督查 as the work, not a step after it; 接受…督查 a step.
    { deadline: '2024年6月底前完成制度建设，2024年9月底前完成问题检查整改' }, { deadline: '2024年6月底前完成自查自纠，2024年10月底前完成督查发现问题整改' },
    { deadline: '2024年6月底前完成，2024年7月接受县委巡察办督查' }, { deadline: '6月底前完成，9月底前验收，12月底前销号' },
    // A year of the work's object, a year with no month outside a bracket, 以来 not of the opening date.
    { deadline: '2024年12月底前完成2025年6月到期合同的续签' }, { deadline: '2023年度问题（2024年6月底前整改到位）' },
    { deadline: '2024年12月底前全面完成对2023年以来项目的清查' }, { deadline: '2024年6月底前（实际2024年5月20日完成）' },
    // Yearless limits read only in order, in the year, unchanged; else unparsed, as before.
    { deadline: '6月底前完成，7月起常态化开展' }, { deadline: '6月底前完成整改，次年3月底前全面完成' }, { deadline: '年底前全面完成，6月底前完成方案' },
    { deadline: '6月底前（已延期至9月底）' }, { deadline: '6月底前（2025年）' }, { deadline: '6月底前（2025年6月底前全面完成）' },
    { deadline: '6月底前（2024年9月底前完成验收）' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2024-09-30', []], ['2024-10-31', []], ['2024-06-30', []], ['2024-06-30', ['deadline_year_assumed']],
    ['2024-12-31', []], ['2024-06-30', []], ['2024-12-31', []], ['2024-06-30', []],
    ['2024-06-30', ['deadline_year_assumed']], [null, ['deadline_unparsed']], [null, ['deadline_unparsed']],
    // A yearless limit beside a change is read by neither, unparsed and said; a note of its year alone or of its month in a year
    // gives its year (session 56: these two were unparsed, and were 2025-06-30 before session 55); one of another month (helper-152 B4:
    // 6月底前（2024年9月底前完成验收） read the note's date silently) is unparsed and said.
    [null, ['deadline_unparsed']], ['2025-06-30', []], ['2025-06-30', []], [null, ['deadline_unparsed']],
  ]);
  const done = await ledger([
    // A time limit opening a clause of 完成时间 is no completion day; a day really done in a bracket is.
    { deadline: '2024年6月底前', status: '正在整改', completion: '正在推进，9月底前完成' },
    { deadline: '2024年6月底前', status: '已完成', completion: '已完成，12月底前巩固提升' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月（实际2024年7月10日完成）' },
    { deadline: '2024年6月底前', status: '已完成（2024年5月20日至今未反弹）' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年5月20日完成2025年3月底到期的合同清理' },
  ]);
  expect(done.map((r) => [r.completion_date, r.codes])).toEqual([
    [null, ['completion_is_limit']], [null, ['completion_is_limit']], ['2024-07-10', []], ['2024-05-20', []], ['2024-05-20', []],
  ]);
});

test('second review (helper-152): a report system or a report of the work is no step, a note without a year is left out of a yearless limit, a really-done day is the completion', async () => {
  const rows = await ledger([
    { deadline: '2024年6月底前完成整改，2024年9月底前完成数据报送系统建设' }, { deadline: '2024年6月底前完成问题自查，2024年12月底前整改并报送结果' },
    { deadline: '2024年6月底前完成整改，2024年7月底前报送问题整改情况报告' }, { deadline: '原为2024年12月底前，2024年9月底前完成' },
    { deadline: '自2023年以来存在的问题于2024年6月底前完成整改' }, { deadline: '6月底前（已完成80%）' }, { deadline: '9月底前（原定6月底前）' },
    { deadline: '2024年6月底前（实际2024年5月20日完成）' }, { deadline: '自2024年3月15日起至30日内完成' }, { deadline: '2024年4月15日-30日内完成' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2024-09-30', []], ['2024-12-31', []], ['2024-06-30', []], ['2024-09-30', []], ['2024-06-30', []],
    ['2024-06-30', ['deadline_year_assumed']], ['2024-09-30', ['deadline_year_assumed']], ['2024-06-30', []], ['2024-04-14', []], ['2024-04-30', []],
  ]);
  const done = await ledger([
    { deadline: '2024年6月底前', status: '已完成', completion: '5月底整改完毕。' },
    { deadline: '2024年6月底前', status: '已完成', completion: '5月底全部完成，6月底验收' },
    { deadline: '2024年6月底前', status: '已完成', completion: '5月底前已全部完成。' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月（实际2024年7月10日完成）' },
    { deadline: '2024年6月底前', status: '已完成', completion: '5月20日（已销号）' },
  ]);
  expect(done.map((r) => r.completion_date)).toEqual(['2024-05-31', '2024-05-31', '2024-05-31', '2024-07-10', '2024-05-20']);
});

test('a clause saying the day the work was done is no deadline, and is the completion date (session 56)', async () => {
  const rows = await ledger([
    { deadline: '2024年6月底前；已于2024年7月10日完成' }, { deadline: '2024年6月底前，实际完成时间2024年7月10日' },
    { deadline: '2024年6月底前，2024年7月10日已完成整改' }, { deadline: '2024年6月底前，已于2024年9月10日完成阶段性整改' },
    { deadline: '2024年6月底前，实际完成：2024.7.10' }, { deadline: '2024年6月底前，已于2024年7月底完成' },
    // Alone it is the date, as before; done by a limit (前) restates the limit, as before.
    { deadline: '已于2024年7月10日完成' }, { deadline: '已于2024年6月底前完成阶段整改，2024年12月底前全面完成' },
    { deadline: '2024年3月底前完成方案，已于2024年6月30日前完成整改' },
    // Review (helper-153): 实际 naming a limit is none; every clause done gives the latest; a step beside a done clause is no
    // candidate, so the done clause stays one.
    { deadline: '2024年6月30日；实际整改期限2024年12月31日' }, { deadline: '2024年5月20日已完成整改，2024年6月10日已办结' },
    { deadline: '2024年6月30日验收，2024年7月10日已办结' }, { deadline: '2024年6月底前，该问题已于2024年7月10日完成整改' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []],
    ['2024-07-10', []], ['2024-12-31', []], ['2024-06-30', []],
    ['2024-12-31', []], ['2024-06-10', []], ['2024-07-10', []], ['2024-06-30', []],
  ]);
  // Overdue at 2024-07-01: the seven whose work was done late, the one due 6月30日 (done by it, yet the status is 正在整改) and the
  // one due 6月10日; not those due 7月10日 or 12月31日.
  const [t] = await e.query<{ overdue: number }>(timelinessQuery(emptyFilters('2024-07-01'), DEFAULT_PARAMS));
  expect(t.overdue).toBe(9);
  const done = await ledger([
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月底前；已于2024年7月10日完成' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月底前完成80%，已于2024年9月10日全部完成' },
    { deadline: '2024年6月底前', status: '已完成', completion: '计划2024年6月底前完成，实际完成时间2024年5月20日' },
    // A really-done day in a note beside a limit is read too, and the limit is then not warned of.
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月底前（实际2024年7月10日完成）' },
    { deadline: '2024年6月底前', status: '已完成', completion: '已于2024年11月完成' },
    // Review (helper-153): only the whole work done is a completion day, not a stage or a step (完成自查, 启动整改, 通过验收),
    // which leave the limit warned as before; nor is a later step's day.
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年12月底前，已于2024年4月30日完成自查' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年12月底前，已于2024年5月20日启动整改' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年5月20日完成整改，已于2024年6月10日通过验收' },
    { deadline: '2024年6月底前', status: '已完成', completion: '已于2024年5月20日完成硬件整改，已于2024年6月10日完成制度建设' },
  ]);
  expect(done.map((r) => [r.completion_date, r.codes])).toEqual([
    ['2024-07-10', []], ['2024-09-10', []], ['2024-05-20', []], ['2024-07-10', []], ['2024-11-30', []],
    [null, ['completion_is_limit']], [null, ['completion_is_limit']], ['2024-05-20', []], ['2024-06-10', []],
  ]);
});

test('a month without its year is in the year a note after it gives alone, or with the same month (session 56)', async () => {
  const rows = await ledger([
    { deadline: '6月底前（2024年）' }, { deadline: '6月30日（2024年度）' }, { deadline: '12月底前（2025年）' }, { deadline: '6月（2024年）' },
    { deadline: '6月底前（2025年6月底前全面完成）' }, { deadline: '6月底前（2024年6月30日）' },
    // Another month in the note, or no year in it: as before.
    { deadline: '6月底前（2024年9月底前完成验收）' }, { deadline: '6月底前（已完成80%）' },
    { deadline: '2024年6月底前', status: '已完成', completion: '5月20日（2024年）' },
  ]);
  expect(rows.map((r) => [r.deadline, r.completion_date, r.codes])).toEqual([
    ['2024-06-30', null, []], ['2024-06-30', null, []], ['2025-12-31', null, []], ['2024-06-30', null, []],
    ['2025-06-30', null, []], ['2024-06-30', null, []],
    [null, null, ['deadline_unparsed']], ['2024-06-30', null, ['deadline_year_assumed']],
    ['2024-06-30', '2024-05-20', []],
  ]);
});

test('a day said done without 已 beside a bare limit is no deadline, and is the completion date, where the row holds it done (session 57)', async () => {
  const done = '已完成';
  const rows = await ledger([
    { deadline: '2024年6月底前，2024年7月10日完成整改', status: done }, { deadline: '2024年6月底前，于2024年7月10日完成', status: done },
    { deadline: '2024年6月底前，2024年7月10日整改完成', status: done }, { deadline: '2024年6月底前，完成时间：2024年7月10日', status: done },
    { deadline: '2024年6月30日前；2024.7.10办结', status: done }, { deadline: '2024年6月底前，2024年7月10日完成整改并销号', status: done },
    { deadline: '整改时限：2024年6月底前，2024年7月30日完成整改', status: done },
    // A plan: its first clause names the stage's work, or its later day is a month's last (12月31日), as a limit is written.
    { deadline: '2024年6月底前完成方案，2024年12月15日完成整改', status: done }, { deadline: '2024年3月31日完成自查，2024年6月30日完成整改', status: done },
    { deadline: '2024年6月底前，2024年12月31日完成整改', status: done }, { deadline: '2024年6月底前，2024年9月30日全面完成', status: done },
    // Review (helper-157): a day alone is no bare limit; a limit with a note in brackets is none; a stage's day beside it makes a plan.
    { deadline: '2024年6月30日、2024年12月15日完成整改', status: done }, { deadline: '2024年6月底前（初步整改），2024年12月20日全面完成', status: done },
    { deadline: '2024年6月底前，2024年8月15日完成整改方案，2024年10月15日完成整改', status: done },
    // …and the row does not hold the day done while its status says the work goes on (unless it is long-term), or the day is after
    // the as-of date: a plan.
    { deadline: '2024年6月底前，2024年12月15日完成整改' }, { deadline: '2024年12月底前，2025年3月15日完成整改', status: done },
    { deadline: '2024年6月底前，2024年7月10日完成整改，后续持续巩固' },
    // A stage, or a day said done with no bare limit beside it, as before.
    { deadline: '2024年6月底前，2024年7月10日完成方案', status: done }, { deadline: '2024年7月10日完成整改', status: done },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []], ['2024-06-30', []],
    ['2024-12-15', []], ['2024-06-30', []], ['2024-12-31', []], ['2024-09-30', []],
    ['2024-12-15', []], ['2024-12-20', []], ['2024-10-15', []],
    ['2024-12-15', []], ['2025-03-15', []], ['2024-06-30', []],
    ['2024-07-10', []], ['2024-07-10', []],
  ]);
  const late = await ledger([
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月底前，2024年7月10日完成整改' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月底前，2024年5月20日完成整改' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月底前，完成时间：2024年7月10日' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月底前，2024年12月31日完成整改' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年12月底前完成方案，2024年5月20日完成整改' },
    // Not held done: still in progress, or after the as-of date. The cell is a time limit, as before.
    { deadline: '2024年6月底前', status: '正在整改', completion: '2024年6月底前，2024年12月15日完成整改' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年12月底前，2025年3月15日完成整改' },
    // Review (helper-158): with no 整改时限, a plan's later day is the deadline; a blank status beside a day held done is completed.
    { deadline: '', status: '正在整改', completion: '2024年6月底前，2024年7月10日完成整改' },
    { deadline: '2024年6月底前', status: '', completion: '2024年6月底前，2024年7月10日完成整改' },
    // Review (helper-159): a 实际 note of a step or stage, not of the whole work done, gives no day; nor is the month outside it one
    // (helper-160: warned as a limit). Other wordings of the work done give theirs.
    { deadline: '2024年6月底前', status: '', completion: '2024年10月底前（实际2024年7月10日启动整改）' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月（实际2024年7月10日完成第一阶段整改）' },
    { deadline: '2024年6月底前', status: '已完成', completion: '2024年6月（实际2024年7月10日完成整改销号）' },
  ]);
  expect(late.map((r) => [r.deadline, r.completion_date, r.codes])).toEqual([
    ['2024-06-30', '2024-07-10', []], ['2024-06-30', '2024-05-20', []], ['2024-06-30', '2024-07-10', []], ['2024-06-30', null, ['completion_is_limit']],
    ['2024-06-30', null, ['completion_is_limit']], ['2024-06-30', null, ['completion_is_limit']], ['2024-06-30', null, ['completion_is_limit']],
    ['2024-07-10', null, ['completion_is_limit']], ['2024-06-30', '2024-07-10', []], ['2024-06-30', null, ['completion_is_limit']],
    ['2024-06-30', null, ['completion_is_limit']], ['2024-06-30', '2024-07-10', []],
  ]);
  // Done late, by 2024-12-31: the four done 7月10日 against 6月30日; on time: the one done
  // 5月20日. Overdue at 2024-07-05: the four done 7月10日, the plan still in progress, due 6月30日, and the blank one whose work only
  // started; not the one due 7月10日, nor the completed ones without a day.
  const [t] = await e.query<{ due: number; on_time: number }>(timelinessQuery(emptyFilters('2024-12-31'), DEFAULT_PARAMS));
  expect([t.due, t.on_time]).toEqual([12, 1]);
  const [o] = await e.query<{ overdue: number }>(timelinessQuery(emptyFilters('2024-07-05'), DEFAULT_PARAMS));
  expect(o.overdue).toBe(6);
});

test('a month in Chinese numerals before a note of its year is in that year (session 57)', async () => {
  const rows = await ledger([
    { deadline: '六月底前（2024年）' }, { deadline: '十二月底前（二〇二四年）' }, { deadline: '六月三十日（2024年度）' },
    // A note of another month, as with digits: unparsed.
    { deadline: '六月底前（2024年9月底前完成验收）' },
    // Review (helper-158): a note of another year on a later clause: not the first year for both.
    { deadline: '六月底前（2024年），十二月底前（2025年）' }, { deadline: '6月底前（2024年），12月底前（2025年）' },
    { deadline: '六月底前（2024年）、十二月底前（2024年）' },
    // …but a year in brackets that is no month's note is none (helper-159).
    { deadline: '六月底前（2024年）完成整改（2023年度问题）' },
  ]);
  expect(rows.map((r) => [r.deadline, r.codes])).toEqual([
    ['2024-06-30', []], ['2024-12-31', []], ['2024-06-30', []], [null, ['deadline_unparsed']],
    [null, ['deadline_unparsed']], [null, ['deadline_unparsed']], ['2024-12-31', []], ['2024-06-30', []],
  ]);
});
