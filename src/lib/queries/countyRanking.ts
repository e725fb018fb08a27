import type { MetricParams } from '../domain/params';
import { num } from './sql';
import { scopedFindings, type Filters } from './filters';
import { IS_COMPLETED, isOverdue, rateOf } from './measures';
import { scopeRows, type SourceOptions } from './source';

/** One county of the ranking (DOMAIN §7.6 #27). */
export interface CountyRankRow {
  county: string;
  n: number;
  completed: number;
  /** Strict 整改完成率, a fraction 0..1. */
  completion_rate: number | null;
  overdue: number;
  /** 同单位重复率, when a source for it is given (the last tiebreak); NULL otherwise. */
  unit_repeat_rate: number | null;
  /** N < smallNMin: shown greyed with 样本不足, never ranked. */
  small_sample: boolean;
  /** 1 = best; equal keys share a rank; NULL for small samples. */
  rank: number | null;
}

/** Options of the ranking query. */
export interface CountyRankingOptions extends SourceOptions {
  /**
   * SQL of a relation `(county VARCHAR, unit_repeat_rate DOUBLE)` giving each county's 同单位重复率
   * for the same filters (the repeat-analysis builders provide it). Without it the third tiebreak
   * is skipped and the column is NULL.
   */
  sameUnitRepeatRateByCounty?: string;
}

const NO_REPEAT_RATES = 'SELECT CAST(NULL AS VARCHAR) AS county, CAST(NULL AS DOUBLE) AS unit_repeat_rate WHERE FALSE';

/**
 * County ranking at T: strict completion rate descending, ties by 逾期未完成数 ascending, then
 * by 同单位重复率 ascending. The county filter is left out: a ranking needs every county.
 */
export function countyRankingQuery(filters: Filters, params: MetricParams, opts: CountyRankingOptions = {}): string {
  const min = num(Math.trunc(params.smallNMin));
  const { from, count, countWhere } = scopeRows(filters, opts);
  return `WITH s AS (${scopedFindings(filters, { except: 'counties', from })}),
c AS (SELECT county, ${count} AS n, ${countWhere(IS_COMPLETED)} AS completed, ${countWhere(isOverdue(filters.asOf, params))} AS overdue
  FROM s GROUP BY county),
r AS (SELECT c.*, ${rateOf('c.completed', 'c.n')} AS completion_rate, ur.unit_repeat_rate, c.n < ${min} AS small_sample
  FROM c LEFT JOIN (${opts.sameUnitRepeatRateByCounty ?? NO_REPEAT_RATES}) ur ON ur.county = c.county)
SELECT county, n, completed, completion_rate, overdue, unit_repeat_rate, small_sample,
  CASE WHEN NOT small_sample THEN CAST(rank() OVER (PARTITION BY small_sample ORDER BY completion_rate DESC, overdue ASC, unit_repeat_rate ASC NULLS LAST) AS INTEGER) END AS rank
FROM r
ORDER BY small_sample, rank, completion_rate DESC, county`;
}

/** Ranked counties that share their rank with another: the ones the third tiebreak must separate. */
export function tiedCounties(rows: Pick<CountyRankRow, 'county' | 'rank'>[]): string[] {
  const byRank = new Map<number, string[]>();
  for (const r of rows) if (r.rank !== null) byRank.set(r.rank, [...(byRank.get(r.rank) ?? []), r.county]);
  return [...byRank.values()].filter((c) => c.length > 1).flat();
}
