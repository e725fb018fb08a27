import { ROUND_META_TABLE } from './cube';
import { UNIT_KEY } from './measures';
import { date, inList, str } from './sql';

/** The dimensions a user can filter on (filter bar, chart clicks, URL). */
export type Dimension = 'rounds' | 'counties' | 'categories' | 'l2' | 'statuses' | 'units' | 'unitTypes' | 'sources';

/** The current view's filters. Empty lists mean "all". `asOf` is the as-of date T. */
export interface Filters {
  rounds: string[];
  counties: string[];
  categories: string[];
  l2: string[];
  /** Status at T; `'unknown'` selects rows whose status is unrecognised (NULL). */
  statuses: string[];
  units: string[];
  /** 单位类型 and 问题来源 (整改专项), S's other filters (DOMAIN.md §7). */
  unitTypes: string[];
  sources: string[];
  asOf: string;
  /**
   * The findings table only: the part of S behind a chart element that no dimension names (a
   * county's red warnings, its explicit repeats in a round). Charts and KPIs never read it.
   */
  facet?: Facet;
}

/** A drill-down's narrowing beyond the dimensions (findingsTable.ts `facetSql`). */
export const FACETS = ['explicit_repeat', 'warning_red', 'warning_yellow', 'warning_green'] as const;
export type Facet = (typeof FACETS)[number];

/** Filters with nothing selected, at the given as-of date. */
export function emptyFilters(asOf: string): Filters {
  return { rounds: [], counties: [], categories: [], l2: [], statuses: [], units: [], unitTypes: [], sources: [], asOf };
}

/**
 * Status as it stood at T (DOMAIN.md §7, "looking back in time"): a row completed after T was
 * not yet completed at T. We do not know what it was then, so it counts as in_progress. A
 * completed row without a completion date counts as completed at every T.
 */
export function statusAt(asOf: string): string {
  return `CASE WHEN status = 'completed' AND completion_date > ${date(asOf)} THEN 'in_progress' ELSE status END`;
}

/**
 * 销号 as it stood at T: a closure dated after T had not happened yet. A closure without its date
 * cannot precede the completion it closes, so while a completed row's completion date is after T
 * the row was not yet closed either (it would otherwise be closed before it was completed).
 * Without either date a closed row counts as closed at every T, as statusAt does.
 */
export function closedAt(asOf: string, alias = ''): string {
  const c = (col: string) => `${alias}${col}`;
  return `coalesce(${c('closed')} AND CASE WHEN ${c('closure_date')} IS NOT NULL THEN ${c('closure_date')} <= ${date(asOf)}
    ELSE NOT coalesce(${c('status')} = 'completed' AND ${c('completion_date')} > ${date(asOf)}, FALSE) END, FALSE)`;
}

const DIMENSION_EXPR: Record<Exclude<Dimension, 'statuses' | 'units'>, string> = {
  rounds: 'round_key',
  counties: 'county',
  categories: 'category_l1',
  l2: 'category_l2',
  unitTypes: 'unit_type',
  sources: 'source',
};

/**
 * The unit filter: every finding of the units named, however each row writes the unit's name (UNIT_KEY, as U and the
 * repeats count units: 古山镇党委 and 永康市古山镇党委 are one unit of 永康市). It matched the name as written only, so
 * a unit picked by one spelling lost its rows of the other (helper-132). Read from `findings`, which has the names.
 */
function unitsInSql(units: string[]): string {
  return units.length ? `${UNIT_KEY} IN (SELECT ${UNIT_KEY} FROM findings WHERE ${inList('unit_name', units)})` : 'TRUE';
}

/**
 * Fed back by T (DOMAIN.md §7: findings whose feedback_date > T are not yet in S). A row without
 * its own date has its round's, the round's first feedback (rounds.feedback_date, kept as the
 * minimum of its findings' dates; the cube reads the same value from round_meta_t): a row left
 * blank in a round fed back after T is not yet in S either. A round with no date at all is in S at
 * every T.
 */
export function fedBackBy(asOf: string, from: string): string {
  const later = from === 'findings'
    ? `SELECT round_key FROM rounds WHERE feedback_date > ${date(asOf)}`
    : `SELECT round_key FROM ${ROUND_META_TABLE} WHERE round_date > ${date(asOf)}`;
  return `(feedback_date <= ${date(asOf)} OR feedback_date IS NULL AND round_key NOT IN (${later}))`;
}

/**
 * S at T: the findings after the current filters, with `status_t` (status at T) added.
 * Rows fed back after T are not yet in S (fedBackBy). `except` leaves one dimension unfiltered, so
 * the chart that owns that dimension keeps showing every value while the others follow it.
 */
export function scopedFindings(filters: Filters, opts: { except?: Dimension; from?: string } = {}): string {
  const from = opts.from ?? 'findings';
  const where = [fedBackBy(filters.asOf, from)];
  for (const dim of Object.keys(DIMENSION_EXPR) as (keyof typeof DIMENSION_EXPR)[]) {
    if (dim !== opts.except) where.push(inList(DIMENSION_EXPR[dim], filters[dim]));
  }
  if (opts.except !== 'units') where.push(unitsInSql(filters.units));
  let sql = `SELECT *, ${statusAt(filters.asOf)} AS status_t FROM ${from} WHERE ${where.filter((w) => w !== 'TRUE').join(' AND ')}`;
  if (opts.except !== 'statuses' && filters.statuses.length) {
    const known = filters.statuses.filter((s) => s !== 'unknown');
    const parts = known.length ? [`status_t IN (${known.map(str).join(', ')})`] : [];
    if (filters.statuses.includes('unknown')) parts.push('status_t IS NULL');
    sql = `SELECT * FROM (${sql}) WHERE ${parts.join(' OR ')}`;
  }
  return sql;
}
