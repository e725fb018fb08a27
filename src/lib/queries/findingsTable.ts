import type { MetricParams } from '../domain/params';
import { num, str } from './sql';
import { scopedFindings, type Facet, type Filters } from './filters';
import { isExplicitRepeat, isOverdue, warningColour } from './measures';

/** One finding of the drill-down table, with its status and warning at T. */
export interface FindingTableRow {
  dataset_id: string;
  finding_id: string;
  county: string;
  round_key: string;
  round_label: string | null;
  unit_name: string;
  category_l1: string;
  category_l2: string | null;
  problem_title: string;
  /** Status at T (NULL = unrecognised). */
  status: string | null;
  status_raw: string | null;
  feedback_date: string | null;
  deadline: string | null;
  deadline_raw: string | null;
  long_term: boolean;
  completion_date: string | null;
  overdue: boolean;
  warning: 'red' | 'yellow' | 'green' | null;
}

/** Columns the table may sort by: a whitelist, so a sort key from the URL never reaches SQL as text. */
export const SORTABLE_COLUMNS = {
  finding_id: 'finding_id', county: 'county', round: 'round_key', unit_name: 'unit_name', category: 'category_l1',
  l2: 'category_l2', title: 'problem_title', status: 'status_t', feedback_date: 'feedback_date', deadline: 'deadline',
  completion_date: 'completion_date',
} as const;

/** A sort key the table accepts (URL and header clicks). */
export type SortKey = keyof typeof SORTABLE_COLUMNS;

/** Sorting, text search and paging of the table. */
export interface FindingsTableOptions {
  sort?: SortKey;
  direction?: 'asc' | 'desc';
  /** Matched as plain text (no wildcards) in title, unit and detail, case-insensitively. */
  search?: string;
  limit?: number;
  offset?: number;
}

/** A LIKE pattern matching `text` anywhere, with the LIKE wildcards and the escape character escaped. */
export function containsPattern(text: string): string {
  return str(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** The condition of a drill-down's facet: the findings the element counts (warningsByCounty, repeatsByRound). */
export function facetSql(facet: Facet, asOf: string, params: MetricParams): string {
  switch (facet) {
    case 'explicit_repeat': return isExplicitRepeat(params);
    case 'warning_red': return `${warningColour(asOf, params)} = 'red'`;
    case 'warning_yellow': return `${warningColour(asOf, params)} = 'yellow'`;
    case 'warning_green': return `${warningColour(asOf, params)} = 'green'`;
  }
}

/** The findings the table and its export list: S at T, narrowed to a drill-down's facet if any. */
export function tableScope(filters: Filters, params: MetricParams): string {
  const s = scopedFindings(filters);
  return filters.facet ? `SELECT * FROM (${s}) WHERE ${facetSql(filters.facet, filters.asOf, params)}` : s;
}

/** The table's findings narrowed by the search text, if any (its export lists the same rows). */
export function searched(filters: Filters, params: MetricParams, search: string | undefined): string {
  const s = tableScope(filters, params);
  const text = search?.trim();
  if (!text) return s;
  const pat = containsPattern(text);
  const cols = ['problem_title', 'unit_name', 'problem_detail'];
  return `SELECT * FROM (${s}) WHERE ${cols.map((c) => `${c} ILIKE ${pat} ESCAPE '\\'`).join(' OR ')}`;
}

/** The table's row order: a whitelisted column, ties by dataset and finding id (the findings export reuses it). */
export function findingsOrderBy(opts: Pick<FindingsTableOptions, 'sort' | 'direction'> = {}): string {
  const sortCol = SORTABLE_COLUMNS[opts.sort ?? 'finding_id'] ?? 'finding_id';
  const dir = opts.direction === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${sortCol} ${dir} NULLS LAST, dataset_id, finding_id`;
}

/** One page of findings of S at T, sorted by a whitelisted column, ties by dataset and finding id. */
export function findingsTableQuery(filters: Filters, params: MetricParams, opts: FindingsTableOptions = {}): string {
  const limit = num(Math.max(1, Math.min(1000, Math.trunc(opts.limit ?? 50))));
  const offset = num(Math.max(0, Math.trunc(opts.offset ?? 0)));
  return `SELECT dataset_id, finding_id, county, round_key, round_label, unit_name, category_l1, category_l2, problem_title,
  status_t AS status, status_raw, feedback_date, deadline, deadline_raw, long_term, completion_date,
  coalesce(${isOverdue(filters.asOf, params)}, false) AS overdue, ${warningColour(filters.asOf, params)} AS warning
FROM (${searched(filters, params, opts.search)})
${findingsOrderBy(opts)}
LIMIT ${limit} OFFSET ${offset}`;
}

/** The number of findings the table pages through (same filters and search). */
export function findingsCountQuery(filters: Filters, params: MetricParams, opts: Pick<FindingsTableOptions, 'search'> = {}): string {
  return `SELECT CAST(count(*) AS INTEGER) AS total FROM (${searched(filters, params, opts.search)})`;
}
