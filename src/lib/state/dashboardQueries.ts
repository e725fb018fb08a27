import type { MetricParams } from '../domain/params';
import type { Filters } from '../queries/filters';
import type { SourceOptions } from '../queries/source';
import { ANALYSIS_CHARTS, DASHBOARD_CHARTS } from './chartSpecs';
import { kpiQueries } from './kpiSpecs';

/** The dashboard's chart grids, in page order: Dashboard.svelte draws these, and no other list. */
export const DASHBOARD_GRIDS = { main: DASHBOARD_CHARTS, analysis: ANALYSIS_CHARTS } as const;

/** One query the dashboard runs for a view: the KPI or chart it answers and its SQL. */
export interface DashboardQuery {
  id: string;
  sql: string;
}

/**
 * The queries the dashboard runs for one view, in the order the page sends them, all at once:
 * the KPI queries (Dashboard.svelte's RowResults), then each of DASHBOARD_GRIDS's charts. The
 * sample snapshot, the idle warm-up and the filter-click benchmark all read this list, so they
 * ask what the page asks.
 */
export function dashboardQueries(filters: Filters, params: MetricParams, source: SourceOptions): DashboardQuery[] {
  const kpis = Object.entries(kpiQueries(filters, params, source)).map(([id, sql]) => ({ id: `kpi:${id}`, sql }));
  const charts = Object.values(DASHBOARD_GRIDS).flatMap((specs) => specs.map((spec) => ({ id: spec.id, sql: spec.query(filters, params, source) })));
  return [...kpis, ...charts];
}
