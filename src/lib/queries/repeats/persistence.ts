import type { MetricParams } from '../../domain/params';
import { scopedFindings, type Dimension, type Filters } from '../filters';
import { num } from '../sql';

/** 屡现指数 of one L2 code in one county (#26). */
export interface PersistenceRow {
  county: string;
  category_l2: string;
  /** Distinct rounds (or years) in which the code appears in the county. */
  periods: number;
  findings: number;
  /** periods ≥ persistenceThreshold: a county-level 屡查屡犯 theme. */
  persistent: boolean;
}

/**
 * 屡现指数 (DOMAIN.md §7.5 #26) over S at T: per county and L2 code, the number of distinct
 * rounds (or years of stationing, else of feedback, with `persistenceBy = 'year'`) in which the
 * code appears; flagged when ≥ `persistenceThreshold`.
 */
export function persistenceSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  const period = params.persistenceBy === 'year' ? 'coalesce(year, CAST(year(feedback_date) AS INTEGER))' : 'round_key';
  const periods = `count(DISTINCT ${period})`;
  return `SELECT county, category_l2, CAST(${periods} AS INTEGER) AS periods, CAST(count(*) AS INTEGER) AS findings,
  ${periods} >= ${num(params.persistenceThreshold)} AS persistent
FROM (${scopedFindings(filters, { except: opts.except })})
WHERE category_l2 IS NOT NULL
GROUP BY county, category_l2
ORDER BY county, category_l2`;
}
