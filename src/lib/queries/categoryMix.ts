import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { type RoundColumns } from './roundMeta';
import { scopeRows, type SourceOptions } from './source';

/** One (round, L1 category) cell of the category mix (DOMAIN §7.1 #3). */
export interface CategoryMixRow extends RoundColumns {
  category_l1: string;
  /** Findings of this category in this round. */
  n: number;
  /** Findings of the round (all categories): the share's denominator. */
  round_n: number;
}

/**
 * Category mix by round. The category filter is left out (the chart owns that dimension), so
 * every category keeps its share and a click adds one.
 */
export function categoryMixQuery(filters: Filters, _params: MetricParams, opts: SourceOptions = {}): string {
  const rows = scopeRows(filters, opts);
  return `WITH s AS (${scopedFindings(filters, { except: 'categories', from: rows.from })}), rm AS (${rows.roundMeta})
SELECT s.round_key, rm.round_label, rm.round_year, rm.round_pos, s.category_l1, ${rows.count} AS n,
  CAST(sum(${rows.countAgg}) OVER (PARTITION BY s.round_key) AS INTEGER) AS round_n
FROM s JOIN rm ON rm.round_key = s.round_key
GROUP BY s.round_key, rm.round_label, rm.round_year, rm.round_pos, s.category_l1
ORDER BY rm.round_pos, s.category_l1`;
}
