import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { COUNT_ALL, countWhere, warningColour } from './measures';

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
export function warningsByCountyQuery(filters: Filters, params: MetricParams): string {
  const colour = warningColour(filters.asOf, params);
  return `WITH s AS (SELECT *, ${colour} AS warning FROM (${scopedFindings(filters, { except: 'counties' })}))
SELECT county, ${COUNT_ALL} AS n, ${countWhere(`warning = 'red'`)} AS red,
  ${countWhere(`warning = 'yellow'`)} AS yellow, ${countWhere(`warning = 'green'`)} AS green
FROM s GROUP BY county ORDER BY county`;
}
