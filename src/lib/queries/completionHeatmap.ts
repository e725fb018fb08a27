import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { COUNT_ALL, IS_COMPLETED, countWhere, rateOf } from './measures';
import { ROUND_META, type RoundColumns } from './roundMeta';

/** Strict completion of one county in one round (DOMAIN §7.2 #5). */
export interface CompletionCellRow extends RoundColumns {
  county: string;
  n: number;
  completed: number;
  /** completed / n, a fraction 0..1. */
  completion_rate: number | null;
}

/** Strict completion rate by county × round at T; the county filter is left out (the chart owns it). */
export function completionHeatmapQuery(filters: Filters, _params: MetricParams): string {
  return `WITH s AS (${scopedFindings(filters, { except: 'counties' })}), rm AS (${ROUND_META}),
c AS (SELECT county, round_key, ${COUNT_ALL} AS n, ${countWhere(IS_COMPLETED)} AS completed FROM s GROUP BY county, round_key)
SELECT c.county, c.round_key, rm.round_label, rm.round_year, rm.round_pos, c.n, c.completed,
  ${rateOf('c.completed', 'c.n')} AS completion_rate
FROM c JOIN rm ON rm.round_key = c.round_key
ORDER BY rm.round_pos, c.county`;
}
