import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { COUNT_ALL, countWhere, isExplicitRepeat } from './measures';
import { ROUND_META, type RoundColumns } from './roundMeta';

/** Explicit repeats (DOMAIN §7.5 #21) of one county in one round. */
export interface RepeatCellRow extends RoundColumns {
  county: string;
  n: number;
  repeats: number;
}

/** Explicit repeats by county × round at T; the county filter is left out (the chart owns it). */
export function repeatsByRoundQuery(filters: Filters, params: MetricParams): string {
  return `WITH s AS (${scopedFindings(filters, { except: 'counties' })}), rm AS (${ROUND_META}),
c AS (SELECT county, round_key, ${COUNT_ALL} AS n, ${countWhere(isExplicitRepeat(params))} AS repeats FROM s GROUP BY county, round_key)
SELECT c.county, c.round_key, rm.round_label, rm.round_year, rm.round_pos, c.n, c.repeats
FROM c JOIN rm ON rm.round_key = c.round_key
ORDER BY rm.round_pos, c.county`;
}
