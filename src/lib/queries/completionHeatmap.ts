import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { IS_COMPLETED, rateOf } from './measures';
import { type RoundColumns } from './roundMeta';
import { scopeRows, type SourceOptions } from './source';

/** Strict completion of one county in one round (DOMAIN §7.2 #5). */
export interface CompletionCellRow extends RoundColumns {
  county: string;
  n: number;
  completed: number;
  /** completed / n, a fraction 0..1. */
  completion_rate: number | null;
}

/** Strict completion rate by county × round at T; the county filter is left out (the chart owns it). */
export function completionHeatmapQuery(filters: Filters, _params: MetricParams, opts: SourceOptions = {}): string {
  const rows = scopeRows(filters, opts);
  return `WITH s AS (${scopedFindings(filters, { except: 'counties', from: rows.from })}), rm AS (${rows.roundMeta}),
c AS (SELECT county, round_key, ${rows.count} AS n, ${rows.countWhere(IS_COMPLETED)} AS completed FROM s GROUP BY county, round_key)
SELECT c.county, c.round_key, rm.round_label, rm.round_year, rm.round_pos, c.n, c.completed,
  ${rateOf('c.completed', 'c.n')} AS completion_rate
FROM c JOIN rm ON rm.round_key = c.round_key
ORDER BY rm.round_pos, c.county`;
}
