import { COUNTIES } from '../../domain/counties';
import type { MetricParams } from '../../domain/params';
import { scopedFindings, type Dimension, type Filters } from '../filters';
import { inList, num } from '../sql';
import { UNIT_KEY } from '../measures';

/** One county's findings in an L2 code that was a cross-county common problem that year (#25). */
export interface CrossCountyRow {
  year: number;
  category_l2: string;
  county: string;
  findings: number;
  units: number;
  /** How many of the nine counties had the code that year (≥ crossCountyMin). */
  counties: number;
}

/** One heatmap cell: a county's findings in a cross-county common L2 code, over the years it was common. */
export interface CrossCountyCellRow {
  county: string;
  category_l2: string;
  findings: number;
  /** Years in which the code was cross-county common and the county had it. */
  years: number;
}

// "of the 9 counties" (§7.5 #25): 市本级 and functional zones neither count towards m nor show.
const NINE_COUNTIES = COUNTIES.filter((c) => c.kind !== '市本级' && c.kind !== '功能区').map((c) => c.name);

function crossCountyCtes(filters: Filters, params: MetricParams, except?: Dimension): string {
  return `cells AS (
  SELECT coalesce(year, CAST(year(feedback_date) AS INTEGER)) AS period, county, category_l2,
    count(*) AS findings, count(DISTINCT ${UNIT_KEY}) AS units
  FROM (${scopedFindings(filters, { except })})
  WHERE category_l2 IS NOT NULL AND ${inList('county', NINE_COUNTIES)}
  GROUP BY ALL
),
spread AS (
  SELECT period, category_l2, count(DISTINCT county) AS counties FROM cells
  WHERE period IS NOT NULL GROUP BY ALL HAVING count(DISTINCT county) >= ${num(Math.trunc(params.crossCountyMin))}
)`;
}

/**
 * 跨县共性问题 (DOMAIN.md §7.5 #25): L2 codes found in at least m = `crossCountyMin` of the nine
 * counties in the same year (year of stationing, else of feedback), one row per county having
 * the code that year. Pass `except: 'counties'` so a county filter does not hide the spread.
 */
export function crossCountyCommonSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  return `WITH ${crossCountyCtes(filters, params, opts.except)}
SELECT CAST(c.period AS INTEGER) AS year, c.category_l2, c.county, CAST(c.findings AS INTEGER) AS findings,
  CAST(c.units AS INTEGER) AS units, CAST(sp.counties AS INTEGER) AS counties
FROM cells c JOIN spread sp ON sp.period = c.period AND sp.category_l2 = c.category_l2
ORDER BY year, c.category_l2, c.county`;
}

/** The county × L2 heatmap of #25: findings summed over the years the code was cross-county common. */
export function crossCountyHeatmapSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  return `WITH ${crossCountyCtes(filters, params, opts.except)}
SELECT c.county, c.category_l2, CAST(sum(c.findings) AS INTEGER) AS findings, CAST(count(DISTINCT c.period) AS INTEGER) AS years
FROM cells c JOIN spread sp ON sp.period = c.period AND sp.category_l2 = c.category_l2
GROUP BY c.county, c.category_l2
ORDER BY c.category_l2, c.county`;
}
