import type { Engine } from '../db/types';
import { ident, num, str, date } from '../queries/sql';
import { LOCAL_UNIT_PATTERN } from '../domain/vocabulary/places';
import { compactCol as x, rawCol } from './normalise/raw';
import { countyGarbageSql, countyNotListedSql } from './normalise/county';
import { decimalUnparsedSql, intUnparsedSql, negativeSql, noDateSql } from './normalise/values';
import { A_DATE } from './normalise/dates';
import type { PreparedSheet } from './prepare';
import { cell } from './staging';

/**
 * Row-level validation (DOMAIN.md §6.1). Each rule is a condition on the normalised table; every
 * hit becomes one issue row. Errors reject the row; warnings keep it; skipped rows (合计, 注,
 * repeated headers) are reported as info. Nothing is dropped without an issue.
 */
export interface Rule {
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** Field key the issue is about ('' for the row as a whole). */
  column: string;
  when: string;
  value: string;
}

/** Dates a ledger can hold: inspection rounds began long after 1990; a deadline past 2099 is a typo. */
export const PLAUSIBLE_DATES = ['1990-01-01', '2099-12-31'] as const;
const DATE_FIELDS = ['feedback_date', 'completion_date', 'closure_date', 'station_start', 'station_end', 'followup_date'];
const INT_FIELDS = ['measure_count', 'evidence_count', 'acc_people_total', 'acc_party_discipline', 'acc_gov_sanction',
  'acc_org_handling', 'acc_admonish', 'acc_light', 'acc_orgs', 'systems_count', 'clue_transferred', 'clue_closed'];
const BOOL_FIELDS = ['key_concern', 'long_term', 'closed', 'in_concentrated_period', 'draw_inferences', 'special_campaign', 'is_prior_round_issue'];

/** Which ledger fields the sheet maps to a column; rules about an unmapped field never fire. */
export type HasField = (key: string) => boolean;

// Raw texts the normalised table already holds as findings columns, so it need not copy them twice.
const RAW_IN_FINDINGS: Record<string, string> = {
  county: 'county_raw', status_raw: 'status_raw', feedback_date: 'feedback_date_raw', completion_date: 'completion_date_raw',
};

/**
 * The raw texts and compact forms the rules read, beyond findings columns: the normalised table
 * carries exactly these (for mapped fields only), since every carried column costs a copy per row.
 */
export function ruleInputs(has: HasField): { raw: string[]; compact: string[] } {
  const raw = ['round_label', 'round_no', 'inspector_level', 'funds_wan', 'category_l2', ...DATE_FIELDS, ...INT_FIELDS, ...BOOL_FIELDS]
    .filter((k) => has(k) && !(k in RAW_IN_FINDINGS));
  const compact = ['funds_wan', ...INT_FIELDS, ...BOOL_FIELDS].filter(has);
  return { raw: [...new Set(raw)], compact };
}

/** The raw text of a field as the normalised table holds it; NULL when the sheet does not map it. */
const rawOf = (has: HasField) => (k: string) => (!has(k) ? 'CAST(NULL AS VARCHAR)' : RAW_IN_FINDINGS[k] ?? rawCol(k));

/** Rules that reject a row: a required value that cannot be derived, or an over-long cell. */
export function errorRules(has: HasField): Rule[] {
  const r = rawOf(has);
  const localUnit = `coalesce(regexp_matches(unit_name, ${str(LOCAL_UNIT_PATTERN)}), false)`;
  return [
    { code: 'cell_too_long', severity: 'error', column: '', when: 'long_col IS NOT NULL', value: "'#' || (long_col + 1)" },
    { code: 'unit_missing', severity: 'error', column: 'unit_name', when: 'unit_name IS NULL', value: 'NULL' },
    { code: 'title_missing', severity: 'error', column: 'problem_title', when: 'problem_title IS NULL', value: 'NULL' },
    // A town or village names no county of its own and is no 市本级 unit: said as such.
    { code: 'county_local_unit', severity: 'error', column: 'county', when: `county IS NULL AND ${localUnit}`, value: 'unit_name' },
    { code: 'county_missing', severity: 'error', column: 'county', when: `county IS NULL AND NOT ${localUnit}`, value: r('county') },
    { code: 'round_missing', severity: 'error', column: 'round_label', when: 'round_key IS NULL',
      value: `coalesce(${r('round_label')}, ${r('round_no')}, ${r('inspector_level')})` },
  ];
}

// Item markers 1 and 2 in order: 1.…2. / 1、…2、 / （1）…（2） / ①…②.
// What the second item's marker contains; a cheap test before the pattern, which most titles fail.
const SECOND_ITEM = ['2.', '2、', '2．', '2)', '2）', '②'];
const SEVERAL_PROBLEMS = '(^|[^0-9.])1[.、．][^0-9].*[^0-9.]2[.、．][^0-9]|[(（]1[)）].*[(（]2[)）]|①.*②';

/** Rules that keep the row but flag it. Per-field checks are generated for mapped fields only. */
export function warningRules(p: { asOf: string; fundsYuanThreshold: number }, has: HasField): Rule[] {
  const r = rawOf(has);
  // 完成时间 holding a time limit (2024年12月底前, 六月底前): the date map's reading (maps.ts `by`), once per distinct text.
  const completionLimit = 'completion_limit';
  const rules: Rule[] = [
    { code: 'ragged_row', severity: 'warning', column: '', when: 'ragged IS NOT NULL', value: 'ragged' },
    { code: 'status_unrecognised', severity: 'warning', column: 'status_raw',
      when: `status IS NULL AND ${r('status_raw')} IS NOT NULL AND NOT coalesce(status_lt, false)`,
      value: r('status_raw') },
    // 长期坚持 alone sets long_term but says nothing of completion: the status stays unknown, said once here.
    { code: 'status_long_term_only', severity: 'warning', column: 'status_raw',
      when: `status IS NULL AND ${r('status_raw')} IS NOT NULL AND coalesce(status_lt, false)`,
      value: r('status_raw') },
    // A status column, or the summary standing in for it, left empty on this row: not completed.
    ...(has('status_raw') ? [{ code: 'status_blank', severity: 'warning' as const, column: 'status_raw',
      when: `${r('status_raw')} IS NULL AND status IS NULL`, value: 'NULL' }] : []),
    // Left empty, but a 完成时间 says when it was done: completed, which the analyst hears of (findings.ts statusByCompletionSql).
    ...(has('status_raw') ? [{ code: 'status_by_completion', severity: 'warning' as const, column: 'status_raw',
      when: `${r('status_raw')} IS NULL AND status = 'completed'`, value: `strftime(completion_date, '%Y-%m-%d')` }] : []),
    { code: 'deadline_unparsed', severity: 'warning', column: 'deadline_raw',
      when: 'deadline IS NULL AND deadline_raw IS NOT NULL AND NOT deadline_word_only AND NOT deadline_immediate AND deadline_rel IS NULL', value: 'deadline_raw' },
    // 6月底前 with no year, 3个月内: dated from the feedback, said so; without a feedback date it stays empty.
    { code: 'deadline_year_assumed', severity: 'warning', column: 'deadline_raw',
      when: 'deadline_rel IS NOT NULL AND deadline IS NOT NULL', value: "deadline_rel_text || ' → ' || CAST(deadline AS VARCHAR)" },
    { code: 'deadline_year_missing', severity: 'warning', column: 'deadline_raw',
      when: 'deadline_rel IS NOT NULL AND deadline IS NULL', value: 'deadline_rel_text' },
    { code: 'deadline_needs_feedback', severity: 'warning', column: 'deadline_raw',
      when: 'deadline IS NULL AND deadline_immediate', value: 'deadline_raw' },
    { code: 'county_unknown', severity: 'warning', column: 'county', when: countyGarbageSql('county'), value: 'county' },
    ...(has('county') ? [{ code: 'county_multiple', severity: 'warning' as const, column: 'county', when: 'county_multiple', value: `${r('county')} || ' → ' || county` }] : []),
    { code: 'county_not_listed', severity: 'warning', column: 'county',
      when: `${countyNotListedSql('county', 'county_code')} AND NOT ${countyGarbageSql('county')}`, value: 'county' },
    // Several numbered problems in one cell (1.…2.…, ①…②, （1）…（2）): one finding, which the analyst hears of.
    { code: 'title_several_problems', severity: 'warning', column: 'problem_title',
      when: `(${SECOND_ITEM.map((m) => `contains(problem_title, ${str(m)})`).join(' OR ')}) AND regexp_matches(problem_title, ${str(SEVERAL_PROBLEMS)})`,
      value: 'problem_title' },
    // A code whose letter is known but whose subcategory is not (A6): counted under the letter.
    // The code may sit in a 问题子类 column beside a 问题类别 of its letter (C | C9).
    { code: 'category_code_unknown', severity: 'warning', column: 'category_l2',
      when: `category_l2 IS NULL AND category_l1 <> 'Z' AND regexp_full_match(coalesce(${r('category_l2')}, category_raw), '[A-Ha-hＡ-Ｈａ-ｈ][0-9０-９]{1,2}')`,
      value: `coalesce(${r('category_l2')}, category_raw)` },
    { code: 'category_unmapped', severity: 'warning', column: 'category_l1', when: "category_l1 = 'Z' AND category_raw IS NOT NULL", value: 'category_raw' },
    // A category text no code, name or heading rule knows (X9, 其他), classed by the title's words instead.
    { code: 'category_from_title', severity: 'warning', column: 'category_l1', when: 'category_by_title AND category_raw IS NOT NULL', value: 'category_raw' },
    // No category text at all: the title's keywords were the only clue, so the title is shown.
    { code: 'category_unmapped_title', severity: 'warning', column: 'problem_title', when: "category_l1 = 'Z' AND category_raw IS NULL",
      value: 'problem_title' },
    // Only when the cell gives no date (empty, /, 暂无, 待定): a date in a form no rule reads (12/31/2023)
    // is named as such (date_invalid), not as missing.
    { code: 'completed_without_date', severity: 'warning', column: 'completion_date',
      when: `status = 'completed' AND completion_date IS NULL AND ${noDateSql(r('completion_date'))}`, value: r('completion_date') },
    // Said to be closed (是否销号 是, 已销号) where the file has a 销号时间 column and the row gives no date (helper-140), neither
    // there nor in its 是否销号 cell (2024年6月30日, 已销号（2024.6.30）: helper-141).
    ...(has('closure_date') ? [{ code: 'closed_without_date', severity: 'warning' as const, column: 'closure_date',
      when: `coalesce(closed, false) AND closure_date IS NULL AND ${noDateSql(r('closure_date'))}
        AND NOT coalesce(regexp_matches(${r('closed')}, ${str(A_DATE)}), false)`, value: r('closure_date') }] : []),
    // A day in 是否销号 that is no closure date (status-date.ts closedCellDaySql: before the feedback, after the as-of date,
    // two dates, a plan), where 销号时间 gives none: the row counts as closed with no date, and the analyst hears why (helper-145).
    ...(has('closed') ? [{ code: 'closed_day_unused', severity: 'warning' as const, column: 'closed',
      when: `coalesce(closed, false) AND closure_date IS NULL AND ${noDateSql(r('closure_date'))}
        AND coalesce(regexp_matches(${r('closed')}, ${str(A_DATE)}), false)`, value: r('closed') }] : []),
    // No 完成时间, the status saying when (已完成（2024.6.30））: that day, which the analyst hears of (status-date.ts).
    ...(has('status_raw') ? [{ code: 'completion_from_status', severity: 'info' as const, column: 'status_raw',
      when: 'completion_from_status', value: `status_raw || ' → ' || strftime(completion_date, '%Y-%m-%d')` }] : []),
    // 完成时间 holding a time limit (2024年12月底前): no completion date; the deadline where none is written (findings.ts).
    ...(has('completion_date') ? [{ code: 'completion_is_limit', severity: 'warning' as const, column: 'completion_date',
      when: completionLimit, value: r('completion_date') }] : []),
    // 完成时间 without its year (6月30日): dated in the feedback's year, or the next (findings.ts), and said so.
    ...(has('completion_date') ? [{ code: 'completion_year_inferred', severity: 'warning' as const, column: 'completion_date',
      when: 'completion_year_inferred', value: `${r('completion_date')} || ' → ' || strftime(completion_date, '%Y-%m-%d')` }] : []),
    // 是否销号 says no while the status text says it was closed (已完成，已销号): the column is read, and the two are shown.
    ...(has('closed') && has('status_raw') ? [{ code: 'closed_conflict', severity: 'warning' as const, column: 'closed',
      when: 'closed_col = false AND coalesce(closed_word, false)', value: r('closed') }] : []),
    { code: 'completion_after_as_of', severity: 'warning', column: 'completion_date',
      when: `completion_date > ${date(p.asOf)}`, value: r('completion_date') },
    // Fed back after the as-of date (a title's 截至 before the round, a mistyped year): the problem is not
    // counted as of that date, so a ledger of such rows shows nothing, and the analyst is told why.
    { code: 'feedback_after_as_of', severity: 'warning', column: 'feedback_date',
      when: `feedback_date > ${date(p.asOf)}`, value: r('feedback_date') },
    { code: 'completion_before_feedback', severity: 'warning', column: 'completion_date',
      when: 'completion_date < feedback_date', value: r('completion_date') },
    // A deadline set before the feedback that set it is most often a mistyped year (2023 for 2024); a
    // feedback date given as a month (2024年3月, read as its last day) is before a deadline in that month.
    { code: 'deadline_before_feedback', severity: 'warning', column: 'deadline_raw',
      when: `deadline < feedback_date AND NOT (deadline >= CAST(date_trunc('month', feedback_date) AS DATE) AND feedback_month)`,
      value: 'deadline_raw' },
  ];
  if (has('funds_wan')) {
    rules.push(
      { code: 'funds_probably_yuan', severity: 'warning', column: 'funds_wan',
        when: `funds_wan > ${num(p.fundsYuanThreshold)}`, value: r('funds_wan') },
      { code: 'number_negative', severity: 'warning', column: 'funds_wan', when: negativeSql(x('funds_wan')), value: r('funds_wan') },
      { code: 'number_invalid', severity: 'warning', column: 'funds_wan',
        when: `NOT ${negativeSql(x('funds_wan'))} AND ${decimalUnparsedSql(x('funds_wan'))}`, value: r('funds_wan') },
    );
  }
  // A date read, but before any ledger or long after (12345 read as an Excel serial is 1933-10-18): a typo to check.
  const implausible = (d: string) => `(${d} < DATE '${PLAUSIBLE_DATES[0]}' OR ${d} > DATE '${PLAUSIBLE_DATES[1]}')`;
  // The cell, and the date read from it where that is written otherwise (12345 → 1933-10-18; not 1899-01-01 → 1899-01-01).
  const readAs = (raw: string, d: string) => `CASE WHEN ${raw} = CAST(${d} AS VARCHAR) THEN ${raw} ELSE ${raw} || ' → ' || ${d} END`;
  for (const k of DATE_FIELDS.filter(has)) {
    // A time limit in 完成时间 (2024年12月底前) is no completion date, and no invalid one: said as such below.
    const limit = k === 'completion_date' ? ` AND NOT ${completionLimit}` : '';
    // A cell saying there is no date (/, 无, 待定, N/A) is none, not an invalid one: a completed item's is completed_without_date.
    rules.push({ code: 'date_invalid', severity: 'warning', column: k, when: `${k} IS NULL AND NOT ${noDateSql(r(k))}${limit}`, value: r(k) });
    rules.push({ code: 'date_implausible', severity: 'warning', column: k, when: implausible(k), value: readAs(r(k), k) });
  }
  rules.push({ code: 'date_implausible', severity: 'warning', column: 'deadline_raw', when: implausible('deadline'), value: readAs('deadline_raw', 'deadline') });
  // A 年度 that holds no four-digit year (19, 今年): the year comes from the dates instead (findings.ts).
  if (has('year')) {
    rules.push({ code: 'year_invalid', severity: 'warning', column: 'year',
      when: 'year_unread IS NOT NULL', value: 'year_unread' });
  }
  for (const k of INT_FIELDS.filter(has)) {
    rules.push({ code: 'number_negative', severity: 'warning', column: k, when: negativeSql(x(k)), value: r(k) });
    rules.push({ code: 'number_invalid', severity: 'warning', column: k,
      when: `NOT ${negativeSql(x(k))} AND ${intUnparsedSql(x(k))}`, value: r(k) });
  }
  for (const k of BOOL_FIELDS.filter(has)) {
    // 是否销号 reads more than a yes or no (同意销号, a date; closedCellSql): unread when that reads nothing.
    rules.push({ code: 'bool_invalid', severity: 'warning', column: k,
      // 是否屡查屡犯 also reads words of a repeat (重复, 首次发现; findings.ts priorRoundSql): unread when they read nothing.
      when: k === 'closed' ? `${r(k)} IS NOT NULL AND closed_col IS NULL`
        : k === 'is_prior_round_issue' ? `${r(k)} IS NOT NULL AND is_prior_round_issue IS NULL`
        : `${r(k)} IS NOT NULL AND NOT regexp_matches(${x(k)}, '^(是|否|已|未|有|无|不|没|√|✓|✔|×|✗|✘|y|n|yes|no|true|false|1|0|对)')`,
      value: r(k) });
  }
  return rules;
}

/** One SELECT per rule, unioned, restricted by `where`. */
export function rulesSql(rules: Rule[], from: string, where: string): string {
  return rules
    .map((x) => `SELECT src_row, ${str(x.column)} AS column_key, CAST(left(${x.value}, 200) AS VARCHAR) AS value,
      ${str(x.severity)} AS severity, ${str(x.code)} AS code FROM ${ident(from)} WHERE (${where}) AND (${x.when})`)
    .join('\nUNION ALL\n');
}

/** The skipped rows, as info issues. */
export function skippedSql(from: string): string {
  return `SELECT src_row, '' AS column_key, CAST(left(first_cell, 200) AS VARCHAR) AS value, 'info' AS severity,
    'row_skipped_' || skip_kind AS code FROM ${ident(from)} WHERE skip_kind IS NOT NULL`;
}

/**
 * The dataset-level warning (row 0) for problems with no year, naming how many: no 年度 column,
 * feedback date or year in the round's name. DOMAIN §6.1 requires the year (#25 counts counties by
 * year; rounds fall back to it for their order). Rows rejected (an error in `issues`) are not
 * imported and not counted. An `issues` row as VALUES text.
 */
export async function yearMissingIssue(engine: Engine, norm: string, issues: string): Promise<string[]> {
  const [{ n }] = await engine.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${ident(norm)} WHERE skip_kind IS NULL AND year IS NULL
    AND src_row NOT IN (SELECT src_row FROM ${ident(issues)} WHERE severity = 'error')`);
  return Number(n) > 0 ? [`(0, 'year', ${str(String(n))}, 'warning', 'year_missing')`] : [];
}

/**
 * The `cell_too_long` issues made readable: the column is the cell's header (具体问题（#7）; #7 where
 * it has none), the value the cell's first hundred characters. The rule knows only the column's
 * number; the cell is read back from the staged sheet for these few rows.
 */
export function longCellsSql(p: PreparedSheet, issues: string): string {
  const cols = Array.from({ length: p.width }, (_, i) => i);
  const label = (i: number) => str(p.headers[i] ? `${p.headers[i]!.slice(0, 100)}（#${i + 1}）` : `#${i + 1}`);
  return `UPDATE ${ident(issues)} SET column_key = CASE ${ident(issues)}.value ${cols.map((i) => `WHEN ${str('#' + (i + 1))} THEN ${label(i)}`).join(' ')} ELSE ${ident(issues)}.value END,
    value = left(CASE ${ident(issues)}.value ${cols.map((i) => `WHEN ${str('#' + (i + 1))} THEN s.${cell(i)}`).join(' ')} END, 100) || '…'
  FROM ${ident(p.table)} s WHERE s.src_row = ${ident(issues)}.src_row AND ${ident(issues)}.code = 'cell_too_long'`;
}
