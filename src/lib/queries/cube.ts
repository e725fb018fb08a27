import { ROUND_META } from './roundMeta';
import { IS_IMMEDIATE, UNIT_KEY, accountabilityRowTotal, accountabilityTotalAsFiled } from './measures';

/**
 * Derived tables rebuilt after every data change (DESIGN.md "Performance envelope": aggregate
 * once into a small cube and answer charts from it). They are TEMP tables: derived data is never
 * persisted, so a stored database can never carry a cube older than its findings.
 */

/** `ROUND_META` materialised: one row per round with label, year, level, date and position. */
export const ROUND_META_TABLE = 'round_meta_t';

/** The findings cube: one row per distinct combination of everything a filter or chart reads. */
export const FINDING_CUBE = 'finding_cube';

/** (round, unit) cells of the cube, for the distinct-unit count U (DOMAIN §7.1 #2). */
export const UNIT_CUBE = 'unit_cube';

/**
 * The same cells without status and completion date, for views with no status filter (status at
 * T then decides nothing): on ledgers with many units per county it has about half the rows.
 */
export const UNIT_CUBE_ANY_STATUS = 'unit_cube_any_status';

/**
 * The two cubes again with 单位类型 and 问题来源 (整改专项) added, read only when one of those
 * filters is set. Kept apart so that the cubes every other click reads stay small (a source per
 * finding multiplies the cells). A filter on either column passes no row where it is NULL, so these
 * hold only the rows that carry one of the two: on ledgers without the columns they are empty.
 */
export const ATTR_FINDING_CUBE = 'finding_cube_attr';
export const ATTR_UNIT_CUBE = 'unit_cube_attr';

/** The columns the attribute cubes add, as `findings` names them (filters.ts reads them by name). */
const ATTR_DIMENSIONS = ['unit_type', 'source'];
const HAS_ATTR = 'unit_type IS NOT NULL OR source IS NOT NULL';

/**
 * Every derived table, in build order. A query of a builder that reads the cube (`readsCubeOnly`
 * in source.ts) reads these and nothing else, so an engine holding copies of them can answer it.
 */
export const DERIVED_TABLES = [ROUND_META_TABLE, FINDING_CUBE, UNIT_CUBE, UNIT_CUBE_ANY_STATUS, ATTR_FINDING_CUBE, ATTR_UNIT_CUBE] as const;

/**
 * Columns a chart reads from a row of S, grouped as they are in `findings`. The completion date
 * is kept only for completed rows: no builder reads it otherwise (status at T, the curve, on-time
 * and concentrated-period tests all require `status = 'completed'`), and keeping it for the
 * others would multiply the cube for nothing. The closure date likewise only for closed rows.
 */
const CUBE_DIMENSIONS = [
  'round_key', 'county', 'category_l1', 'category_l2', 'status', 'long_term', 'feedback_date', 'deadline',
  `CASE WHEN status = 'completed' THEN completion_date END AS completion_date`,
  `coalesce(closed, false) AS closed`,
  `CASE WHEN closed THEN closure_date END AS closure_date`,
  // in_concentrated_period only decides completed rows that lack one of the two dates (#9).
  `CASE WHEN status = 'completed' AND (completion_date IS NULL OR feedback_date IS NULL) THEN in_concentrated_period END AS in_concentrated_period`,
  `coalesce(evidence_count, 0) >= 1 AS has_evidence`,
  `evidence_count IS NOT NULL AS evidence_known`,
  // 立行立改 (#4) and the explicit-repeat flags (#21) that do not depend on a parameter.
  `${IS_IMMEDIATE} AS immediate`,
  `(coalesce(is_prior_round_issue, false) OR prior_finding_id IS NOT NULL) AS flagged_repeat`,
];

/** Outcome columns (§7.4) summed per cell, as [row expression, name]; a sum over no values stays NULL, as in the base table. */
const CUBE_SUMS: [string, string][] = [
  ...['acc_party_discipline', 'acc_gov_sanction', 'acc_org_handling', 'acc_admonish', 'acc_light', 'acc_orgs',
    'systems_count', 'clue_transferred', 'clue_closed', 'funds_wan'].map((c): [string, string] => [c, c]),
  // 问责人数 per row depends on lightMeasuresInAccountability: both variants are kept.
  [accountabilityRowTotal(false), 'acc_people_strict'],
  [accountabilityRowTotal(true), 'acc_people_with_light'],
  // Rows whose ledger total is not their counted parts, in both variants (outcomes' label).
  [accountabilityTotalAsFiled(false), 'acc_as_filed_strict'],
  [accountabilityTotalAsFiled(true), 'acc_as_filed_with_light'],
];

const dimensionNames = CUBE_DIMENSIONS.map((d) => d.split(' AS ').pop() as string);

/**
 * Statements that (re)build the derived tables from `findings` and `rounds`. Run them in order
 * after every import or removal, before any cube-backed query.
 */
export function derivedTableStatements(): string[] {
  return [
    `CREATE OR REPLACE TEMP TABLE ${ROUND_META_TABLE} AS ${ROUND_META}`,
    findingCube(FINDING_CUBE, [], 'TRUE'),
    unitCube(UNIT_CUBE, [], 'TRUE'),
    `CREATE OR REPLACE TEMP TABLE ${UNIT_CUBE_ANY_STATUS} AS
SELECT round_key, unit_key, county, category_l1, category_l2, CAST(NULL AS VARCHAR) AS status, CAST(NULL AS DATE) AS completion_date,
  CASE WHEN bool_or(feedback_date IS NULL) THEN NULL ELSE min(feedback_date) END AS feedback_date
FROM ${UNIT_CUBE} GROUP BY round_key, unit_key, county, category_l1, category_l2`,
    findingCube(ATTR_FINDING_CUBE, ATTR_DIMENSIONS, HAS_ATTR),
    unitCube(ATTR_UNIT_CUBE, ATTR_DIMENSIONS, HAS_ATTR),
  ];
}

/** One row per distinct combination of the dimensions (and `extra`) over the findings meeting `where`. */
function findingCube(table: string, extra: string[], where: string): string {
  const names = [...dimensionNames, ...extra].join(', ');
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
SELECT ${names}, CAST(count(*) AS INTEGER) AS n, ${CUBE_SUMS.map(([, c]) => `sum(${c}) AS ${c}`).join(', ')}
FROM (SELECT ${[...CUBE_DIMENSIONS, ...extra].join(', ')}, ${CUBE_SUMS.map(([e, c]) => `${e} AS ${c}`).join(', ')} FROM findings WHERE ${where})
GROUP BY ${names}`;
}

/**
 * (round, unit) cells: a pair is in S when one of its rows passes the filters and was fed back by
 * T. Grouping by every column S filters on (status at T needs status and completion date) makes
 * that one row per cell: the cell passes when its earliest feedback date does (NULL = always).
 */
function unitCube(table: string, extra: string[], where: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
SELECT round_key, ${UNIT_KEY} AS unit_key, county, category_l1, category_l2, status,
  CASE WHEN status = 'completed' THEN completion_date END AS completion_date,${extra.map((c) => ` ${c},`).join('')}
  CASE WHEN bool_or(feedback_date IS NULL) THEN NULL ELSE min(feedback_date) END AS feedback_date
FROM findings WHERE ${where} GROUP BY ALL`;
}
