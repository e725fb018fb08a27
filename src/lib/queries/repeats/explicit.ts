import type { MetricParams } from '../../domain/params';
import { scopedFindings, type Dimension, type Filters } from '../filters';
import { COUNT_ALL, countWhere, isExplicitRepeat, rateOf } from '../measures';

/** One row: N, |E| and 显式重复率 (DOMAIN.md §7.5 #21). */
export interface ExplicitRepeatRow {
  findings: number;
  explicit_repeats: number;
  /** |E| / N as a fraction 0..1; NULL when N = 0. */
  explicit_rate: number | null;
}

/**
 * 显式重复问题 E = findings flagged as a prior-round issue, linked to a prior finding, or coded in
 * `explicitRepeatCodes` (H1–H4 by default); 显式重复率 = |E| / N over S at T.
 */
export function explicitRepeatSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  const isE = isExplicitRepeat(params);
  return `SELECT ${COUNT_ALL} AS findings, ${countWhere(isE)} AS explicit_repeats,
  ${rateOf(countWhere(isE), 'count(*)')} AS explicit_rate
FROM (${scopedFindings(filters, { except: opts.except })})`;
}
