import type { Lang } from '../i18n/translate';
import { DEFAULT_PARAMS, type MetricParams } from '../domain/params';
import { PARAM_FIELDS, parseNumericParam, warnThresholdsOrdered, type ParamField } from '../domain/paramFields';
import { isCalendarDate } from '../queries/sql';
import { emptyFilters, FACETS, type Dimension, type Facet, type Filters } from '../queries/filters';
import { STATUS_KEYS } from '../queries/statusByCounty';
import { L1_CODES, L2 } from '../domain/taxonomy';

/** Screens of the app (DESIGN.md "Screens"). */
export const VIEWS = ['dashboard', 'repeats', 'data', 'briefing', 'sql'] as const;
export type View = (typeof VIEWS)[number];

/** Everything a link must carry to reproduce a screen. `asOf` '' = the data's default date. */
export interface ViewState {
  view: View;
  lang: Lang;
  filters: Filters;
  params: MetricParams;
  sample: boolean;
  /**
   * The chart a dimension's filter was clicked in. That chart keeps showing every value of its
   * dimension (highlighting the selection); every other chart narrows to the selection.
   */
  origins: Partial<Record<Dimension, string>>;
  /** The findings table's drill-down into one chart element, or null. */
  drill: DrillDown | null;
}

/**
 * A drill-down: the chart clicked and every value of the element clicked (永康市 and 已完成 for a
 * status segment). Raw values, not text, so the chip is written in the language of the moment.
 */
export interface DrillDown {
  chart: string;
  filters: Partial<Filters>;
}

// URL parameter name of each filter list; repeated parameters carry several values.
const LIST_KEYS: [keyof Filters, string][] = [
  ['rounds', 'round'],
  ['counties', 'county'],
  ['categories', 'cat'],
  ['l2', 'l2'],
  ['statuses', 'status'],
  ['units', 'unit'],
  ['unitTypes', 'unitType'],
  ['sources', 'source'],
];

// Filters whose values form a closed list: a link's other values are dropped, not shown as chips.
const L2_CODES = new Set(L2.map((c) => c.code));
const CLOSED_LISTS: Partial<Record<keyof Filters, (v: string) => boolean>> = {
  statuses: (v) => (STATUS_KEYS as string[]).includes(v),
  categories: (v) => L1_CODES.includes(v),
  l2: (v) => L2_CODES.has(v),
};

/** The values of one filter a link may carry: non-empty, not huge, and in its list where it has one. */
function linkValues(q: URLSearchParams, key: keyof Filters, name: string): string[] {
  const allowed = CLOSED_LISTS[key] ?? (() => true);
  return q.getAll(name).filter((v) => v.length > 0 && v.length < 500 && allowed(v));
}

// Numeric parameters a link may override, with the settings panel's ranges; anything else in the URL is ignored.
const NUMERIC_FIELDS = PARAM_FIELDS.filter((f): f is Extract<ParamField, { kind: 'number' }> => f.kind === 'number');

const CHART_ID = /^[a-z0-9-]{1,60}$/;
// A drill's values travel under the filter's own parameter name with this prefix (drill.county=永康市).
const DRILL_PREFIX = 'drill.';

/** Reads the drill-down of a link: `drill=<chart>` and its values; null when absent or malformed. */
function parseDrill(q: URLSearchParams): DrillDown | null {
  const chart = q.get('drill') ?? '';
  if (!CHART_ID.test(chart)) return null;
  const filters: Partial<Filters> = {};
  for (const [key, name] of LIST_KEYS) {
    const values = linkValues(q, key, DRILL_PREFIX + name);
    if (values.length) (filters[key] as string[]) = values;
  }
  const facet = q.get(`${DRILL_PREFIX}facet`) ?? '';
  if ((FACETS as readonly string[]).includes(facet)) filters.facet = facet as Facet;
  return Object.keys(filters).length ? { chart, filters } : null;
}

/** Reads a view from a query string; unknown or malformed values fall back to defaults. */
export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const view = (VIEWS as readonly string[]).includes(q.get('view') ?? '') ? (q.get('view') as View) : 'dashboard';
  const asOf = q.get('asOf') ?? '';
  const filters = emptyFilters(isCalendarDate(asOf) ? asOf : '');
  for (const [key, name] of LIST_KEYS) (filters[key] as string[]) = linkValues(q, key, name);
  const params: MetricParams = { ...DEFAULT_PARAMS };
  for (const field of NUMERIC_FIELDS) {
    const raw = q.get(field.key);
    const n = raw === null ? null : parseNumericParam(field, raw);
    if (n !== null) params[field.key] = n;
  }
  // Thresholds in the wrong order would leave no yellow band: the link's pair is dropped.
  if (!warnThresholdsOrdered(params)) {
    params.warnGreenDays = DEFAULT_PARAMS.warnGreenDays;
    params.warnYellowDays = DEFAULT_PARAMS.warnYellowDays;
  }
  if (q.get('longTerm') === 'include') params.longTermWithDeadline = 'include';
  if (q.get('denominator') === 'later_rounds') params.repeatDenominator = 'later_rounds';
  if (q.get('similarity') === 'on') params.useTextSimilarity = true;
  if (q.get('light') === 'on') params.lightMeasuresInAccountability = true;
  if (q.get('persistenceBy') === 'year') params.persistenceBy = 'year';
  const origins: Partial<Record<Dimension, string>> = {};
  for (const entry of q.getAll('from')) {
    const [dim, chart] = entry.split(':');
    if (LIST_KEYS.some(([k]) => k === dim) && CHART_ID.test(chart ?? '')) origins[dim as Dimension] = chart;
  }
  return { view, lang: q.get('lang') === 'en' ? 'en' : 'zh', filters, params, sample: q.get('sample') !== 'off', origins, drill: parseDrill(q) };
}

/** Writes a view as a query string, leaving out whatever equals the default. */
export function serialiseViewState(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.view !== 'dashboard') q.set('view', s.view);
  if (s.lang !== 'zh') q.set('lang', s.lang);
  if (!s.sample) q.set('sample', 'off');
  if (s.filters.asOf) q.set('asOf', s.filters.asOf);
  for (const [key, name] of LIST_KEYS) for (const v of s.filters[key] as string[]) q.append(name, v);
  for (const [dim, chart] of Object.entries(s.origins)) if (chart && s.filters[dim as Dimension].length) q.append('from', `${dim}:${chart}`);
  if (s.drill) {
    q.set('drill', s.drill.chart);
    for (const [key, name] of LIST_KEYS) for (const v of (s.drill.filters[key] as string[] | undefined) ?? []) q.append(DRILL_PREFIX + name, v);
    if (s.drill.filters.facet) q.set(`${DRILL_PREFIX}facet`, s.drill.filters.facet);
  }
  for (const { key } of NUMERIC_FIELDS) if (s.params[key] !== DEFAULT_PARAMS[key]) q.set(key, String(s.params[key]));
  if (s.params.longTermWithDeadline === 'include') q.set('longTerm', 'include');
  if (s.params.repeatDenominator === 'later_rounds') q.set('denominator', 'later_rounds');
  if (s.params.useTextSimilarity) q.set('similarity', 'on');
  if (s.params.lightMeasuresInAccountability) q.set('light', 'on');
  if (s.params.persistenceBy === 'year') q.set('persistenceBy', 'year');
  const text = q.toString();
  return text ? `?${text}` : '';
}

// What a step back should undo: the screen, the filters (and the chart each was clicked in) and the
// drill-down. The as-of date, the settings and the language are changed in place: a date typed digit
// by digit is one step, and going back to an earlier screen keeps the language of the moment.
const NAVIGATION_KEYS = new Set(['view', 'drill', 'from', ...LIST_KEYS.map(([, name]) => name)]);
const isNavigation = (k: string) => NAVIGATION_KEYS.has(k) || k.startsWith(DRILL_PREFIX);

/**
 * Whether going from one link to the next adds a step to the browser's history or replaces the
 * current one. The link left is compared as the app would write it: a link it only tidies on
 * arrival (?view=dashboard, an unknown status) is replaced, or Back would land there and be tidied
 * forward again, never leaving the app.
 */
export function historyStep(from: string, to: string): 'push' | 'replace' {
  const key = (search: string) => [...new URLSearchParams(search)].filter(([k]) => isNavigation(k)).map(([k, v]) => `${k}=${v}`).sort().join('&');
  return key(serialiseViewState(parseViewState(from))) === key(to) ? 'replace' : 'push';
}

/** The link Back or Forward lands on, with the as-of date, settings and language of the moment (`current`). */
export function withSettingsOf(landed: string, current: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(landed)) if (isNavigation(k)) q.append(k, v);
  for (const [k, v] of new URLSearchParams(current)) if (!isNavigation(k)) q.append(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
}
