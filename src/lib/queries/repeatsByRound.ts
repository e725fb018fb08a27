import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { type RoundColumns } from './roundMeta';
import { scopeRows, type SourceOptions } from './source';

/** Explicit repeats (DOMAIN §7.5 #21) of one county in one round. */
export interface RepeatCellRow extends RoundColumns {
  county: string;
  n: number;
  repeats: number;
}

/** Explicit repeats by county × round at T; the county filter is left out (the chart owns it). */
export function repeatsByRoundQuery(filters: Filters, params: MetricParams, opts: SourceOptions = {}): string {
  const rows = scopeRows(filters, opts);
  return `WITH s AS (${scopedFindings(filters, { except: 'counties', from: rows.from })}), rm AS (${rows.roundMeta}),
c AS (SELECT county, round_key, ${rows.count} AS n, ${rows.countWhere(rows.explicitRepeat(params))} AS repeats FROM s GROUP BY county, round_key)
SELECT c.county, c.round_key, rm.round_label, rm.round_year, rm.round_pos, c.n, c.repeats
FROM c JOIN rm ON rm.round_key = c.round_key
ORDER BY rm.round_pos, c.county`;
}
