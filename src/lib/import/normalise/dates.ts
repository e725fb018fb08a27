import { DEADLINE_LONG_TERM_PATTERN, IMMEDIATE_FIX_DENIED_PATTERN, IMMEDIATE_FIX_PATTERN } from '../../domain/vocabulary/status';
import { num, str } from '../../queries/sql';
import { bindSql, compactSql, groups } from './text';
import { datedSpanPartsSql, datedSpanSql, datedSpanTextSql } from './deadline-code';
import { CHANGE_OPENING, changedDeadlineSql, changedYearSql, datedClausesSql, doneClauseSql, DONE_WHOLE, putBackBySql, rangeOfWholeDatesSql, rangePartSql, voidChangesRemovedSql, yearNoteSql } from './date-parts';
import { A_DAY, doneDaySql } from './done-day';

/**
 * Date parsing in SQL (DOMAIN.md §3.4). Accepts YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日
 * (with or without a time after it), YYYYMMDD, Excel serial numbers, YYYY年底前 / YYYY年年底前
 * and YYYY年内 (31 Dec), YYYY年M月底前 and YYYY.MM (last day of the month), YYYY年上半年 / 下半年 / 第三季度 (the
 * period's last day) and, for deadlines, 立行立改 (feedback date +
 * immediateFixDays). Invalid dates such as 2019-13-45 give NULL; the raw text is kept beside.
 * dateSql reads one date text; datesOfSql reads a cell's compact form (see compactSql): Chinese
 * numerals written as digits (二〇二三年五月二十日), one end of a range (2023年3月至6月), the latest
 * of several dates.
 */
// The day must not run on into more digits (2023.3-2023.12 is no 2023-03-20), except a time,
// which the compact form joins to it (2024-03-0500:00:00).
const YMD = '(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})(\\D|$|\\d{2}:)';
const YM = '(\\d{4})年(\\d{1,2})月';
const YEAR_END = '(\\d{4})年(年底|底|年末|末|年内|内|度内|度底|度末)';
// YYYYMMDD, also with the clock time run on as systems write it (YYYYMMDDHHmm, YYYYMMDDHHmmss).
const COMPACT = '^((19|20)\\d{2})(\\d{2})(\\d{2})(\\d{4}|\\d{6})?$';
// A month with separators (2023.05, 2023-5, 2023/05底前), also among words (已完成（2024.6）, 2024.6底前完成整改, 2024.6已销号): its
// last day, as 2023年5月. Among words only where a date's words or a clause's end follow (底, 月, 前, 完成, 全部完成, 销号, 验收,
// 至, 起, a bracket, comma or colon, the text's end) and no letter or 第 comes before: 2024.6亩, 2024.6亿元, 永纪2024-6号, V2024.6 are numbers (helper-146).
// Not where more digits run on (2024.61, 2024.6.30, 2024.6-2024.9) or one comes before (12024.6); the year 19xx or 20xx.
const YM_SEP = '(?:^|[^0-9A-Za-z第])((?:19|20)\\d{2})[-/.](\\d{1,2})(?:[./-]?$|[月底末前内()（）【】\\[\\],，;；:：。、完已全基销整办验止至起开])';
// Thirds of a month (2023年6月上旬, 2023.6中旬): the 10th, the 20th, the month's last day.
const TEN_DAYS = '(\\d{4})(?:年|[-/.])(\\d{1,2})月?(上旬|中旬|下旬)';
// Half years and quarters (2024年上半年, 2024年第三季度, 四季度 without 第 too): their last day.
const PERIOD = '(\\d{4})年(上半年|下半年|第?([一二三四1-4])季度)';
const SERIAL = '^\\d{5}(\\.\\d+)?$';

/** Options of dateSql. */
export interface DateOptions {
  /** For deadlines: the feedback-date expression 立行立改 counts from, and the day count. */
  immediate?: { feedbackDate: string; days: number };
  /**
   * The workbook counts days on the 1904 date system (Mac Excel's, workbookPr date1904): a serial
   * left as a number (a General cell, a formula =D5+30) is days since 1904-01-01, not 1899-12-30.
   */
  date1904?: boolean;
}

const ymd = (y: string, m: string, d: string) => `TRY_CAST(${y} || '-' || lpad(${m}, 2, '0') || '-' || lpad(${d}, 2, '0') AS DATE)`;

// Chinese numerals in a date: years digit by digit (二〇二三), months and days with 十 (十二, 二十, 三十一), and a
// deadline's count of days up to 九十九 (四十五天内).
const HAN_DIGIT = '[〇零一二三四五六七八九十]';

/** The date text with Chinese numerals written as Arabic digits; other text is unchanged. */
export function hanDigitsSql(x: string): string {
  let y = `regexp_replace(${x}, '([二三四五六七八九])十([一二三四五六七八九])', '\\1\\2', 'g')`;
  y = `regexp_replace(${y}, '([二三四五六七八九])十', '\\10', 'g')`;
  y = `regexp_replace(${y}, '十([一二三四五六七八九])', '1\\1', 'g')`;
  y = `translate(replace(${y}, '十', '10'), '〇零一二三四五六七八九', '00123456789')`;
  return `CASE WHEN regexp_matches(${x}, ${str(HAN_DIGIT)}) THEN ${y} ELSE ${x} END`;
}

// A clock time after the date (2024/6/15 0:00, as Excel writes a date cell out as text): dropped
// before the compact form, which removes the space and would run the hour into the day (150:00).
const TIME_SUFFIX = '[\\sT\\x{3000}]+\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*$';

// An instant with its zone, as systems export it (JSON.stringify of a Date: 2019-05-31T16:00:00.000Z,
// Java: 2019-06-01T00:00:00+08:00 or +0800): the calendar day it is in China (UTC+8).
const ISO_ZONED = '^\\s*(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*(Z|[+-]\\d{2}:?\\d{2})\\s*$';

// Milliseconds since 1970 (Java backends' JSON: 1559318400000): 13 digits, whole seconds, from 2000
// to 2099. Another 13-digit number (an id, 2024011500001) stays no date. Excel serials have 5 digits.
// Seconds since 1970 (PHP backends: 1709222400): 10 digits, from 2000 to May 2033, below 2000000000,
// so a number written as a day and hour (2024011510) is none. .NET's JSON wraps milliseconds, any
// of them: /Date(1715321791123)/, /Date(1715321791123+0800)/.
const EPOCH = '^\\s*(?:(\\d{13})|(\\d{10})|\\\\?/Date\\((\\d{12,13})(?:[+-]\\d{4})?\\)\\\\?/)\\s*$';
const EPOCH_RANGE = [946684800000, 4102444800000];
const EPOCH_SECONDS_END = 2_000_000_000;

/** An instant (ISO_ZONED, or EPOCH) as its China date text; any other text as it is. */
function chinaDaySql(v: string): string {
  // Each form's groups are extracted once, in its own branch (bindSql): this runs on every date cell, and the
  // parts written out made the statements that read compact dates long to plan.
  const [z, e, ms] = ['st_iz', 'st_ep', 'st_ms'];
  const minutes = `CASE WHEN ${z}.zone = 'Z' THEN 0 ELSE (CASE WHEN left(${z}.zone, 1) = '-' THEN -1 ELSE 1 END)
    * (CAST(substr(${z}.zone, 2, 2) AS INTEGER) * 60 + CAST(right(${z}.zone, 2) AS INTEGER)) END`;
  const local = `TRY_CAST(${z}.day || ' ' || ${z}.time AS TIMESTAMP) - to_minutes(${minutes}) + INTERVAL 8 HOUR`;
  const digits = (g: string) => `TRY_CAST(NULLIF(${e}.${g}, '') AS BIGINT)`;
  const msOf = `coalesce(CASE WHEN ${digits('ms')} % 1000 = 0 THEN ${digits('ms')} END,
    CASE WHEN ${digits('s')} < ${EPOCH_SECONDS_END} THEN ${digits('s')} * 1000 END, ${digits('net')})`;
  const epoch = `CASE WHEN ${ms} >= ${EPOCH_RANGE[0]} AND ${ms} < ${EPOCH_RANGE[1]} THEN strftime(epoch_ms(${ms}) + INTERVAL 8 HOUR, '%Y-%m-%d') END`;
  return `CASE WHEN regexp_full_match(${v}, ${str(ISO_ZONED)}) THEN ${bindSql(groups(v, ISO_ZONED, ['day', 'time', 'zone']), z, `coalesce(strftime(${local}, '%Y-%m-%d'), ${v})`)}
    WHEN regexp_full_match(${v}, ${str(EPOCH)}) THEN ${bindSql(groups(v, EPOCH, ['ms', 's', 'net']), e, bindSql(msOf, ms, `coalesce(${epoch}, ${v})`))} ELSE ${v} END`;
}

/**
 * The compact form of a date cell (see compactSql): an instant (zoned ISO text, epoch
 * milliseconds) as its China date, a clock time after a date dropped first, dates on lines of their own parted (DATE_LINES).
 */
export function dateCompactSql(v: string): string {
  const parted = `regexp_replace(regexp_replace(${chinaDaySql(v)}, ${str(TIME_SUFFIX)}, ''), ${str(DATE_LINES)}, '\\1;\\2', 'g')`;
  const compact = compactSql(`regexp_replace(${parted}, ${str(MONTH_LINES)}, '\\1;\\2', 'g')`);
  return yearNoteSql(bindSql(compact, 'st_hc', `CASE WHEN regexp_matches(st_hc, ${str(HAN_MONTH_NOTE)}) THEN ${hanDigitsSql('st_hc')} ELSE st_hc END`));
}

// A month in Chinese numerals before a note of its year (六月底前（2024年）, 六月底前（二〇二四年））: written as digits first, so that
// yearNoteSql reads the note (digits are written for every date only after it).
const HAN_MONTH_NOTE = `^${HAN_DIGIT}{1,2}月[^()]*\\(([0-9]{4}|[〇零一二三四五六七八九]{4})年`;

// Dates on lines of their own, or parted by a slash (2024年6月底前⏎2024年12月底前, 2024年6月底前/2024年12月底前): clauses, as
// 、 and ； part them (datesOfSql reads the latest as the end), not one run-together text read for its first (helper-130).
// Only after a date's last word and before a number: a date wrapped inside (2024年⏎6月底前) stays one, 2024/6/30 a date.
const DATE_LINES = '([前底日号末])[\\s\\x{3000}]*(?:[\\r\\n\\x{2028}\\x{2029}]+|/)[\\s\\x{3000}]*([0-9０-９])';
// After a month, only before a year: 2024年6月⏎15日前 is one date wrapped (helper-131), 2024年6月⏎2024年12月 two.
const MONTH_LINES = '(月)[\\s\\x{3000}]*(?:[\\r\\n\\x{2028}\\x{2029}]+|/)[\\s\\x{3000}]*((?:19|20)[0-9]{2})';

// A note in brackets after a date (2024年12月底前完成（2024年6月起持续推进）, 2024.6底前完成（原定2023年底）, 2024年6月30日（7月5日验收）):
// the date is the one outside them, where the text outside names one (NAMES_A_DATE); else the bracket's (已完成（2024.6）).
// So are whether it is a time limit, a month alone or a day without its year (maps.ts: 2024年6月30日（原定2024年3月底前）
// is a day something was done, 6月底前（2024年） a limit dated from the feedback).
// Read after a change of deadline, which a bracket often states (2024年6月底前（已延期至9月底）: changedDeadlineSql).
// A date outside is a year with its month or end, or a month or 年底 it opens with (not 2023年度问题（2024年6月底前整改到位）: the
// bracket's, helper-149). A note of when the work was really done (2024年6月（实际2024年7月10日完成）) is left out too: one reading
// serves every column, and in 整改时限 (2024年6月底前（实际2024年5月20日完成）) the date outside is the deadline (helper-152).
const BRACKETED = '\\([^()]*\\)|【[^【】]*】|\\[[^\\[\\]]*\\]';
// …but read apart as the day the work was really done (dr), which a 完成时间 takes (findings.ts): 2024年6月（实际2024年7月10日完成）.
const REALLY_DONE = '[(【\\[]实际(?:已于|于|已)?(?:完成)?(?:时间|日期)?:?([0-9][^)】\\]]*)';
// …unless its first clause names a start, a stage, a part, a delay or a plan (实际2024年7月10日启动整改, …申请延期, …完成第一阶段整改, …部分完成,
// …完成3项: helper-159 B04–B06, B19, B20, B28, B30–B33), and does not say the whole work done (DONE_WHOLE). Other wordings of the work done
// (完成整改销号, 完成全部整改, 已整改, 销号, 通过验收, 整改结束, 完结, 闭环: helper-160) give the day.
const NOT_REALLY_DONE = '启动|开始|着手|部署|制定|申请|延期|推迟|阶段|部分|初步|基本|[0-9]%|[0-9一二三四五六七八九十]+项|第[一二三四五六七八九十0-9]|方案|计划|召开|会议|印发';
/** The day a note says the work was really done (REALLY_DONE, NOT_REALLY_DONE), else NULL. */
const reallyDoneSql = (x: string) => bindSql(`NULLIF(regexp_extract(${x}, ${str(REALLY_DONE)}, 1), '')`, 'st_rd',
  bindSql(`regexp_extract(st_rd, '^[^,;。]*')`, 'st_rh', `CASE WHEN regexp_matches(st_rh, ${str(DONE_WHOLE)}) OR NOT regexp_matches(st_rh, ${str(NOT_REALLY_DONE)}) THEN st_rd END`));
const NAMES_A_DATE = '(19|20)[0-9]{2}(年[0-9]|年[底末]|[./-][0-9])|^([0-9]{1,2}月|年[底末])';

/** The text without its bracketed notes (BRACKETED) where what is left names a date (NAMES_A_DATE), else the text. */
export function outsideBracketsSql(x: string): string {
  return `CASE WHEN regexp_matches(${x}, '[(【\\[]') THEN ${bindSql(`regexp_replace(${x}, ${str(BRACKETED)}, '', 'g')`, 'st_ob',
    `CASE WHEN regexp_matches(st_ob, ${str(NAMES_A_DATE)}) THEN st_ob ELSE ${x} END`)} ELSE ${x} END`;
}

/**
 * The date map's dates (DOMAIN.md §3.4) over `from`, a query with the compact form of each value
 * as column `c` (see dateCompactSql): adds `d`, the date or a range's end, `d0`, a range's start, and `dr`, a day a note
 * or a clause says the work was really done (REALLY_DONE, doneDaySql), and `dw`, a day a clause says the whole work was done, also without 已.
 * Chinese numerals are written as digits first. A serial counts from the workbook's epoch (DateOptions.date1904). A text of several dates, one per clause
 * (2024年6月底前完成阶段性任务，2024年12月底前全面完成; 2024年6月30日、2024年12月31日), gives the
 * latest as its end (a deadline is when all of it is due) and the earliest as its start. A deadline changed
 * (延期至, 提前至, 延期3个月: changedDeadlineSql, each change given its year by changedYearSql, one put back by a length by
 * putBackBySql, one refused or denied taken out by voidChangesRemovedSql) ends on the new one; a span from a named start (datedSpanSql) where it ends. Each step is
 * a column of its own, so every expression is computed once per value.
 */
export function datesOfSql(from: string, opts: Pick<DateOptions, 'date1904'> = {}): string {
  // A date something starts from or comes after (2024年4月起, 2024年6月30日以后) is no end: not read as one.
  const ends = (x: string) => `NOT regexp_matches(${x}, ${str(FROM_DATE)})`;
  // Every text dated here (the end's clauses, the whole end, the start's clauses, the whole start) goes
  // through dateSql in one list, so the statement holds dateSql once, not four times (planning is most of
  // a small sheet's time). g says which of the four each is; the end's clauses count when one is dated (a clause
  // beside it that dates nothing of the item's, 7月起常态化开展, no longer voids the text: helper-148), the start's
  // when two are, and an end is no end where ends() says so.
  const tagged = (l: string, g: number) => `list_transform(${l}, lambda k: {'t': k, 'g': ${g}})`;
  const texts = `list_concat(CASE WHEN len(ce) >= 1 THEN ${tagged('ce', 1)} ELSE [] END, [{'t': te, 'g': 2}],
    CASE WHEN len(cs) > 1 THEN ${tagged('cs', 3)} ELSE [] END, [{'t': ts, 'g': 4}], CASE WHEN coalesce(trn, trd) IS NOT NULL THEN [{'t': coalesce(trn, trd), 'g': 5}] ELSE [] END,
    CASE WHEN trn IS NOT NULL THEN [{'t': trn, 'g': 6}] WHEN len(trw) > 0 THEN ${tagged('trw', 6)} ELSE [] END)`;
  const dated = `list_transform(${texts}, lambda st_k: {'g': st_k.g, 'd': CASE WHEN st_k.g >= 3 OR ${ends('st_k.t')} THEN ${dateSql('st_k.t', opts)} END})`;
  const of = (g: number) => `list_transform(list_filter(dl, lambda st_g: st_g.g = ${g}), lambda st_g: st_g.d)`;
  const pick = (clauses: number, fn: 'list_max' | 'list_min') => `coalesce(${fn}(${of(clauses)}), ${of(clauses + 1)}[1])`;
  // A span from a named start (自2024年4月1日起3个月内) ends where it ends, unless a later date is said beside it.
  // A range written backwards with both dates whole (2024.6.30-2024.4.1, 2024年6月至2024年3月): its later day is the end.
  const backwards = 'rv AND d0 > de';
  const end = `CASE WHEN ${backwards} THEN d0 ELSE de END`;
  return `SELECT * EXCLUDE (de, d0, sp, rv), CASE WHEN ${backwards} THEN de ELSE d0 END AS d0, CASE WHEN sp IS NULL OR ${end} > sp THEN ${end} ELSE sp END AS d FROM (
    SELECT * EXCLUDE (n0, n1, n2, n, ne, nb, nbs, te, ts, trn, trd, trw, ce, cs, spg, dl), ${pick(1, 'list_max')} AS de, ${pick(3, 'list_min')} AS d0, ${of(5)}[1] AS dr, list_max(${of(6)}) AS dw,
      trn IS NULL AND trd IS NOT NULL AND NOT ${doneClauseSql('trd')} AS ip, trn IS NULL AND regexp_matches(n, ${str(REALLY_DONE)}) AS nr,
      ${datedSpanSql('spg')} AS sp,
      ce IS NULL AND n = ne AND te <> ts AND ${rangeOfWholeDatesSql('n')} AS rv FROM (SELECT *, ${dated} AS dl FROM (
    SELECT *, ${rangePartSql('nb', 'end')} AS te, ${rangePartSql('nbs', 'start')} AS ts, ${reallyDoneSql('n')} AS trn, ${doneDaySql('n', 'bare')} AS trd, ${doneDaySql('n', 'any')} AS trw,
      ${datedClausesSql('nb', 'end', 'ne')} AS ce, ${datedClausesSql('nbs', 'start')} AS cs
    FROM (SELECT *, ${outsideBracketsSql('ne')} AS nb, ${outsideBracketsSql('n')} AS nbs FROM (SELECT *, ${changedDeadlineSql('n')} AS ne, ${datedSpanPartsSql('n')} AS spg
      FROM (SELECT *, ${changedYearSql('n2')} AS n FROM (SELECT *, ${changedYearSql('n1')} AS n2 FROM (SELECT *, ${putBackBySql('n0')} AS n1
      FROM (SELECT *, ${voidChangesRemovedSql(dayRangeSql(fullYearSql(hanDigitsSql('c'))))} AS n0 FROM (${from}))))))))))`;
}

// A date something starts from or comes after (2024年4月起, 从2024年4月开始, 2024年4月1日启动, 2024年6月30日以后, 2024年3月15日起长期坚持,
// 2024年3月以来, 2024年3月至今, these only of the date the text or clause opens with and no date after it: 2024年12月底前完成对2023年
// 以来项目的清查, 已完成（2024年5月20日至今未反弹） and 自2023年以来存在的问题于2024年6月底前完成整改 keep their date (helper-149, helper-152);
// not 2024年6月30日前后, around it): as a deadline or a completion it is no date (DOMAIN.md §3.4: anything else is null,
// flagged), though a range's start may be one (2024年3月起至6月底: its start is 3月, its end 6月底).
const FROM_DATE = '(\\d|月|日|号|年|底|末|旬)(起|开始|启动|以后|之后|后)'
  + '|^(从|自)?[0-9]{4}(年|[./-])([0-9]{1,2}(月|[./-])?([0-9]{1,2}[日号]?)?)?[-~—–]?(以来|至今)[^0-9]*$';

// A year written with two digits at the start (24年底前, 24年6月30日), as a hurried cell does: 2024. Only 10 to 39
// followed by a month or the year's end, so no other number is taken for a year (10年内 is a span).
const SHORT_YEAR = '^([1-3][0-9])年(\\d{1,2}月|[底末]|年[底末])';

// …and a short date that is only that (24/6/30, 24.6.30, 24-06-30; helper-130), its day and month in range, the year first as
// Chinese dates are written.
const SHORT_DATE = '^([1-3][0-9])([./-])(0?[1-9]|1[0-2])([./-])(0?[1-9]|[12][0-9]|3[01])$';

// Days of one month written with the month once (2024年6月10日至20日, 2024年6月1-15日, 2024年5月10日—30日): the second day's
// month and year written out, so the text is a range of whole dates (RANGE) and ends on its later day, not its first (helper-148).
// From a start (2024年6月10日起至20日) only where no span follows (自2024年3月15日起至30日内完成: 30 days; helper-152).
const DAY_RANGE = '^((?:从|自)?)((?:19|20)[0-9]{2}年[0-9]{1,2}月)([0-9]{1,2})[日号]?(至|到|~|—|–|-)([0-9]{1,2}[日号])';
const DAY_RANGE_FROM = '^((?:从|自)?)((?:19|20)[0-9]{2}年[0-9]{1,2}月)([0-9]{1,2})[日号]?((?:起|开始)(?:至|到))([0-9]{1,2}[日号])([^内]|$)';

/** The text with the month of a range of days in one month said twice (DAY_RANGE). */
function dayRangeSql(x: string): string {
  return `regexp_replace(regexp_replace(${x}, ${str(DAY_RANGE)}, '\\1\\2\\3日\\4\\2\\5'), ${str(DAY_RANGE_FROM)}, '\\1\\2\\3日\\4\\2\\5\\6')`;
}

/** The text with a two-digit year at its start written in full (see SHORT_YEAR, SHORT_DATE). */
function fullYearSql(x: string): string {
  return `regexp_replace(regexp_replace(${x}, ${str(SHORT_YEAR)}, '20\\1年\\2'), ${str(SHORT_DATE)}, '20\\1\\2\\3\\4\\5')`;
}

/** A DATE expression for a date text (see dateTextSql). */
export function dateSql(x: string, opts: DateOptions = {}): string {
  // Each form is tested first and its groups extracted once, in the branch that reads them: the expression
  // stays small to plan (this one is written out several times per statement), and no other form's regex runs.
  const form = (re: string, names: string[], then: (g: string) => string) =>
    `WHEN regexp_matches(${x}, ${str(re)}) THEN ${bindSql(groups(x, re, names), 'st_dt', then('st_dt'))}`;
  const quarterEnd = (p: string) => `CASE WHEN ${p}.q IN ('一', '1') THEN '3' WHEN ${p}.q IN ('二', '2') THEN '6' WHEN ${p}.q IN ('三', '3') THEN '9' ELSE '12' END`;
  const whens = [
    form(YMD, ['y', 'm', 'd'], (a) => ymd(`${a}.y`, `${a}.m`, `${a}.d`)),
    form(COMPACT, ['y', 'c', 'm', 'd'], (b) => ymd(`${b}.y`, `${b}.m`, `${b}.d`)),
    form(TEN_DAYS, ['y', 'm', 'w'], (t) => `CASE ${t}.w WHEN '上旬' THEN ${ymd(`${t}.y`, `${t}.m`, "'10'")} WHEN '中旬' THEN ${ymd(`${t}.y`, `${t}.m`, "'20'")}
      ELSE last_day(${ymd(`${t}.y`, `${t}.m`, "'1'")}) END`),
    form(YM, ['y', 'm'], (c) => `last_day(${ymd(`${c}.y`, `${c}.m`, "'1'")})`),
    form(YEAR_END, ['y', 'w'], (e) => ymd(`${e}.y`, "'12'", "'31'")),
    form(YM_SEP, ['y', 'm'], (f) => `last_day(${ymd(`${f}.y`, `${f}.m`, "'1'")})`),
    form(PERIOD, ['y', 'h', 'q'], (p) => `CASE WHEN ${p}.h = '上半年' THEN ${ymd(`${p}.y`, "'6'", "'30'")}
      WHEN ${p}.h = '下半年' THEN ${ymd(`${p}.y`, "'12'", "'31'")} ELSE last_day(${ymd(`${p}.y`, quarterEnd(p), "'1'")}) END`),
    `WHEN regexp_matches(${x}, ${str(SERIAL)}) THEN CAST(DATE '${opts.date1904 ? '1904-01-01' : '1899-12-30'}' + CAST(floor(CAST(${x} AS DOUBLE)) AS INTEGER) AS DATE)`,
  ];
  if (opts.immediate) {
    whens.push(
      `WHEN ${immediateFixSql(x)} THEN CAST(${opts.immediate.feedbackDate} + ${num(opts.immediate.days)} AS DATE)`,
    );
  }
  return `CASE WHEN ${x} IS NULL THEN NULL ${whens.join(' ')} ELSE NULL END`;
}

// A month named without a day (2024年8月, 2024.8, 2024-08, 2024年8月底, 2024年8月份完成), the whole text.
const MONTH_ONLY = '^\\d{4}(年|[-/.])\\d{1,2}月?(底|末|份)?(前|以前|之前)?(完成|已完成)?$';

// A date given as a time limit, "by" it (2024年12月底前, 2024.12.31前, 2024年底以前; without its year 6月底前,
// 12月31日前, 6.30前, 年底前; not 前后, around it): in a 完成时间 column, the deadline an unfinished item is due by, not the day it was done.
const BY_DATE = '(?:(19|20)\\d{2}.*(底|末|日|号|月|年|\\d)\\s*(以|之)?前|^\\s*((1[0-2]|0?[1-9])(月(\\d{1,2}[日号]?|底|末|[上中下]旬)?|[./]\\d{1,2}[日号]?)|年[底末])\\s*(以|之)?前)([^后]|$)';

// Said to be done by the day: 已于…前完成, …前已完成, 已在…前完成整改 (not 已完成80%，剩余部分2024年12月底前完成, a limit).
const DONE_BY_DATE = '已(于|在)[^,;。!?]*前|前(已|均已|已经|已全部)(完成|整改|办结)';

/** TRUE when a date text (its compact form, Chinese numerals as digits: hanDigitsSql) is a time limit by a date, as above. */
export function byDateSql(c: string): string {
  // Done by the day (已于2024年6月底前完成, 2024年6月20日前已完成) is done, not a limit: the day is its completion date.
  // So is a span from a named start (自2024年4月1日起3个月内完成), and a changed deadline alone (延期至2024年9月底: CHANGE_OPENING).
  return `coalesce(regexp_matches(${c}, ${str(BY_DATE)}) AND NOT regexp_matches(${c}, ${str(DONE_BY_DATE)}) OR ${datedSpanTextSql(c)}
    OR regexp_matches(${c}, ${str('^' + CHANGE_OPENING)}), false)`;
}

/** A year and month (2024年6, 2024.6, 2024-06): a date in a text (a status, a 是否销号 cell: status-date.ts, validate.ts). */
export const A_DATE = String.raw`(19|20)[0-9]{2}\s*[年./-]\s*[0-9]{1,2}`;
// One year and month among words (已完成（2024.12）, 已完成（2024年12月）): a month named without a day too, where the text
// names no other date, no day (also apart: 2024年12月，20日, 至12月20日), no third of the month, no quarter or half year
// (helper-146: such a 完成时间 ran past the as-of date in its month; helper-147).
const NOT_A_MONTH = `${A_DAY}|[0-9]{1,2}[日号]|旬|季度|半年`;

/**
 * TRUE when a date text (its compact form, Chinese numerals as digits: hanDigitsSql, as the date itself is read, so 2024年三月
 * is a month too) names a month and no day.
 */
export function monthOnlySql(h: string): string {
  return `coalesce(regexp_matches(${h}, ${str(MONTH_ONLY)})
    OR (len(regexp_extract_all(${h}, ${str(A_DATE)})) = 1 AND NOT regexp_matches(${h}, ${str(NOT_A_MONTH)})), false)`;
}

/** TRUE when a deadline text marks an ongoing item (长期坚持, 常态化, 持续). */
export function deadlineLongTermSql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(DEADLINE_LONG_TERM_PATTERN)}), false)`;
}

/**
 * TRUE when a non-empty text is "only" a long-term or immediate phrase (no date expected); a long-term phrase may say
 * when it started (自2024年4月起持续推进, 2024年3月15日起长期坚持: FROM_DATE).
 */
export function dateWordOnlySql(x: string): string {
  return `coalesce(regexp_matches(${x}, ${str(DEADLINE_LONG_TERM_PATTERN)}) AND (NOT regexp_matches(${x}, '\\d') OR regexp_matches(${x}, ${str(FROM_DATE)}))
    OR ${immediateFixSql(x)} AND NOT regexp_matches(${x}, '\\d'), false)`;
}

/** TRUE when a text says fix at once (立行立改, 立即整改), not denied (非立行立改: IMMEDIATE_FIX_DENIED_PATTERN). */
export function immediateFixSql(x: string): string {
  return `(regexp_matches(${x}, ${str(IMMEDIATE_FIX_PATTERN)}) AND NOT regexp_matches(${x}, ${str(IMMEDIATE_FIX_DENIED_PATTERN)}))`;
}
