import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { COUNT_ALL, IS_COMPLETED, countWhere, rateOf } from './measures';
import { ROUND_META, type RoundColumns } from './roundMeta';

/** Strict completion of one round (DOMAIN §7.6 #28). */
export interface RoundTrendRow extends RoundColumns {
  /** Rounds are compared only within one inspector level (中央, 省委, 市委, ...). */
  inspector_level: string | null;
  n: number;
  completed: number;
  completion_rate: number | null;
}

/** Completion rate by round in time order, grouped by inspector level; the round filter is left out. */
export function roundTrendQuery(filters: Filters, _params: MetricParams): string {
  return `WITH s AS (${scopedFindings(filters, { except: 'rounds' })}), rm AS (${ROUND_META}),
c AS (SELECT round_key, ${COUNT_ALL} AS n, ${countWhere(IS_COMPLETED)} AS completed FROM s GROUP BY round_key)
SELECT c.round_key, rm.round_label, rm.round_year, rm.round_pos, rm.inspector_level, c.n, c.completed,
  ${rateOf('c.completed', 'c.n')} AS completion_rate
FROM c JOIN rm ON rm.round_key = c.round_key
ORDER BY rm.inspector_level NULLS LAST, rm.round_pos`;
}
