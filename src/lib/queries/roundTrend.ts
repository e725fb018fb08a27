import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { IS_COMPLETED, rateOf } from './measures';
import { type RoundColumns } from './roundMeta';
import { scopeRows, type SourceOptions } from './source';

/** Strict completion of one round (DOMAIN §7.6 #28). */
export interface RoundTrendRow extends RoundColumns {
  /** Rounds are compared only within one inspector level (中央, 省委, 市委, ...). */
  inspector_level: string | null;
  n: number;
  completed: number;
  completion_rate: number | null;
}

/** Completion rate by round in time order, grouped by inspector level; the round filter is left out. */
export function roundTrendQuery(filters: Filters, _params: MetricParams, opts: SourceOptions = {}): string {
  const rows = scopeRows(filters, opts);
  return `WITH s AS (${scopedFindings(filters, { except: 'rounds', from: rows.from })}), rm AS (${rows.roundMeta}),
c AS (SELECT round_key, ${rows.count} AS n, ${rows.countWhere(IS_COMPLETED)} AS completed FROM s GROUP BY round_key)
SELECT c.round_key, rm.round_label, rm.round_year, rm.round_pos, rm.inspector_level, c.n, c.completed,
  ${rateOf('c.completed', 'c.n')} AS completion_rate
FROM c JOIN rm ON rm.round_key = c.round_key
ORDER BY rm.inspector_level NULLS LAST, rm.round_pos`;
}
