import type { Filters } from '../queries/filters';
import type { DrillDown } from './urlState';

/**
 * Drill-down: extra filters that narrow the findings table to the findings behind one chart
 * element (a bar segment, a heatmap cell), on top of the view's filters. Only the table uses them.
 * It holds the chart's id and raw values, never text: the chip is written when it is drawn, in the
 * language of the moment, and the link carries the same two things (urlState.ts).
 */
class Drill {
  filters = $state.raw<Partial<Filters> | null>(null);
  /** The id of the chart clicked (its title heads the chip); '' without a drill-down. */
  chart = $state('');

  /** Narrows the table to what an element of chart `chart` stands for; null ends the drill-down. */
  set(filters: Partial<Filters> | null, chart: string) {
    this.filters = filters;
    this.chart = filters ? chart : '';
  }

  /** The drill-down as a link carries it, or null. */
  get current(): DrillDown | null {
    return this.filters ? { chart: this.chart, filters: this.filters } : null;
  }

  /** Applies the drill on top of the view's filters (each listed dimension replaced). */
  apply(base: Filters): Filters {
    return this.filters ? { ...base, ...this.filters, asOf: base.asOf } : base;
  }
}

export const drill = new Drill();
