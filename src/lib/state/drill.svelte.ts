import type { Filters } from '../queries/filters';

/**
 * Drill-down: extra filters that narrow the findings table to the findings behind one chart
 * element (a bar segment, a heatmap cell), on top of the view's filters. Only the table uses them.
 */
class Drill {
  filters = $state.raw<Partial<Filters> | null>(null);
  /** Where the drill came from, for its chip. */
  source = $state('');

  /** Narrows the table to what a chart element stands for. */
  set(filters: Partial<Filters> | null, source: string) {
    this.filters = filters;
    this.source = filters ? source : '';
  }

  /** Applies the drill on top of the view's filters (each listed dimension replaced). */
  apply(base: Filters): Filters {
    return this.filters ? { ...base, ...this.filters, asOf: base.asOf } : base;
  }
}

export const drill = new Drill();
