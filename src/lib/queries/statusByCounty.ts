import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { scopeRows, type SourceOptions } from './source';

/** Status at T, with unrecognised statuses as 'unknown'. */
export type StatusKey = 'completed' | 'basically_completed' | 'in_progress' | 'not_completed' | 'unknown';

/** Status order of the stacked bars: done first, unrecognised last. */
export const STATUS_KEYS: StatusKey[] = ['completed', 'basically_completed', 'in_progress', 'not_completed', 'unknown'];

/** Findings of one county with one status at T (DOMAIN §7.2 #7); a county's rows sum to its N. */
export interface StatusCountRow {
  county: string;
  status: StatusKey;
  n: number;
}

/** Status composition by county at T; the county filter is left out (the chart owns it). */
export function statusByCountyQuery(filters: Filters, _params: MetricParams, opts: SourceOptions = {}): string {
  const rows = scopeRows(filters, opts);
  return `SELECT county, coalesce(status_t, 'unknown') AS status, ${rows.count} AS n
FROM (${scopedFindings(filters, { except: 'counties', from: rows.from })})
GROUP BY county, coalesce(status_t, 'unknown')
ORDER BY county, status`;
}
