import { IMMEDIATE_FIX_PATTERN } from '../../domain/vocabulary/status';
import { ident, num, str } from '../../queries/sql';
import { compactCol as x, rawCol as r } from './raw';
import { categoryCandidatesSql, categoryL1Sql, categoryL2Sql, titleL2Sql } from './category';
import { countyCodeSql, countyInTextSql, countySql } from './county';
import { dateSql, deadlineLongTermSql } from './dates';
import { normTitleSql, unitNameNormSql } from './names';
import { statusLongTermSql, statusSql } from './status';
import { cleanSql } from './text';
import { boolSql, fundsWanSql, intSql } from './values';

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
}

/** The county of a row: its column, else the fallback, else the county its unit names. */
export function rowCountySql(fallback?: string): string {
  const city = `CASE WHEN regexp_matches(${x('unit_name')}, '^(市|金华市)') THEN '市本级' END`;
  return `coalesce(${countySql(x('county'))}, ${fallback ? str(fallback) : 'NULL'}, ${countyInTextSql(x('unit_name'))}, ${city})`;
}

const INT_KEYS = ['measure_count', 'acc_people_total', 'acc_party_discipline', 'acc_gov_sanction', 'acc_org_handling', 'acc_admonish',
  'acc_light', 'acc_orgs', 'systems_count', 'clue_transferred', 'clue_closed'];
const DATE_KEYS = ['station_start', 'station_end', 'feedback_date', 'completion_date', 'closure_date', 'followup_date'];
const BOOL_KEYS = ['key_concern', 'draw_inferences', 'special_campaign', 'is_prior_round_issue'];
const TEXT_KEYS = ['problem_detail', 'root_cause', 'rectify_goal', 'measures', 'completion_summary', 'evidence', 'remarks', 'aspect_raw', 'status_raw'];
const CLEAN_KEYS = ['mode', 'team', 'unit_name', 'unit_type', 'source', 'focus4', 'problem_title', 'key_concern_case', 'resp_unit',
  'resp_leader', 'resp_person', 'prior_finding_id', 'followup_result', 'disclose'];

/** Layer 1: values that need only the row's own cells. */
function layer1(c: NormaliseContext, county: string): string {
  const deadlineX = `coalesce(${x('deadline_raw')}, ${x('deadline')})`;
  return [
    `${str(c.datasetId)} AS dataset_id`,
    `${c.sheet === undefined ? 'CAST(NULL AS VARCHAR)' : str(c.sheet)} AS source_sheet`,
    'src_row AS source_row',
    'lk.round_key, lk.inspector_level, lk.inspection_kind, lk.term, lk.round_no, lk.round_label, lk.round_year',
    `${county} AS county`, `${r('county')} AS county_raw`,
    ...CLEAN_KEYS.map((k) => `${cleanSql(r(k))} AS ${k}`),
    ...TEXT_KEYS.map((k) => `${r(k)} AS ${k}`),
    ...DATE_KEYS.map((k) => `${dateSql(x(k))} AS ${k}`),
    ...BOOL_KEYS.map((k) => `${boolSql(x(k))} AS ${k}`),
    ...INT_KEYS.map((k) => `${intSql(x(k))} AS ${k}`),
    `${r('feedback_date')} AS feedback_date_raw`, `${r('completion_date')} AS completion_date_raw`,
    `TRY_CAST(regexp_extract(${x('year')}, '((19|20)\\d{2})', 1) AS INTEGER) AS year_col`,
    `${unitNameNormSql(x('unit_name'))} AS unit_name_norm`,
    `${normTitleSql(x('problem_title'), x('unit_name'))} AS norm_title`,
    `coalesce(${r('category_l1')}, ${r('category_l2')}, ${r('aspect_raw')}) AS category_raw`,
    `coalesce(${cleanSql(r('rect_type'))}, CASE WHEN regexp_matches(${deadlineX}, ${str(IMMEDIATE_FIX_PATTERN)}) THEN '立行立改' END) AS rect_type`,
    `coalesce(${r('deadline_raw')}, ${r('deadline')}) AS deadline_raw`,
    `(coalesce(${boolSql(x('long_term'))}, false) OR ${deadlineLongTermSql(deadlineX)} OR ${statusLongTermSql(x('status_raw'))}) AS long_term`,
    `${statusSql(x('status_raw'))} AS status`,
    `${boolSql(x('closed'))} AS closed_col`,
    `${boolSql(x('in_concentrated_period'))} AS in_concentrated_period_col`,
    `coalesce(${intSql(x('evidence_count'))}, CASE WHEN ${r('evidence')} IS NOT NULL THEN len(regexp_extract_all(${r('evidence')}, '[^;；、\\n]+')) END) AS evidence_count`,
    `${fundsWanSql(x('funds_wan'))} AS funds_wan`,
    categoryCandidatesSql({ category: x('category_l1'), subcategory: x('category_l2'), aspect: x('aspect_raw'), title: x('problem_title') }),
  ].join(',\n      ');
}

/** CREATE TEMP TABLE for the normalised rows (all findings columns but finding_id, plus helpers). */
export function normalisedTableSql(raw: string, lookup: string, table: string, c: NormaliseContext): string {
  const county = rowCountySql(c.fallbackCounty);
  const join = [
    `${r('round_label')} IS NOT DISTINCT FROM lk.k_label`,
    `${r('inspector_level')} IS NOT DISTINCT FROM lk.k_level`,
    `${r('term')} IS NOT DISTINCT FROM lk.k_term`,
    `${r('round_no')} IS NOT DISTINCT FROM lk.k_no`,
    `${county} IS NOT DISTINCT FROM lk.k_county`,
  ].join(' AND ');
  const immediate = { feedbackDate: 'feedback_date', days: c.immediateFixDays };
  const months = num(c.concentratedPeriodMonths);
  return `CREATE TEMP TABLE ${ident(table)} AS
    SELECT * EXCLUDE (cat_l1, cat_l2, title_l2, closed_col, in_concentrated_period_col, year_col, round_year),
      ${categoryL1Sql()} AS category_l1, ${categoryL2Sql('(' + categoryL1Sql() + ')')} AS category_l2
    FROM (SELECT *, ${titleL2Sql('cat_l1', x('problem_title'))} AS title_l2 FROM (SELECT *,
      ${countyCodeSql('county')} AS county_code,
      coalesce(year_col, round_year, year(feedback_date), year(station_start)) AS year,
      coalesce(${dateSql(x('deadline'), { immediate })}, ${dateSql(x('deadline_raw'), { immediate })}) AS deadline,
      coalesce(closed_col, CASE WHEN closure_date IS NOT NULL OR regexp_matches(${x('status_raw')}, '^已?销号') THEN true END) AS closed,
      coalesce(in_concentrated_period_col, CASE WHEN status = 'completed' AND completion_date IS NOT NULL
        AND feedback_date IS NOT NULL THEN completion_date <= CAST(feedback_date + to_months(${months}) AS DATE) END) AS in_concentrated_period
    FROM (SELECT t.*, ${layer1(c, county)} FROM ${ident(raw)} t LEFT JOIN ${ident(lookup)} lk ON ${join})))`;
}
