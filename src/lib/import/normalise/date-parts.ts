import { str } from '../../queries/sql';
import { groups } from './text';

/**
 * Which part of a date text names the date (DOMAIN.md §3.4): one end of a range, each clause of a text of
 * several dates, the new deadline of one changed. dates.ts reads the date of the part.
 */

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
  // Written as a range the rule declines, with a month after the dash (2024.4.1-6, 2024.11-2, 2024.4-3): no date, since
  // it may be either end; a day after it (2024.6-30) is a date with mixed separators.
  const declined = `${t}.sep <> '' AND TRY_CAST(${t}.m2 AS INTEGER) BETWEEN 1 AND 12`;
  return `CASE WHEN ${r}.tail <> '' THEN ${whole} WHEN ${o}.tail <> '' THEN ${one} WHEN ${m}.tail <> '' THEN ${months}
    WHEN ${z}.w <> '' THEN ${toYearEnd} WHEN ${dots} THEN ${dotted} WHEN ${declined} THEN NULL ELSE ${x} END`;
}

// What divides a text into clauses, each read for a date of its own: punctuation, and 和, 及, 与 between two dates
// (2024年6月和12月; 2024年6月底前完成制度建设和人员培训 has one).
const CLAUSE_MARKS = ',;。、和及与';

/**
 * The range part (rangePartSql) of each clause of a text that holds a year, as a list; NULL for one clause.
 * A later clause that sets a limit by a month or the year's end without the year (2024年6月底前完成80%，年底前
 * 全部完成; …，12月底前全面完成), or is a month and nothing else (2024年6月和12月, 2024年6月、12月), is in the year
 * the text names first; one that only dates a step (…，6月开展回头看) is no date of the item's.
 */
export function datedClausesSql(x: string, part: 'start' | 'end'): string {
  const year = `regexp_extract(${x}, '((?:19|20)\\d{2})年', 1)`;
  const limit = `(regexp_matches(k, '前') OR regexp_full_match(k, '(1[0-2]|0?[1-9])月(\\d{1,2}[日号]|底|末)?'))`;
  const withYear = `CASE WHEN regexp_matches(k, '\\d{4}') THEN k WHEN ${year} = '' OR NOT ${limit} THEN NULL
    WHEN regexp_matches(k, '^(1[0-2]|0?[1-9])月') OR regexp_matches(k, '^年[底末]') THEN ${year} || CASE WHEN left(k, 1) = '年' THEN '' ELSE '年' END || k END`;
  const dated = `list_filter(list_transform(regexp_extract_all(${x}, ${str(`[^${CLAUSE_MARKS}]+`)}), lambda k: ${withYear}), lambda k: k IS NOT NULL)`;
  return `CASE WHEN regexp_matches(${x}, ${str(`[${CLAUSE_MARKS}]`)}) THEN list_transform(${dated}, lambda k: ${rangePartSql('k', part)}) END`;
}

// A deadline changed (2024年6月底前（已延期至9月底）; 原定2024年12月底前，现提前至2024年9月底前; 调整为2024年9月底): the
// word of change and what follows it, a date first. A month without its year takes the year said before it, or the
// next one when it comes before the old month (2023年12月底前（已延期至3月底）), or, brought forward (提前), the one
// before when it comes after it (原定2025年3月底前，现提前至12月底前 → 2024年12月).
// 未延期至… says the opposite and is left alone; 调整为长期整改 names no date and changes none.
const CHANGE_WORD = '(?:^|[^未不没无])(延期|延长|推迟|顺延|调整|变更|提前|改)[^0-9]{0,3}?(?:至|到|为)';
const EXTENDED = `^(.*?((?:19|20)\\d{2})年.*?${CHANGE_WORD})(\\d{1,2})月`;
const CHANGED = `${CHANGE_WORD}([^0-9]{0,4}?(?:(?:19|20)\\d{2}|(?:1[0-2]|0?[1-9])月).*)$`;
const FIRST_MONTH = '(?:19|20)\\d{2}年(\\d{1,2})月';

/** The text with a yearless changed month given its year (see CHANGE_WORD). */
export function extendedYearSql(x: string): string {
  const g = groups(x, EXTENDED, ['head', 'y', 'w', 'm']);
  const [m, old] = [`TRY_CAST(${g}.m AS INTEGER)`, `TRY_CAST(regexp_extract(${x}, ${str(FIRST_MONTH)}, 1) AS INTEGER)`];
  const rollover = `CASE WHEN ${g}.w = '提前' THEN CASE WHEN ${m} > ${old} THEN -1 ELSE 0 END WHEN ${m} < ${old} THEN 1 ELSE 0 END`;
  return `CASE WHEN regexp_matches(${x}, ${str(EXTENDED)})
    THEN ${g}.head || CAST(CAST(${g}.y AS INTEGER) + ${rollover} AS VARCHAR) || '年' || ${g}.m || '月' || regexp_replace(${x}, ${str(EXTENDED)}, '')
    ELSE ${x} END`;
}

/**
 * The new deadline of a changed one (see CHANGE_WORD: what follows the last word of change, a year or a month first),
 * else the text. A later change without its year (…延期至9月底，再次延期至12月底) is in the year the text names first;
 * one in a year named by a word (顺延至次年3月底) is left to read as no date.
 */
export function changedDeadlineSql(x: string): string {
  const tail = `regexp_extract(${x}, ${str('^.*' + CHANGED)}, 2)`;
  const year = `regexp_extract(${x}, '((?:19|20)\\d{2})年', 1)`;
  const dated = `CASE WHEN regexp_matches(${tail}, '(19|20)\\d{2}|年') OR ${year} = '' THEN ${tail} ELSE ${year} || '年' || regexp_replace(${tail}, '^[^0-9]*', '') END`;
  return `CASE WHEN regexp_matches(${x}, ${str(CHANGED)}) THEN ${dated} ELSE ${x} END`;
}
