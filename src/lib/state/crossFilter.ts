import type { Row } from '../db/types';
import type { ChartSpec } from '../charts/types';
import type { Dimension, Filters } from '../queries/filters';

/** Row columns that carry each filter dimension in the charts' aggregated rows. */
const DIMENSION_COLUMNS: Record<Dimension, string[]> = {
  counties: ['county'],
  rounds: ['round_key'],
  categories: ['category_l1', 'code'],
  l2: ['category_l2', 'l2'],
  statuses: ['status'],
  units: ['unit_name'],
  unitTypes: ['unit_type'],
  sources: ['source'],
};

/**
 * A chart's query leaves its own dimension unfiltered so that, when the analyst clicked it, it
 * keeps every value visible. Every other chart on that dimension must narrow to the selection:
 * its rows are grouped by the dimension, so keeping the rows whose value is selected is exact.
 */
export function narrowToSelection(rows: Row[], dimension: Dimension | undefined, filters: Filters, origin: string | undefined, chartId: string): Row[] {
  if (!dimension || origin === chartId) return rows;
  const values = filters[dimension];
  if (!values.length || !rows.length) return rows;
  const column = DIMENSION_COLUMNS[dimension].find((c) => c in rows[0]);
  if (!column) return rows;
  const keep = new Set<unknown>(values);
  if (dimension === 'statuses' && keep.has('unknown')) keep.add(null);
  return rows.filter((r) => keep.has(r[column]));
}

/**
 * The rows a chart draws, on screen and in every export: its query's rows, narrowed to the
 * selection on its dimension made elsewhere (narrowToSelection), unless it only highlights it.
 */
export function rowsInView(spec: ChartSpec<any>, rows: Row[], filters: Filters, origins: Partial<Record<Dimension, string>>): Row[] {
  const dim = spec.highlightsOnly ? undefined : spec.dimension;
  return narrowToSelection(rows, dim, filters, dim ? origins[dim] : undefined, spec.id);
}
