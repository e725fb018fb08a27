import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { warningColour } from './measures';
import { scopeRows, type SourceOptions } from './source';

/** Three-colour warnings of one county at T (DOMAIN §7.3 #16). */
export interface WarningCountRow {
  county: string;
  /** Findings of the county in S (context for the counts). */
  n: number;
  red: number;
  yellow: number;
  green: number;
}

/**
 * Red / yellow / green counts by county for not-completed findings of D at T, thresholds from
 * `warnYellowDays` / `warnGreenDays`; the county filter is left out (the chart owns it).
 */
export function warningsByCountyQuery(filters: Filters, params: MetricParams, opts: SourceOptions = {}): string {
  const colour = warningColour(filters.asOf, params);
  const { from, count, countWhere } = scopeRows(filters, opts);
  return `WITH s AS (SELECT *, ${colour} AS warning FROM (${scopedFindings(filters, { except: 'counties', from })}))
SELECT county, ${count} AS n, ${countWhere(`warning = 'red'`)} AS red,
  ${countWhere(`warning = 'yellow'`)} AS yellow, ${countWhere(`warning = 'green'`)} AS green
FROM s GROUP BY county ORDER BY county`;
}
