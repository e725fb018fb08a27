import { FINDINGS_COLUMNS } from '../../db/schema';
import { date, ident, num, str } from '../../queries/sql';
import { COUNTIES } from '../../domain/counties';
import { LOCAL_UNIT_PATTERN } from '../../domain/vocabulary/places';
import { compactCol as x, rawCol as r } from './raw';
import { categoryByTitleSql, categoryL1Sql, categoryL2Sql, titleL2CandidateSql } from './category';
import { countyCodeSql } from './county';
import { DATE_KEYS, mappedCountySql, mappedDateCol, mappedFromSql, namedCountySql, type ValueMaps } from './maps';
import { normTitleSql, titleNumbersSql } from './names';
import { cleanLineSql, cleanSql, compactSql } from './text';
import { codedDeadlineSql } from './deadline-code';
import { longTermFlagSql, rectTypeSql, sourceSql } from './kinds';
import { scratchTable } from '../staging';
import { closedCellSql } from './status';
import { PLAN_WORDS, closedCellDaySql, statusDaySql } from './status-date';
import { boolSql, evidenceCountSql, fundsWanSql, intSql, noneAsNullSql, noneSql, yearSql } from './values';

/**
 * Step two: every findings column (src/lib/db/schema.ts) computed in SQL from the raw table and
 * the round lookup, raw text kept beside each normalised value. Built in layers so each
 * expression reads columns, not copies of other expressions. `finding_id` is assigned at commit.
 */
export interface NormaliseContext {
  datasetId: string;
  sheet?: string;
  immediateFixDays: number;
  concentratedPeriodMonths: number;
  /** County from the caller's hint or the sheet/file name, used when the row has none. */
  fallbackCounty?: string;
  /** 金华开发区 or 市本级 as a sheet, title or file name says it: for rows neither a column nor the unit places. */
  namedPlace?: string;
  /** Units stacked in the sheet: a county the unit's name states comes before fallbackCounty (mappedCountySql). */
  unitsFirst?: boolean;
  /** What a bare number in the amount column is worth in 万元, from its header's unit (fundsWanSql). */
  fundsScale?: number;
  /** The as-of date the caller or the sheet states (title, filer line), when one does. */
  asOf?: string;
  /** Today's date (the engine has no clock without ICU): a completion day without its year is never after it. */
  today?: string;
  /** The sheet has a 佐证材料 or 佐证数量 column: a blank cell there is no evidence (0), not unknown. */
  evidenceColumn?: boolean;
  /** The sheet has a status column: a row that leaves it blank but gives a 完成时间 was completed then (statusByCompletionSql). */
  statusColumn?: boolean;
  /** The sheet has a 是否销号 column and a day in some cell of it: a day written there is the closure date (closedCellDaySql). */
  closedColumn?: boolean;
}

/**
 * 完成时间 written as a month alone (2024年8月, 2024.8) reads as the month's last day; in a ledger
 * stated as of a day of that month (截至2024年8月15日) the item was completed by that day, so the
 * date is the as-of date, not a day after it (which would make a completed item not completed at
 * the ledger's own date). A day written out stays as written, and is warned when after the as-of date.
 */
function completionDateSql(c: NormaliseContext): string {
  if (!c.asOf) return 'dd_completion_date';
  const asOf = date(c.asOf);
  return `CASE WHEN dm_completion_date AND dd_completion_date > ${asOf} AND date_trunc('month', dd_completion_date) <= ${asOf}
    THEN ${asOf} ELSE dd_completion_date END`;
}

/**
 * The status: as its text reads (the status map), or, where the row leaves its status cell blank in a sheet that has one
 * but writes a 完成时间 that is a day (no time limit, no plan: 预计2024年6月30日, 2024.6.30（计划）) not after the as-of date or
 * today, completed: the ledger says when it was done (helper-130: such a row counted as not completed, and overdue). So is a
 * day it says the work was really done beside a limit (dr: 2024年6月底前，2024年7月10日完成整改; helper-158).
 * Warned (validate.ts status_by_completion).
 */
function statusByCompletionSql(c: NormaliseContext): string {
  const until = c.asOf ?? c.today;
  if (!c.statusColumn) return 'status_read';
  return `CASE WHEN status_read IS NULL AND ${r('status_raw')} IS NULL AND (dr_completion_date IS NOT NULL OR dd_completion_date IS NOT NULL AND NOT coalesce(db_completion_date, false)
      AND NOT regexp_matches(${r('completion_date')}, ${str(PLAN_WORDS)}))
      ${until ? `AND coalesce(dr_completion_date, dd_completion_date) <= ${date(until)}` : ''} THEN 'completed' ELSE status_read END`;
}

/**
 * TRUE unless the day a date map's text (alias `m`) says done without 已 or 实际 (its `ip`: 2024年6月底前，2024年7月10日完成整改) is not
 * held to be done: the row's status says the work is not done (but for a long-term item, whose work goes on after it: …，2024年7月10日
 * 完成整改，后续持续巩固), or the day is after the as-of date (or today). Then the text is a plan
 * of two limits, whose later one is the deadline and no completion day (helper-157: 2024年6月底前，2024年12月15日完成整改 while
 * 正在整改; 2024年12月底前，2025年3月15日完成整改).
 */
function doneDayHeldSql(m: string, c: NormaliseContext): string {
  const until = c.asOf ?? c.today;
  const goesOn = `ms.status NOT IN ('completed', 'basically_completed') AND NOT coalesce(${m}.lt OR ms.lt, false)`;
  return `NOT coalesce(${m}.ip AND (${goesOn}${until ? ` OR ${m}.dr > ${date(until)}` : ''}), false)`;
}

/** A deadline's date map (alias `m`) read as the row's deadline: its end, or the later day of a plan (doneDayHeldSql). */
function heldDeadlineSql(m: string, c: NormaliseContext): string {
  return `CASE WHEN ${doneDayHeldSql(m, c)} THEN ${m}.d ELSE greatest(${m}.d, ${m}.dr) END`;
}

const INT_KEYS = ['measure_count', 'acc_people_total', 'acc_party_discipline', 'acc_gov_sanction', 'acc_org_handling', 'acc_admonish',
  'acc_light', 'acc_orgs', 'systems_count', 'clue_transferred', 'clue_closed'];
const BOOL_KEYS = ['key_concern', 'draw_inferences', 'special_campaign', 'is_prior_round_issue'];
// A 是否屡查屡犯 cell that names the kind of problem, not yes or no: 重复, 屡查屡犯, 上轮问题, 属于上轮问题, 反弹 say it is a
// repeat, 首次, 新发现, 非重复 that it is not.
const priorRoundSql = (x: string) => `CASE WHEN regexp_matches(${x}, '^(重复|屡查屡犯|屡改屡犯|屡禁不止|反复|反弹|上轮|前轮|往轮|(属于?|系|是)上轮)') THEN true
  WHEN regexp_matches(${x}, '^(首次|新发现|新问题|新增|本轮新|非(重复|上轮))') THEN false ELSE ${boolSql(x)} END`;
const TEXT_KEYS = ['problem_detail', 'root_cause', 'rectify_goal', 'measures', 'completion_summary', 'evidence', 'remarks', 'aspect_raw', 'status_raw'];
// One-line names and titles: a line break inside one between Chinese characters is no space (cleanLineSql).
const LINE_KEYS = new Set(['unit_name', 'problem_title']);
const CLEAN_KEYS = ['mode', 'team', 'unit_name', 'unit_type', 'focus4', 'problem_title', 'key_concern_case', 'resp_unit',
  'resp_leader', 'resp_person', 'followup_result', 'disclose'];

// A town, street or village (横店镇党委, 西城街道, 某某村) is never city-level: its county must be given.
const CITY_BY_ROUND = `CASE WHEN lk.committee = '金华市' AND ${r('unit_name')} IS NOT NULL AND NOT regexp_matches(${r('unit_name')}, ${str(LOCAL_UNIT_PATTERN)}) THEN '市本级' END`;
// A county committee's round (十五届永康市委第三轮巡察) inspects that county's units only: a row whose cells name no
// county is its, also where the unit is written 市财政局 (that 县级市's own department, not 市本级).
const COUNTY_BY_ROUND = `CASE WHEN lk.committee IN (${COUNTIES.filter((c) => c.kind !== '市本级').map((c) => str(c.name)).join(', ')}) THEN lk.committee END`;

// A problem title that names none (/, 无, —: a placeholder row, 兰溪市民政局 | 无) is no title: the row is rejected
// (title_missing), named in the report, not stored as an open problem called / (helper-134).
// Only short cells (18 bytes: （不涉及）) reach the pattern (CASE runs a branch on the rows the ones before leave).
const placeholderTitle = (k: string, cleaned: string) => (k !== 'problem_title' ? cleaned
  : `CASE WHEN ${x(k)} IS NULL OR strlen(${x(k)}) > 18 THEN ${cleaned} WHEN ${noneSql(x(k))} THEN NULL ELSE ${cleaned} END`);

/** Layer 1: values that need only the row's own cells and the maps. */
const DATED_BY_FEEDBACK = `dd_deadline IS NULL AND dd_deadline_raw IS NULL AND NOT coalesce(di_deadline, false) AND NOT coalesce(di_deadline_raw, false)
      AND coalesce(dy_deadline_raw, dy_deadline) IS NOT NULL`;

// What a 完成时间 without its year (6月30日) is dated from: the row's feedback date (a month alone from its
// first day), else the first day of the round's year. The day is the first such on or after it.
const YEARLESS_FROM = `CASE WHEN dm_feedback_date THEN CAST(date_trunc('month', dd_feedback_date) AS DATE)
  ELSE coalesce(dd_feedback_date, make_date(CAST(lk.round_year AS INTEGER), 1, 1)) END`;

/**
 * 完成时间 without its year (6月30日), dated from YEARLESS_FROM; never after the ledger's as-of date (or,
 * with none stated, today): a day that would be is the feedback year's, before the feedback (an item
 * fixed during the inspection), not a day still to come.
 */
function yearlessCompletionSql(c: NormaliseContext): string {
  const last = c.asOf ?? c.today;
  return `CASE WHEN dyd_completion_date THEN ${codedDeadlineSql('dy_completion_date', YEARLESS_FROM, YEARLESS_FROM, last ? date(last) : undefined)} END`;
}

// A time limit without its year in 完成时间 (6月底前) where no deadline is written: the deadline, dated from the feedback.
const LIMIT_BY_FEEDBACK = `${r('deadline_raw')} IS NULL AND ${r('deadline')} IS NULL AND coalesce(db_completion_date, false)
      AND dd_completion_date IS NULL AND dy_completion_date IS NOT NULL`;

function layer1(c: NormaliseContext, absent: Set<string>): string {
  // A column left out of the table (absentColumns) is NULL in every row: its normaliser is not written
  // out, since the engine would still plan it (most of a small sheet's time goes to planning).
  const unless = (k: string, type: string, sql: () => string) => (absent.has(k) ? `CAST(NULL AS ${type})` : sql());
  return [
    `${str(c.datasetId)} AS dataset_id`,
    `${statusByCompletionSql(c)} AS status`,
    `${c.sheet === undefined ? 'CAST(NULL AS VARCHAR)' : str(c.sheet)} AS source_sheet`,
    'src_row AS source_row',
    'lk.round_key, lk.inspector_level, lk.inspection_kind, lk.term, lk.round_no, lk.round_label, lk.round_year',
    `${r('county')} AS county_raw`,
    // A unit of a 金华市委 round that names no county is a city-level unit (DOMAIN.md §5.1: 市本级 are
    // the units 市委巡察组 inspect); the report says how many rows were placed so.
    `coalesce(county_named, ${COUNTY_BY_ROUND}, county_found, ${CITY_BY_ROUND}) AS county`,
    `(county_found IS NULL AND ${CITY_BY_ROUND} IS NOT NULL) AS county_by_round`,
    ...CLEAN_KEYS.map((k) => `${unless(k, 'VARCHAR', () => placeholderTitle(k, (LINE_KEYS.has(k) ? cleanLineSql : cleanSql)(r(k))))} AS ${k}`),
    ...TEXT_KEYS.map((k) => `${r(k)} AS ${k}`),
    // A station period in one column (进驻时间 2023.3.1-2023.4.30) gives the end too.
    ...DATE_KEYS.filter((k) => !k.startsWith('deadline')).map((k) =>
      k === 'station_end' ? `coalesce(dd_station_end, station_range_end) AS station_end`
        // A day a note says the work was really done (2024年6月（实际2024年7月10日完成）) is the day, before any other reading.
        : k === 'completion_date' ? `coalesce(dr_completion_date, CASE WHEN NOT coalesce(db_completion_date, false) THEN coalesce(${completionDateSql(c)},
            ${yearlessCompletionSql(c)}) END, ${statusDaySql(k, c.asOf ?? c.today)}) AS completion_date`
        // 已销号（2024.6.30） with no 销号时间 cell: the day it was closed. A time limit there (2024年12月底前) is no day it was
        // closed (helper-141: stored as closed on 2024-12-31), as it is none in 完成时间.
        // A day in 是否销号 (2024年6月30日) likewise.
        : k === 'closure_date' ? `coalesce(CASE WHEN NOT coalesce(db_closure_date, false) THEN dd_closure_date END,
            ${c.closedColumn ? `${closedCellDaySql(x('closed'), closedCellSql(x('closed')), c.asOf ?? c.today)}, ` : ''}${statusDaySql(k, c.asOf ?? c.today)}) AS closure_date`
        : `${ident('dd_' + k)} AS ${k}`),
    ...BOOL_KEYS.map((k) => `${unless(k, 'BOOLEAN', () => (k === 'is_prior_round_issue' ? priorRoundSql : boolSql)(x(k)))} AS ${k}`),
    ...INT_KEYS.map((k) => `${unless(k, 'INTEGER', () => intSql(x(k)))} AS ${k}`),
    `${r('feedback_date')} AS feedback_date_raw`, `${r('completion_date')} AS completion_date_raw`,
    `${statusDaySql('completion_date', c.asOf ?? c.today)} IS NOT NULL AS completion_from_status`,
    `${yearSql(x('year'))} AS year_col`,
    `${normTitleSql(x('problem_title'), 'unit_compact', 'unit_name_norm', 'unit_local')} AS norm_title`,
    `coalesce(${r('category_l1')}, ${r('category_l2')}, ${r('aspect_raw')}, ${r('focus4')}) AS category_raw`,
    `coalesce(${rectTypeSql(cleanSql(r('rect_type')))}, CASE WHEN di_deadline_raw OR di_deadline THEN '立行立改' END) AS rect_type`,
    `${unless('source', 'VARCHAR', () => sourceSql(cleanSql(r('source'))))} AS source`,
    // 上轮问题编号 无 / — is no link: DOMAIN #21 counts a finding with any prior id as a repeat.
    `${unless('prior_finding_id', 'VARCHAR', () => noneAsNullSql(cleanSql(r('prior_finding_id'))))} AS prior_finding_id`,
    // A time limit written in 完成时间 (2024年12月底前) is the deadline where no deadline is written.
    `coalesce(${r('deadline_raw')}, ${r('deadline')}, CASE WHEN db_completion_date THEN ${r('completion_date')} END) AS deadline_raw`,
    // DOMAIN §3.4 and §6.1: the deadline's words, the 是否长期坚持 flag (or 整改类型 where it says nothing), a 长期坚持 status,
    // or a 完成时间 saying so as a status does (长期坚持, 已完成，长期坚持; not 持续巩固 after a day done: helper-148).
    `(coalesce(${longTermFlagSql(x('long_term'), compactSql(r('rect_type')))}, false) OR coalesce(dl_deadline_raw, dl_deadline, false)
      OR coalesce(status_lt, false) OR coalesce(slt_completion_date, false)) AS long_term`,
    `${closedCellSql(x('closed'))} AS closed_col`,
    'coalesce(dw_deadline_raw, dw_deadline, false) AS deadline_word_only',
    'coalesce(di_deadline_raw OR di_deadline, di_deadline_raw, di_deadline, false) AS deadline_immediate',
    // A deadline dated from the feedback (6月底前, 次年6月底前, 3个月内), when no other deadline text or date
    // gives one (立行立改 wins): its code (see deadlineCodeSql), and the text it was read from, which the warning quotes.
    `CASE WHEN ${DATED_BY_FEEDBACK} THEN coalesce(dy_deadline_raw, dy_deadline) WHEN ${LIMIT_BY_FEEDBACK} THEN dy_completion_date END AS deadline_rel`,
    // A 完成时间 without its year (6月30日): its code (deadlineCodeSql), which completion_date is dated from above,
    // and a measure row without a feedback date of its own is dated by (measure-dates.ts).
    `CASE WHEN dd_completion_date IS NULL AND NOT coalesce(db_completion_date, false) AND dyd_completion_date THEN dy_completion_date END AS completion_rel`,
    // 完成时间 holding a time limit (the date map's \`by\`), which the validator warns of (completion_is_limit).
    // Not where it also says the day the work was really done (dr: 2024年6月底前；已于2024年7月10日完成), which is the completion date.
    'coalesce(db_completion_date, false) AND dr_completion_date IS NULL AS completion_limit',
    // 反馈时间 written as a month alone (2024年3月), from the date map: a deadline in that month is not before it (validate.ts).
    'dm_feedback_date AS feedback_month',
    `CASE WHEN ${DATED_BY_FEEDBACK} THEN CASE WHEN dy_deadline_raw IS NOT NULL THEN ${r('deadline_raw')} ELSE ${r('deadline')} END
      WHEN ${LIMIT_BY_FEEDBACK} THEN ${r('completion_date')} END AS deadline_rel_text`,
    `${boolSql(x('in_concentrated_period'))} AS in_concentrated_period_col`,
    `coalesce(${intSql(x('evidence_count'))}, ${evidenceCountSql(r('evidence'))}${c.evidenceColumn ? ', 0' : ''}) AS evidence_count`,
    `${fundsWanSql(x('funds_wan'), c.fundsScale)} AS funds_wan`,
  ].join(',\n      ');
}

/**
 * What the normalised table keeps besides the findings columns (finding_id is assigned at commit):
 * the validator's row flags and the raw texts and compact forms its rules read (see ruleInputs).
 * Nothing else travels: every column kept is one more copy of every row.
 */
export interface NormalisedExtras {
  raw: string[];
  compact: string[];
  /** Findings columns left out (see absentColumns). */
  absent: Set<string>;
}

/**
 * Findings columns computed from one field alone, NULL whenever the sheet does not map that field.
 * The normalised table leaves them out then (a stored all-NULL column still costs a copy per row)
 * and the commit's view supplies the NULL. Columns the validator reads are never left out.
 */
const SINGLE_FIELD = new Set([...CLEAN_KEYS, ...TEXT_KEYS, ...BOOL_KEYS, ...INT_KEYS, 'source', 'prior_finding_id', 'station_start', 'station_end', 'closure_date', 'followup_date']);
const READ_BY_VALIDATION = new Set(['unit_name', 'problem_title', 'status_raw']);
// Columns another field can fill: the station end from a period in the station start's column; the closure date
// from a status that states it (已销号（2024.6.30）, status-date.ts).
const ALSO_FROM: Record<string, string[]> = { station_end: ['station_start'], closure_date: ['status_raw', 'closed'] };

/** Findings columns that hold only NULL for this sheet, given which fields it maps. */
export function absentColumns(has: (key: string) => boolean): Set<string> {
  const provided = (k: string) => has(k) || (ALSO_FROM[k] ?? []).some(has);
  return new Set([...SINGLE_FIELD].filter((k) => !provided(k) && !READ_BY_VALIDATION.has(k)));
}

// year_unread: the text of a 年度 that names no year (year_invalid), NULL on every other row; closed_col and
// closed_word: what 是否销号 and the status text say of 销号, which the validator compares.
const ROW_HELPERS = ['src_row', 'skip_kind', 'county_by_round', 'county_multiple', 'year_unread', 'ragged', 'long_col', 'status_lt', 'deadline_word_only', 'deadline_immediate', 'deadline_rel', 'deadline_rel_text', 'completion_year_inferred', 'completion_from_status', 'completion_rel', 'completion_limit', 'closed_col', 'closed_word', 'feedback_month'];

/** CREATE TABLE (scratch database) for the normalised rows (all findings columns but finding_id, plus helpers). */
export function normalisedTableSql(raw: string, lookup: string, maps: ValueMaps, table: string, c: NormaliseContext, keep: NormalisedExtras): string {
  const outputs = [
    ...FINDINGS_COLUMNS.map(([n]) => n).filter((n) => n !== 'finding_id' && n !== 'category_l1' && n !== 'category_l2' && !keep.absent.has(n)),
    ...ROW_HELPERS,
    // Only skipped rows need their first cell (the issue shows it).
    'CASE WHEN skip_kind IS NOT NULL THEN first_cell END AS first_cell',
    ...[...new Set(keep.raw)].map((k) => r(k)),
    ...[...new Set(keep.compact)].map((k) => x(k)),
  ];
  const join = [
    `t.${r('round_label')} IS NOT DISTINCT FROM lk.k_label`,
    `t.${r('inspector_level')} IS NOT DISTINCT FROM lk.k_level`,
    `t.${r('term')} IS NOT DISTINCT FROM lk.k_term`,
    `t.${r('round_no')} IS NOT DISTINCT FROM lk.k_no`,
    `t.county_found IS NOT DISTINCT FROM lk.k_county`,
    `t.${r('year')} IS NOT DISTINCT FROM lk.k_year`,
  ].join(' AND ');
  const days = num(c.immediateFixDays);
  const months = num(c.concentratedPeriodMonths);
  const immediate = (d: string, imm: string) => `coalesce(${d}, CASE WHEN ${imm} THEN CAST(feedback_date + ${days} AS DATE) END)`;
  return `CREATE TABLE ${scratchTable(table)} AS
    SELECT ${outputs.join(', ')},
      ${categoryL1Sql()} AS category_l1, ${categoryL2Sql('(' + categoryL1Sql() + ')')} AS category_l2,
      ${categoryByTitleSql()} AS category_by_title
    FROM (SELECT *, ${titleL2CandidateSql(x('problem_title'))} AS title_l2 FROM (SELECT *,
      ${countyCodeSql('county')} AS county_code, ${titleNumbersSql('problem_title')} AS title_numbers,
      coalesce(year_col, year(station_start), round_year, year(feedback_date)) AS year,
      CASE WHEN year_col IS NULL AND ${x('year')} IS NOT NULL THEN ${r('year')} END AS year_unread,
      coalesce(${immediate('dd_deadline', 'di_deadline')}, ${immediate('dd_deadline_raw', 'di_deadline_raw')},
        CASE WHEN ${r('deadline_raw')} IS NULL AND ${r('deadline')} IS NULL AND db_completion_date THEN dh_completion_date END,
        -- A 立行立改 item (整改类型 or 问题来源) with no deadline written: DOMAIN §3.4's, feedback + immediateFixDays.
        CASE WHEN deadline_raw IS NULL AND (rect_type = '立行立改' OR source = '立行立改') THEN CAST(feedback_date + ${days} AS DATE) END,
        -- A feedback date written as a month (2024年3月) is its last day; a yearless deadline counts from the month's
        -- first, a span (3个月内) from the feedback date as 立行立改 does.
        ${codedDeadlineSql('deadline_rel', "CASE WHEN dm_feedback_date THEN CAST(date_trunc('month', feedback_date) AS DATE) ELSE feedback_date END", 'feedback_date')}) AS deadline,
      coalesce(closed_col, CASE WHEN closure_date IS NOT NULL OR closed_word THEN true END) AS closed,
      -- A 完成时间 dated by the rule for a day without its year, which the analyst hears of; not one left
      -- undated (no year to take, or 2月30日), which is warned as unreadable.
      completion_rel IS NOT NULL AND completion_date IS NOT NULL AS completion_year_inferred,
      coalesce(in_concentrated_period_col, CASE WHEN status = 'completed' AND completion_date IS NOT NULL
        AND feedback_date IS NOT NULL THEN completion_date <= CAST(feedback_date + to_months(${months}) AS DATE) END) AS in_concentrated_period
    FROM (SELECT t.*, ${layer1(c, keep.absent)}
      FROM (SELECT t.*, mu.unit_name_norm, mu.c AS unit_compact, mu.unit_local, mk.cat_l1, mk.cat_l2, mk.cat_l2_weak, mk.cat_group, ms.status AS status_read, ms.lt AS status_lt, ms.closed_word, ms.dated AS status_dated, coalesce(mc.multiple, false) AS county_multiple,
          ${mappedCountySql(c.fallbackCounty, c.namedPlace, c.unitsFirst)} AS county_found, ${namedCountySql(c.fallbackCounty, c.unitsFirst)} AS county_named, ${DATE_KEYS.map((k) => `${k.startsWith('deadline') ? heldDeadlineSql(ident('d_' + k), c) : `${ident('d_' + k)}.${mappedDateCol(k)}`} AS ${ident('dd_' + k)}, ${ident('d_' + k)}.imm AS ${ident('di_' + k)}, ${ident('d_' + k)}.lt AS ${ident('dl_' + k)}, ${ident('d_' + k)}.word AS ${ident('dw_' + k)}`).join(', ')},
          CASE WHEN d_station_start.d <> d_station_start.d0 THEN d_station_start.d END AS station_range_end, d_completion_date.mo AS dm_completion_date, d_completion_date.by AS db_completion_date, d_completion_date.rel AS dy_completion_date, d_completion_date.yd AS dyd_completion_date, d_completion_date.slt AS slt_completion_date, CASE WHEN ${doneDayHeldSql('d_completion_date', c)} THEN d_completion_date.dr END AS dr_completion_date, ${heldDeadlineSql('d_completion_date', c)} AS dh_completion_date,
          d_closure_date.by AS db_closure_date, d_deadline.rel AS dy_deadline, d_deadline_raw.rel AS dy_deadline_raw, d_feedback_date.mo AS dm_feedback_date,
          d_status_raw.d AS dd_status, d_status_raw.by AS db_status, d_status_raw.dw AS dw_status${c.closedColumn ? ', d_closed.d AS dd_closed, d_closed.by AS db_closed' : ''}
        FROM ${mappedFromSql(raw, maps, c.closedColumn)}) t
      LEFT JOIN ${ident(lookup)} lk ON ${join})))`;
}
