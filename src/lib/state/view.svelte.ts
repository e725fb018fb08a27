import { parseViewState, serialiseViewState, type View, type ViewState } from './urlState';
import { drill } from './drill.svelte';
import { emptyFilters, type Dimension, type Filters } from '../queries/filters';
import type { MetricParams } from '../domain/params';
import { setParam, type ParamField, type ParamUpdate } from '../domain/paramFields';
import { locale } from './locale.svelte';

/**
 * What the analyst is looking at: screen, filters, as-of date and metric parameters.
 * It is read from the URL once and written back on every change, so a link reproduces the view.
 */
class ViewStore {
  view = $state<View>('dashboard');
  filters = $state<Filters>(emptyFilters(''));
  params = $state.raw<MetricParams>(parseViewState('').params);
  sample = $state(true);
  /** Which chart each dimension's filter was clicked in (see ViewState.origins). */
  origins = $state<Partial<Record<Dimension, string>>>({});
  /** The as-of date used when the URL names none: the newest date in the data. */
  defaultAsOf = $state('');

  /** The as-of date in force. */
  get asOf(): string {
    return this.filters.asOf || this.defaultAsOf;
  }

  /** Filters with the as-of date resolved, as queries need them. */
  get effectiveFilters(): Filters {
    return { ...$state.snapshot(this.filters), asOf: this.asOf };
  }

  /** Loads the view, and the table's drill-down, from a query string (page start, back/forward). */
  load(search: string) {
    const s = parseViewState(search);
    this.view = s.view;
    this.filters = s.filters;
    this.params = s.params;
    this.sample = s.sample;
    this.origins = s.origins;
    // A link without a drill-down (or back to a view without one) ends the current one.
    drill.set(s.drill?.filters ?? null, s.drill?.chart ?? '');
    locale.set(s.lang);
  }

  /** The view, with the table's drill-down, as a query string. */
  serialise(): string {
    const s: ViewState = {
      view: this.view, lang: locale.lang, filters: $state.snapshot(this.filters), params: this.params, sample: this.sample,
      origins: $state.snapshot(this.origins), drill: drill.current,
    };
    return serialiseViewState(s);
  }

  /** Adds or removes one value of a filter dimension; `origin` is the chart clicked, if any. */
  toggle(dimension: Dimension, value: string, origin?: string) {
    const list = this.filters[dimension];
    const i = list.indexOf(value);
    if (i >= 0) list.splice(i, 1);
    else list.push(value);
    if (origin) this.origins[dimension] = origin;
    if (!list.length) delete this.origins[dimension];
  }

  /** Replaces the values of one dimension (filter bar: no chart is the origin). */
  setFilter(dimension: Dimension, values: string[]) {
    this.filters[dimension] = values;
    delete this.origins[dimension];
  }

  /**
   * Sets one metric parameter through the range checks of paramFields.ts (panel, repeat screen);
   * a refused value leaves the parameters as they were and says why.
   */
  updateParam(key: ParamField['key'], value: string | boolean): ParamUpdate {
    const res = setParam(this.params, key, value);
    if (res.ok) this.params = res.params;
    return res;
  }

  /** Clears every filter and the table's drill-down (keeps as-of date and parameters). */
  reset() {
    for (const d of ['rounds', 'counties', 'categories', 'l2', 'statuses', 'units', 'unitTypes', 'sources'] as const) this.filters[d] = [];
    this.origins = {};
    drill.set(null, '');
  }
}

export const viewStore = new ViewStore();
