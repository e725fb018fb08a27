import type { MetricParams } from '../../domain/params';
import { scopedFindings, type Dimension, type Filters } from '../filters';
import { ROUND_META, type RoundColumns } from '../roundMeta';
import { num } from '../sql';
import { UNIT_KEY } from '../measures';

/** One (round, L2) of #24 with the round's threshold k and whether the code is common. */
export interface CommonProblemRow extends RoundColumns {
  category_l2: string;
  /** Distinct units of the round with a finding in this L2. */
  units_with_code: number;
  findings: number;
  /** Units inspected in the round (whatever the category and status filters). */
  units_in_round: number;
  /** k = max(commonMinUnits, ⌈commonMinShare × units_in_round⌉). */
  k: number;
  is_common: boolean;
}

/** 共性问题覆盖率 of one round (#24). */
export interface CommonCoverageRow extends RoundColumns {
  units_in_round: number;
  k: number;
  /** Number of common L2 codes in the round. */
  common_codes: number;
  /** Units with ≥ 1 finding in a common L2 code. */
  covered_units: number;
  /** covered_units / units_in_round, 0..1. */
  coverage_rate: number | null;
}

/**
 * CTEs `s`, `round_units` and `code_units`. Units in a round are counted with the category and
 * status filters lifted (choosing category D must not shrink "units in that round" and so k),
 * while the codes come from S. The share is multiplied as a DECIMAL so ⌈0.2 × 15⌉ is 3, not 4.
 */
function commonCtes(filters: Filters, params: MetricParams, except?: Dimension): string {
  const unitsScope = scopedFindings({ ...filters, categories: [], l2: [], statuses: [] }, { except });
  const minUnits = num(Math.trunc(params.commonMinUnits));
  const share = `CAST(${num(params.commonMinShare)} AS DECIMAL(18,6))`;
  return `s AS (SELECT *, ${UNIT_KEY} AS unit_key FROM (${scopedFindings(filters, { except })})),
round_units AS (
  SELECT round_key, CAST(count(DISTINCT ${UNIT_KEY}) AS INTEGER) AS units_in_round,
    CAST(greatest(${minUnits}, ceil(${share} * count(DISTINCT ${UNIT_KEY}))) AS INTEGER) AS k
  FROM (${unitsScope}) GROUP BY round_key
),
code_units AS (
  SELECT s.round_key, s.category_l2, CAST(count(DISTINCT s.unit_key) AS INTEGER) AS units_with_code,
    CAST(count(*) AS INTEGER) AS findings, ru.units_in_round, ru.k,
    count(DISTINCT s.unit_key) >= ru.k AS is_common
  FROM s JOIN round_units ru ON ru.round_key = s.round_key
  WHERE s.category_l2 IS NOT NULL
  GROUP BY s.round_key, s.category_l2, ru.units_in_round, ru.k
),
round_meta AS (${ROUND_META})`;
}

/**
 * 共性问题 (DOMAIN.md §7.5 #24): per round and L2 code in S, the distinct units with that code,
 * the round's k, and whether the code is common (units_with_code ≥ k). Ordered by round, then
 * by units descending.
 */
export function commonProblemsSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  return `WITH ${commonCtes(filters, params, opts.except)}
SELECT c.round_key, m.round_label, m.round_year, m.round_pos, c.category_l2, c.units_with_code, c.findings, c.units_in_round, c.k, c.is_common
FROM code_units c JOIN round_meta m ON m.round_key = c.round_key
ORDER BY m.round_pos, c.units_with_code DESC, c.category_l2`;
}

/** 共性问题覆盖率 (#24) per round: units with ≥ 1 finding in a common L2 code / units in the round. */
export function commonCoverageSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  return `WITH ${commonCtes(filters, params, opts.except)},
covered AS (
  SELECT s.round_key, count(DISTINCT s.unit_key) AS covered_units
  FROM s JOIN code_units c ON c.round_key = s.round_key AND c.category_l2 = s.category_l2 AND c.is_common
  GROUP BY s.round_key
)
SELECT ru.round_key, m.round_label, m.round_year, m.round_pos, ru.units_in_round, ru.k,
  CAST((SELECT count(*) FROM code_units c WHERE c.round_key = ru.round_key AND c.is_common) AS INTEGER) AS common_codes,
  CAST(coalesce(cv.covered_units, 0) AS INTEGER) AS covered_units,
  CAST(coalesce(cv.covered_units, 0) AS DOUBLE) / NULLIF(ru.units_in_round, 0) AS coverage_rate
FROM round_units ru JOIN round_meta m ON m.round_key = ru.round_key
LEFT JOIN covered cv ON cv.round_key = ru.round_key
ORDER BY m.round_pos`;
}
