import { DEADLINE_LONG_TERM_PATTERN, IMMEDIATE_FIX_DENIED_PATTERN, IMMEDIATE_FIX_PATTERN } from '../../domain/vocabulary/status';
import { num, str } from '../../queries/sql';
import { compactSql } from './text';

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
const YEAR_END = '(\\d{4})年(年底|底|年末|末|内|度内|度底|度末)';
// YYYYMMDD, also with the clock time run on as systems write it (YYYYMMDDHHmm, YYYYMMDDHHmmss).
const COMPACT = '^((19|20)\\d{2})(\\d{2})(\\d{2})(\\d{4}|\\d{6})?$';
// A month alone with separators (2023.05, 2023-5, 2023/05底前): its last day, as 2023年5月.
const YM_SEP = '^(\\d{4})[-/.](\\d{1,2})(月|月底|底)?前?$';
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
// One regex call yields all groups as a struct; an empty y means no match.
export const groups = (x: string, re: string, names: string[]) => `regexp_extract(${x}, ${str(re)}, [${names.map(str).join(', ')}])`;

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

// A range of two dates: 2023.3.1-2023.6.30, 2023年3月至2023年6月, 2023/3/1~2023/6/30 (the second part
// starts with a year, so 2023-06-30 alone is no range), or 2023年3月至6月 (the year said once; also 从2024年3月起至6月底).
const SEP = '(至|到|~|—|–|-)';
const RANGE = `^(.*\\d\\D*?)${SEP}((19|20)\\d{2}.*)$`;
const RANGE_ONE_YEAR = `^((?:从|自)?((19|20)\\d{2})年\\d{1,2}月(\\d{1,2}日|上旬|中旬|下旬)?(?:起|开始)?)${SEP}(\\d{1,2}月.*)$`;
// Months of one year, the month word said once: 2024年6-9月, 2024年6至9月底前.
const RANGE_MONTHS = `^(((19|20)\\d{2})年)(\\d{1,2})${SEP}(\\d{1,2}月.*)$`;
// From a month to the end of its year: 2024年3月至年底, 2024年3月到年底前.
const RANGE_TO_YEAR_END = `^(((19|20)\\d{2})年.*?)(至|到)(年底|年末|底)前?$`;
// Written with dots, the year said once: months (2024.4-6, 2024.4-6月底前) or days (2024.5.20-6.30); a later
// month than the first's, or a day of a later month, else no range (2024.4-3). Past December: the next year.
const RANGE_DOTS = `^((?:19|20)\\d{2})[./](\\d{1,2})(?:[./](\\d{1,2})日?)?${SEP}(\\d{1,2})(?:[./](\\d{1,2}))?([月日]?.*)$`;

/**
 * One end of a date range, or the text itself when it is no range. A deadline, a completion or a
 * feedback date given as a range means its end; a station start means its start.
 */
export function rangePartSql(x: string, part: 'start' | 'end'): string {
  const r = groups(x, RANGE, ['head', 'sep', 'tail']);
  const o = groups(x, RANGE_ONE_YEAR, ['head', 'y', 'c', 'd', 'sep', 'tail']);
  const m = groups(x, RANGE_MONTHS, ['year', 'y', 'c', 'from', 'sep', 'tail']);
  const z = groups(x, RANGE_TO_YEAR_END, ['head', 'y', 'c', 'sep', 'w']);
  const t = groups(x, RANGE_DOTS, ['y', 'm', 'd', 'sep', 'm2', 'd2', 'rest']);
  // Both ends must have a day or neither; the second's month is a later one (a day of the same month is no range: 2024.4.1-6).
  const dots = `${t}.sep <> '' AND (${t}.d = '') = (${t}.d2 = '') AND TRY_CAST(${t}.m2 AS INTEGER) BETWEEN 1 AND 12
    AND (${t}.d <> '' OR TRY_CAST(${t}.m2 AS INTEGER) > TRY_CAST(${t}.m AS INTEGER))`;
  const year2 = `CAST(CAST(${t}.y AS INTEGER) + CASE WHEN TRY_CAST(${t}.m2 AS INTEGER) < TRY_CAST(${t}.m AS INTEGER) THEN 1 ELSE 0 END AS VARCHAR)`;
  const dotted = part === 'start'
    ? `${t}.y || '年' || ${t}.m || '月' || CASE WHEN ${t}.d <> '' THEN ${t}.d || '日' ELSE '' END`
    : `${year2} || '年' || ${t}.m2 || '月' || CASE WHEN ${t}.d2 <> '' THEN ${t}.d2 || '日' || regexp_replace(${t}.rest, '^日', '')
        ELSE regexp_replace(${t}.rest, '^月', '') END`;
  const [whole, one, months, toYearEnd] = part === 'start'
    ? [`${r}.head`, `${o}.head`, `${m}.year || ${m}.from || '月'`, `${z}.head`]
    : [`${r}.tail`, `${o}.y || '年' || ${o}.tail`, `${m}.year || ${m}.tail`, `${z}.y || '年底'`];
  return `CASE WHEN ${r}.tail <> '' THEN ${whole} WHEN ${o}.tail <> '' THEN ${one} WHEN ${m}.tail <> '' THEN ${months}
    WHEN ${z}.w <> '' THEN ${toYearEnd} WHEN ${dots} THEN ${dotted} ELSE ${x} END`;
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
  const part = (i: number) => `regexp_extract(${v}, ${str(ISO_ZONED)}, ${i})`;
  const zone = part(3);
  const minutes = `CASE WHEN ${zone} = 'Z' THEN 0 ELSE (CASE WHEN left(${zone}, 1) = '-' THEN -1 ELSE 1 END)
    * (CAST(substr(${zone}, 2, 2) AS INTEGER) * 60 + CAST(right(${zone}, 2) AS INTEGER)) END`;
  const local = `TRY_CAST(${part(1)} || ' ' || ${part(2)} AS TIMESTAMP) - to_minutes(${minutes}) + INTERVAL 8 HOUR`;
  const digits = (i: number) => `TRY_CAST(NULLIF(regexp_extract(${v}, ${str(EPOCH)}, ${i}), '') AS BIGINT)`;
  const ms = `coalesce(CASE WHEN ${digits(1)} % 1000 = 0 THEN ${digits(1)} END,
    CASE WHEN ${digits(2)} < ${EPOCH_SECONDS_END} THEN ${digits(2)} * 1000 END, ${digits(3)})`;
  const epoch = `CASE WHEN ${ms} >= ${EPOCH_RANGE[0]} AND ${ms} < ${EPOCH_RANGE[1]} THEN strftime(epoch_ms(${ms}) + INTERVAL 8 HOUR, '%Y-%m-%d') END`;
  return `CASE WHEN regexp_full_match(${v}, ${str(ISO_ZONED)}) THEN coalesce(strftime(${local}, '%Y-%m-%d'), ${v})
    WHEN regexp_full_match(${v}, ${str(EPOCH)}) THEN coalesce(${epoch}, ${v}) ELSE ${v} END`;
}

/**
 * The compact form of a date cell (see compactSql): an instant (zoned ISO text, epoch
 * milliseconds) as its China date, a clock time after a date dropped first.
 */
export function dateCompactSql(v: string): string {
  return compactSql(`regexp_replace(${chinaDaySql(v)}, ${str(TIME_SUFFIX)}, '')`);
}

/**
 * The range part (rangePartSql) of each clause of a text that holds a year, as a list; NULL for one clause.
 * A later clause that sets a limit by a month or the year's end without the year (2024年6月底前完成80%，年底前
 * 全部完成; …，12月底前全面完成) is in the year the text names first; one that only dates a step (…，6月开展回头看)
 * is no date of the item's.
 */
function datedClausesSql(x: string, part: 'start' | 'end'): string {
  const year = `regexp_extract(${x}, '((?:19|20)\\d{2})年', 1)`;
  const withYear = `CASE WHEN regexp_matches(k, '\\d{4}') THEN k WHEN ${year} = '' OR NOT regexp_matches(k, '前') THEN NULL
    WHEN regexp_matches(k, '^(1[0-2]|0?[1-9])月') OR regexp_matches(k, '^年[底末]') THEN ${year} || CASE WHEN left(k, 1) = '年' THEN '' ELSE '年' END || k END`;
  const dated = `list_filter(list_transform(regexp_extract_all(${x}, '[^,;。、]+'), lambda k: ${withYear}), lambda k: k IS NOT NULL)`;
  return `CASE WHEN regexp_matches(${x}, '[,;。、]') THEN list_transform(${dated}, lambda k: ${rangePartSql('k', part)}) END`;
}

/**
 * The date map's dates (DOMAIN.md §3.4) over `from`, a query with the compact form of each value
 * as column `c` (see dateCompactSql): adds `d`, the date or a range's end, and `d0`, a range's start.
 * Chinese numerals are written as digits first. A serial counts from the workbook's epoch (DateOptions.date1904). A text of several dates, one per clause
 * (2024年6月底前完成阶段性任务，2024年12月底前全面完成; 2024年6月30日、2024年12月31日), gives the
 * latest as its end (a deadline is when all of it is due) and the earliest as its start. Each step is
 * a column of its own, so every expression is computed once per value.
 */
export function datesOfSql(from: string, opts: Pick<DateOptions, 'date1904'> = {}): string {
  // A date something starts from or comes after (2024年4月起, 2024年6月30日以后) is no end: not read as one.
  const ends = (x: string) => `NOT regexp_matches(${x}, ${str(FROM_DATE)})`;
  const pick = (clauses: string, whole: string, fn: 'list_max' | 'list_min') => {
    const kept = fn === 'list_max' ? (x: string) => `CASE WHEN ${ends(x)} THEN ${dateSql(x, opts)} END` : (x: string) => dateSql(x, opts);
    return `CASE WHEN len(${clauses}) > 1 THEN coalesce(${fn}(list_transform(${clauses}, lambda k: ${kept('k')})), ${kept(whole)}) ELSE ${kept(whole)} END`;
  };
  return `SELECT * EXCLUDE (n, te, ts, ce, cs), ${pick('ce', 'te', 'list_max')} AS d, ${pick('cs', 'ts', 'list_min')} AS d0 FROM (
    SELECT *, ${rangePartSql('n', 'end')} AS te, ${rangePartSql('n', 'start')} AS ts,
      ${datedClausesSql('n', 'end')} AS ce, ${datedClausesSql('n', 'start')} AS cs
    FROM (SELECT *, ${extendedYearSql(fullYearSql(hanDigitsSql('c')))} AS n FROM (${from})))`;
}

// A date something starts from or comes after (2024年4月起, 从2024年4月开始, 2024年6月30日以后, 2024年3月15日起长期坚持;
// not 2024年6月30日前后, around it): as a deadline or a completion it is no date (DOMAIN.md §3.4: anything else is null,
// flagged), though a range's start may be one (2024年3月起至6月底: its start is 3月, its end 6月底).
const FROM_DATE = '(\\d|月|日|号|年|底|末|旬)(起|开始|以后|之后|后)';

// A year written with two digits at the start (24年底前, 24年6月30日), as a hurried cell does: 2024. Only 10 to 39
// followed by a month or the year's end, so no other number is taken for a year (10年内 is a span).
const SHORT_YEAR = '^([1-3][0-9])年(\\d{1,2}月|[底末]|年[底末])';

/** The text with a two-digit year at its start written in full (see SHORT_YEAR). */
function fullYearSql(x: string): string {
  return `regexp_replace(${x}, ${str(SHORT_YEAR)}, '20\\1年\\2')`;
}

// A deadline put back without its year (2023年6月底前（已延期至9月底）): the new month takes the year said
// before it, or the next one when it comes before the old month (2023年12月底前（已延期至3月底）), so the range
// rule reads the new deadline as its end. 未延期至… says the opposite and is left alone.
const EXTENDED = '^(.*?((?:19|20)\\d{2})年.*?[^未不没无](?:延期|延长|推迟|顺延|调整|变更)[^0-9]{0,3}?(?:至|到|为))(\\d{1,2})月';
const FIRST_MONTH = '(?:19|20)\\d{2}年(\\d{1,2})月';

/** The text with a yearless extension's month given its year (see EXTENDED). */
export function extendedYearSql(x: string): string {
  const part = (i: number) => `regexp_extract(${x}, ${str(EXTENDED)}, ${i})`;
  const rollover = `CASE WHEN TRY_CAST(${part(3)} AS INTEGER) < TRY_CAST(regexp_extract(${x}, ${str(FIRST_MONTH)}, 1) AS INTEGER) THEN 1 ELSE 0 END`;
  return `CASE WHEN regexp_matches(${x}, ${str(EXTENDED)})
    THEN ${part(1)} || CAST(CAST(${part(2)} AS INTEGER) + ${rollover} AS VARCHAR) || '年' || ${part(3)} || '月' || regexp_replace(${x}, ${str(EXTENDED)}, '')
    ELSE ${x} END`;
}

/** A DATE expression for a date text (see dateTextSql). */
export function dateSql(x: string, opts: DateOptions = {}): string {
  const a = groups(x, YMD, ['y', 'm', 'd']);
  const b = groups(x, COMPACT, ['y', 'c', 'm', 'd']);
  const c = groups(x, YM, ['y', 'm']);
  const e = groups(x, YEAR_END, ['y', 'w']);
  const f = groups(x, YM_SEP, ['y', 'm']);
  const p = groups(x, PERIOD, ['y', 'h', 'q']);
  const t = groups(x, TEN_DAYS, ['y', 'm', 'w']);
  const quarterEnd = `CASE WHEN ${p}.q IN ('一', '1') THEN '3' WHEN ${p}.q IN ('二', '2') THEN '6' WHEN ${p}.q IN ('三', '3') THEN '9' ELSE '12' END`;
  const whens = [
    `WHEN ${a}.y <> '' THEN ${ymd(`${a}.y`, `${a}.m`, `${a}.d`)}`,
    `WHEN ${b}.y <> '' THEN ${ymd(`${b}.y`, `${b}.m`, `${b}.d`)}`,
    `WHEN ${t}.y <> '' THEN CASE ${t}.w WHEN '上旬' THEN ${ymd(`${t}.y`, `${t}.m`, "'10'")} WHEN '中旬' THEN ${ymd(`${t}.y`, `${t}.m`, "'20'")}
      ELSE last_day(${ymd(`${t}.y`, `${t}.m`, "'1'")}) END`,
    `WHEN ${c}.y <> '' THEN last_day(${ymd(`${c}.y`, `${c}.m`, "'1'")})`,
    `WHEN ${e}.y <> '' THEN ${ymd(`${e}.y`, "'12'", "'31'")}`,
    `WHEN ${f}.y <> '' THEN last_day(${ymd(`${f}.y`, `${f}.m`, "'1'")})`,
    `WHEN ${p}.y <> '' THEN CASE WHEN ${p}.h = '上半年' THEN ${ymd(`${p}.y`, "'6'", "'30'")}
      WHEN ${p}.h = '下半年' THEN ${ymd(`${p}.y`, "'12'", "'31'")} ELSE last_day(${ymd(`${p}.y`, quarterEnd, "'1'")}) END`,
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
  return `coalesce(regexp_matches(${c}, ${str(BY_DATE)}) AND NOT regexp_matches(${c}, ${str(DONE_BY_DATE)}), false)`;
}

/** TRUE when a date text (its compact form) names a month and no day. */
export function monthOnlySql(c: string): string {
  // Chinese numerals as digits first, as the date itself is read: 2024年三月 is a month too.
  return `coalesce(regexp_matches(${hanDigitsSql(c)}, ${str(MONTH_ONLY)}), false)`;
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
