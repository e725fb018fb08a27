import { num, str } from '../../queries/sql';
import { CHANGE_OPENING, stepClauseSql } from './date-parts';
import { bindSql, groups } from './text';

// Deadlines dated from the feedback (6月底前, 次年6月底前, 3个月内) as codes: the date map reads each distinct
// text once into a code (deadlineCodeSql), and each row dates its code from its own feedback (codedDeadlineSql).

// A deadline that names no year (6月底前, 12月31日前, 6.30前, 6月中旬前, 年底前, 年内, 上半年, 三季度末, 六月底前完成), or
// names it relative to the feedback's (今年6月底前, 次年6月底前, 明年年底前): ledgers written in the feedback's
// year leave it out. The whole text, Chinese numerals as digits (下一年 is 下1年); a completion word and a
// long-term phrase may follow. 6月内 is June, not six months; a month and day with a dot alone (1.5, 6.30) is
// no date, or any decimal would be one: with 日, 前, a completion word or a long-term phrase after it, it is. A change
// may open it (延期至9月底: CHANGE_OPENING), the deadline then the new one.
// In 完成时间 it may be said done (已于12月5日完成, 12月5日（已完成）).
const DONE_WORDS = '完成整改|整改完成|整改完毕|整改到位|完成|办结|完毕';
const DONE = `[(（]?(?:已经?)?(?:全部|全面)?(${DONE_WORDS})?[)）]?`;
const LONG_TERM = '(?:长期坚持|常态化|持续)';
const TAIL = `([,;、。]?并?${LONG_TERM}.*)?[,;、。]?$`;
const YEARLESS = `^(?:${CHANGE_OPENING})?` + '(?:已经?)?于?(?:(今|本)|(次|明|下1?|翌))?(?:年度?)?(?:(\\d{1,2})(?:月(?:(\\d{1,2})[日号]?|(上旬|中旬|下旬))?|([./])(\\d{1,2})([日号])?)|年?(底|末|内|度内|度底|度末)|(上半年|下半年)|第?([1-4])季度)'
  + '(?:底|末|份|内)?(前|以前|之前)?' + DONE + TAIL;
// A span from the feedback (3个月内, 反馈后两个月内完成整改, 收到反馈意见后45天内, 30日内, 半年内, 2周内): not a month (个月, never 6月内).
const SPAN_LENGTH = '(?:(\\d{1,3})|(两)|(半))(个月|年|天|日|周|个星期|星期)(?:内|以内|之内)';
const SPAN = '^(?:自|从)?(?:(?:收到|接到)?(?:巡察|巡视)?(?:反馈|通报|交办|移交)(?:意见)?(?:之日)?(?:后|起|以后))?' + SPAN_LENGTH + DONE + TAIL;
// A span from a date the text names as its start or the feedback's (按照2024年3月15日反馈意见，6个月内完成, 自2024年4月1日起3个月内,
// 以2024年4月1日为起点，3个月内完成,
// 2024年4月起半年内完成); not a span after a day to complete by (2024年6月底前完成，完成后10日内报送材料) or after the
// work is done (2024年6月30日完成整改，10日内报送).
const DATED_SPAN = '^(?:按照|根据|按|自|从|于|以)?((?:19|20)\\d{2})[-/.年](\\d{1,2})(?:[-/.月](\\d{1,2})[日号]?|月)?'
  + '[^,;。、\\d前]{0,12}?(?:起|开始|以后|之后|后|反馈|意见|通报|交办|印发|下发|召开|以来)[^,;。\\d前]{0,8}?[,;。]?[^\\d前]{0,6}?' + SPAN_LENGTH;
// The concentrated period itself (集中整改期内, 巡察集中整改期结束前完成): that many months from the feedback.
// Within it (期内), a long-term phrase may follow (集中整改期内长期坚持: the text is compact, its spaces and line
// breaks gone). During it (期间), only a completion word or a separator comes before one: 集中整改期间长期坚持
// is work kept up from that period on, with no day it is done.
const CONCENTRATED = '^(?:在|于)?(?:巡察|巡视)?(?:反馈后)?集中整改(?:期|阶段)(?:(?:内|以内|之内|结束前|结束之前|满前)?' + DONE + TAIL
  + `|(?:间|期间)(?:[(（]?(?:已经?)?(?:${DONE_WORDS})[)）]?${TAIL}|[,;、。]并?${LONG_TERM}.*$|[,;、。]?$))`;
// What a coded deadline can start with (its digits already written as such): the patterns run on no other text.
const CODED_START = '^[0-9今本年次明下翌上第自从巡反通交移两半已于在集收接延推顺调变改经申]';

/**
 * The codes of a deadline dated from its feedback (deadlineCodeSql; codedDeadlineSql reads them), by
 * kind (code // 10000) with month × 100 + day (day 0: the month's end) or a count n below it:
 * kind 0, the day's first date on or after the feedback; 1, that day in the feedback's year (今年);
 * 2, in the year after it (次年); 3, n months after the feedback; 4, n days after it.
 */
const DEADLINE_KIND = { FIRST_ON_OR_AFTER: 0, THIS_YEAR: 1, NEXT_YEAR: 2, MONTHS: 3, DAYS: 4 } as const;
const KIND = 10000;
// Spans past ten years are no deadline.
const MAX_SPAN = { months: 120, days: 3650 };

/** A span's length (groups n, two, half and unit of SPAN_LENGTH) in months or, short of a month, in days. */
function spanLength(s: string): { months: string; days: string } {
  const n = `CASE WHEN ${s}.two <> '' THEN 2 ELSE TRY_CAST(NULLIF(${s}.n, '') AS INTEGER) END`;
  return {
    months: `CASE WHEN ${s}.unit = '年' THEN CASE WHEN ${s}.half <> '' THEN 6 ELSE 12 * ${n} END
      WHEN ${s}.unit = '个月' AND ${s}.half = '' THEN ${n} END`,
    days: `CASE WHEN ${s}.unit = '个月' AND ${s}.half <> '' THEN 15 WHEN ${s}.unit IN ('天', '日') THEN ${n}
      WHEN ${s}.unit IN ('周', '个星期', '星期') THEN 7 * ${n} END`,
  };
}

/**
 * A deadline dated from its feedback (YEARLESS, SPAN, CONCENTRATED) as its code (see DEADLINE_KIND); NULL
 * for any other text. `h` is the compact form with Chinese numerals as digits (hanDigitsSql: 六月底前,
 * 三个月内); `concentratedMonths` the concentrated period's length (concentratedPeriodMonths), a span of
 * months in the code.
 */
export function deadlineCodeSql(h: string, concentratedMonths: number): string {
  // Each struct of groups is bound once (bindSql), not extracted again at each field read.
  const [g, s] = ['st_yg', 'st_sg'];
  const m = `CASE WHEN ${g}.end <> '' OR ${g}.half = '下半年' THEN 12 WHEN ${g}.half = '上半年' THEN 6 WHEN ${g}.q <> '' THEN 3 * CAST(${g}.q AS INTEGER)
    ELSE TRY_CAST(NULLIF(${g}.m, '') AS INTEGER) END`;
  // Thirds of a month as dateSql reads them: 上旬 the 10th, 中旬 the 20th, 下旬 the month's end.
  const d = `CASE ${g}.w WHEN '上旬' THEN 10 WHEN '中旬' THEN 20 ELSE coalesce(TRY_CAST(NULLIF(${g}.d || ${g}.d2, '') AS INTEGER), 0) END`;
  const kind = `CASE WHEN ${g}.next <> '' THEN ${DEADLINE_KIND.NEXT_YEAR} WHEN ${g}.this <> '' THEN ${DEADLINE_KIND.THIS_YEAR} ELSE ${DEADLINE_KIND.FIRST_ON_OR_AFTER} END`;
  const bareDecimal = `${g}.sep = '.' AND (${g}.day || ${g}.before || ${g}.done || ${g}.lt) = ''`;
  const dated = bindSql(groups(h, YEARLESS, ['this', 'next', 'm', 'd', 'w', 'sep', 'd2', 'day', 'end', 'half', 'q', 'before', 'done', 'lt']), g,
    `CASE WHEN ${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 0 AND 31 AND NOT (${bareDecimal}) THEN ${kind} * ${KIND} + ${m} * 100 + ${d} END`);
  const { months, days } = spanLength(s);
  const span = `CASE WHEN ${months} BETWEEN 1 AND ${MAX_SPAN.months} THEN ${DEADLINE_KIND.MONTHS * KIND} + ${months}
    WHEN ${days} BETWEEN 1 AND ${MAX_SPAN.days} THEN ${DEADLINE_KIND.DAYS * KIND} + ${days} END`;
  return `CASE WHEN regexp_matches(${h}, ${str(CODED_START)}) THEN ${bindSql(groups(h, SPAN, ['n', 'two', 'half', 'unit', 'done', 'lt']), s,
    `CASE WHEN ${s}.unit <> '' THEN ${span} WHEN regexp_matches(${h}, ${str(CONCENTRATED)}) THEN ${DEADLINE_KIND.MONTHS * KIND} + ${num(Math.trunc(concentratedMonths))}
      ELSE ${dated} END`)} END`;
}

/**
 * deadlineCodeSql of the text, else of its last clause where clauses part it, each a day without its year
 * (6月底前⏎12月底前, 6月底前、12月底前: the last, as the latest of dated clauses is read). It was unparsed (helper-131).
 */
export function clausesCodeSql(h: string, concentratedMonths: number): string {
  return `coalesce(${deadlineCodeSql(h, concentratedMonths)}, CASE WHEN regexp_matches(${h}, '[;；、]')
    THEN ${deadlineCodeSql(`regexp_extract(${h}, '[^;；、]+$')`, concentratedMonths)} END)`;
}

// A clause that opens with a limit by a day without its year (12月底前全面完成, 年底前全面完成, 9月底前完成整改, 12月底全部完成).
const LIMIT_HEAD = '^(?:(?:1[0-2]|0?[1-9])月(?:[0-9]{1,2}[日号]|底|末|[上中下]旬)?(?:以|之)?前|(?:1[0-2]|0?[1-9])月[底末]|年[底末](?:以|之)?前?)';
// What a list of such limits cannot be read by its order with: a year, a later year's or a changed limit (次年3月底前, 延期至9月底).
const NOT_IN_ORDER = '(19|20)[0-9]{2}|次年|明年|翌年|下1?年|延期|延长|延至|推迟|顺延|调整|变更|提前|改为|改至';
// A clause naming a month or period that does not open with a limit (剩余部分年底前完成, 7月开展): no list of limits; but for one that
// starts something beside them (7月起常态化开展).
const OTHER_DATE = '[0-9]{1,2}月|年[底末]|季度|[上下]半年|旬';
const STARTS = '^[0-9]{1,2}月([0-9]{1,2}[日号])?(起|开始)';
// A clause saying its work is done (5月底前已完成整改): a day done by, no time limit.
const SAID_DONE = '已|整改到位|整改完毕';

/** The clauses of a text of two or more (limitClausesCodeSql): none for one clause, a full stop after it or not (5月底整改完毕。). */
const clausesOf = (h: string) => `list_filter(regexp_extract_all(${h}, '[^,;；、。]+'), lambda k: trim(k) <> '')`;

/**
 * The clauses of `h` that open with a limit (LIMIT_HEAD), steps after the work left out, as a list (limitClausesCodeSql and
 * limitClausesByDateSql read it); NULL where NOT_IN_ORDER or OTHER_DATE says no list of limits can be read by its order.
 */
export function limitClausesSql(h: string): string {
  // Each clause is tested once (a struct of its tests), the clauses split once (bindSql).
  const tested = (l: string) => `list_transform(${l}, lambda k: {'k': k, 'limit': regexp_matches(k, ${str(LIMIT_HEAD)}) AND NOT ${stepClauseSql('k')},
    'other': NOT regexp_matches(k, ${str(LIMIT_HEAD)}) AND NOT ${stepClauseSql('k')} AND regexp_matches(k, ${str(OTHER_DATE)})
      AND NOT regexp_matches(k, ${str(STARTS)})})`;
  return `CASE WHEN NOT regexp_matches(${h}, ${str(NOT_IN_ORDER)}) THEN ${bindSql(tested(clausesOf(h)), 'st_cl', `CASE WHEN len(st_cl) >= 2
    AND NOT list_bool_or(list_transform(st_cl, lambda st_t: st_t.other))
    THEN list_transform(list_filter(st_cl, lambda st_t: st_t.limit), lambda st_t: st_t.k) END`)} END`;
}

/**
 * The code (deadlineCodeSql) of the latest of the limits `l` (limitClausesSql) that open a text's clauses, words after each
 * (6月底前完成阶段性整改，12月底前全面完成: 12月底前), steps after the work left out (…，7月底前报送整改报告); NULL but where every
 * such clause is a day in the year (no 次年, no change, no year: NOT_IN_ORDER), no other clause names a date, and they run in
 * order, so the last is the latest (helper-148, helper-149).
 */
export function limitClausesCodeSql(l: string, concentratedMonths: number): string {
  const codes = `list_transform(${l}, lambda k: ${deadlineCodeSql(`regexp_extract(k, ${str(LIMIT_HEAD)})`, concentratedMonths)})`;
  // Ordered by the day, a month's end (day 0) after its other days.
  const keys = (c: string) => `list_transform(${c}, lambda st_c: CASE WHEN st_c % 100 = 0 THEN st_c + 99 ELSE st_c END)`;
  return bindSql(codes, 'st_lc', `CASE WHEN len(st_lc) >= 1 AND list_bool_and(list_transform(st_lc, lambda st_c: coalesce(st_c < ${KIND}, false)))
      AND ${keys('st_lc')} = list_sort(${keys('st_lc')}) THEN st_lc[-1] END`);
}

/**
 * TRUE when the last of the limits `l` (limitClausesSql) is by a day (前) and not said done (正在推进，9月底前完成; not 5月底全部完成，
 * 6月底验收, nor 5月底前已完成整改，并建立长效机制): with its code read, in a 完成时间 a time limit, not the day the work was done (maps.ts).
 */
export function limitClausesByDateSql(l: string): string {
  return bindSql(`${l}[-1]`, 'st_ll', `coalesce(contains(regexp_extract(st_ll, ${str(LIMIT_HEAD)}), '前') AND NOT regexp_matches(st_ll, ${str(SAID_DONE)}), false)`);
}

// A note in brackets of a year or a change (6月底前（2025年）, 6月底前（已延期至9月底）): a yearless limit is read with it, where no rule
// reads one, not without it (helper-149); another note (6月底前（已完成80%）, 5月20日（已销号）) is left out (helper-152).
const DATED_NOTE = `[(【\\[][^)】\\]]*(${NOT_IN_ORDER})`;

/** The text a yearless limit's code is read from: `h` where a bracket holds a year or a change (DATED_NOTE), else `ho`, without its notes. */
export function yearlessTextSql(h: string, ho: string): string {
  return `CASE WHEN regexp_matches(${h}, ${str(DATED_NOTE)}) THEN ${h} ELSE ${ho} END`;
}

/**
 * The date of a deadline coded by deadlineCodeSql, `code`. A month and day is its first date on or
 * after `from`, the feedback date (6月底前 fed back on 2024-03-15 is 2024-06-30; fed back on
 * 2024-08-01, 2025-06-30), or in `from`'s year (今年) or the next (次年); a span counts from
 * `feedback` as 立行立改 does. NULL without a feedback date, or for a day the month never has (2月30日).
 * With `notAfter` (a completion day, which cannot be after the ledger's as-of date), a day whose
 * next-year date would be after it stays in `from`'s year, before `from`.
 */
export function codedDeadlineSql(code: string, from: string, feedback: string, notAfter?: string): string {
  const md = `(${code} % ${KIND})`;
  // 2月29日 in a year without it is the month's last day (the year is ours, not the ledger's).
  const on = (year: string) => `CASE WHEN ${md} % 100 = 0 OR ${md} = 229 THEN last_day(make_date(${year}, ${md} // 100, 1))
    ELSE TRY_CAST(printf('%04d-%02d-%02d', ${year}, ${md} // 100, ${md} % 100) AS DATE) END`;
  // The date counted from is bound once (bindSql), for the rows with a code only: written out it is read ten times.
  const y = 'year(st_df)';
  const same = on(y);
  const K = DEADLINE_KIND;
  return `CASE WHEN ${code} IS NULL OR ${feedback} IS NULL THEN NULL ELSE ${bindSql(from, 'st_df', `CASE ${code} // ${KIND}
    WHEN ${K.DAYS} THEN CAST(${feedback} + ${md} AS DATE)
    WHEN ${K.MONTHS} THEN CAST(${feedback} + to_months(${md}) AS DATE)
    WHEN ${K.NEXT_YEAR} THEN ${on(`${y} + 1`)}
    WHEN ${K.THIS_YEAR} THEN ${same}
    ELSE CASE WHEN ${same} >= st_df${notAfter ? ` OR ${on(`${y} + 1`)} > ${notAfter}` : ''} THEN ${same}
      ELSE ${on(`${y} + 1`)} END END`)} END`;
}

/**
 * TRUE when a deadline code (deadlineCodeSql) names a day of the year without the year (6月30日, 12月5号,
 * 6月30日已完成, 6月下旬, 6月底, 上半年; not a span): in a 完成时间 column, a day without its year, dated
 * from the feedback as a yearless deadline is, and read as dateSql reads the same text with its year
 * (2024年6月下旬, 2024年上半年: the period's last day). The same reading as the deadline's, so the two
 * never disagree.
 */
export function yearlessDaySql(code: string): string {
  return `coalesce(${code} // ${KIND} <= ${DEADLINE_KIND.NEXT_YEAR}, false)`;
}

/** The parts of a span from a named start (DATED_SPAN) as a struct, for datedSpanSql; `h` as deadlineCodeSql's. */
export function datedSpanPartsSql(h: string): string {
  return groups(h, DATED_SPAN, ['y', 'm', 'd', 'n', 'two', 'half', 'unit']);
}

/**
 * The deadline a span from a named start gives, as a DATE, from its parts `g` (a column of datedSpanPartsSql); NULL
 * for any other text. From a day, as a span from the feedback counts (2024-03-15 + 6个月 = 2024-09-15); from a month,
 * its first day, the span's last day (2024年4月起3个月内 = 2024-06-30).
 */
export function datedSpanSql(g: string): string {
  const { months, days } = spanLength(g);
  const start = `TRY_CAST(${g}.y || '-' || lpad(${g}.m, 2, '0') || '-' || lpad(coalesce(NULLIF(${g}.d, ''), '1'), 2, '0') AS DATE)`;
  const span = `CASE WHEN ${months} BETWEEN 1 AND ${MAX_SPAN.months} THEN to_months(${months}) WHEN ${days} BETWEEN 1 AND ${MAX_SPAN.days} THEN to_days(${days}) END`;
  return `CASE WHEN ${g}.unit <> '' THEN CAST(${start} + ${span} - CASE WHEN ${g}.d = '' THEN INTERVAL 1 DAY ELSE INTERVAL 0 DAY END AS DATE) END`;
}

/** TRUE when a text (as datedSpanSql's) is a span from a named start (DATED_SPAN): a time limit, never a completion day. */
export function datedSpanTextSql(h: string): string {
  return `regexp_matches(${h}, ${str(DATED_SPAN)})`;
}
