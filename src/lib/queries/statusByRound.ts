import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { type RoundColumns } from './roundMeta';
import { scopeRows, type SourceOptions } from './source';
import type { StatusKey } from './statusByCounty';

/** Findings of one round with one status at T (DOMAIN §7.2 #7); a round's rows sum to its N. */
export interface RoundStatusRow extends RoundColumns {
  status: StatusKey;
  n: number;
}

/** Status composition by round at T, rounds in time order; the round filter is left out (the chart owns it). */
export function statusByRoundQuery(filters: Filters, _params: MetricParams, opts: SourceOptions = {}): string {
  const rows = scopeRows(filters, opts);
  return `WITH s AS (${scopedFindings(filters, { except: 'rounds', from: rows.from })}), rm AS (${rows.roundMeta})
SELECT s.round_key, rm.round_label, rm.round_year, rm.round_pos, coalesce(s.status_t, 'unknown') AS status, ${rows.count} AS n
FROM s JOIN rm ON rm.round_key = s.round_key
GROUP BY s.round_key, rm.round_label, rm.round_year, rm.round_pos, coalesce(s.status_t, 'unknown')
ORDER BY rm.round_pos, status`;
}
