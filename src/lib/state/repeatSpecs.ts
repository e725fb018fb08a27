import type { ChartClick, ChartSpec } from '../charts/types';
import { clickedField } from '../charts/labels';
import { commonCoverageOption } from '../charts/repeats/commonCoverage';
import { crossCountyHeatmapOption } from '../charts/repeats/crossCountyHeatmap';
import { persistenceHeatmapOption } from '../charts/repeats/persistenceHeatmap';
import { repeatFlowOption } from '../charts/repeats/repeatFlow';
import { commonCoverageSql, type CommonCoverageRow } from '../queries/repeats/common';
import { crossCountyHeatmapSql, type CrossCountyCellRow } from '../queries/repeats/crossCounty';
import { repeatFlowSql, type RepeatFlowRow } from '../queries/repeats/flow';
import { persistenceSql, type PersistenceRow } from '../queries/repeats/persistence';

/** Erases a spec's row type for the list (rows arrive as plain records that match it). */
function defineChart<R>(spec: ChartSpec<R>): ChartSpec {
  return spec as unknown as ChartSpec;
}

/** A click on a county × L2 cell selects the county; drilling selects the county and the code. */
const countyCell = {
  toFilter: (click: ChartClick) => {
    const county = clickedField(click.data, 'county');
    return county ? { dimension: 'counties' as const, value: county } : null;
  },
  drill: (click: ChartClick) => {
    const county = clickedField(click.data, 'county');
    const code = clickedField(click.data, 'code');
    return county && code ? { counties: [county], l2: [code] } : null;
  },
};

/** The repeat-issue charts (DOMAIN.md §7.5), in display order. */
export const REPEAT_CHARTS: ChartSpec[] = [
  defineChart<RepeatFlowRow>({
    id: 'repeat-flow', titleKey: 'repeats.chart.flow.title', definitionKey: 'repeats.chart.flow.def', dimension: 'categories',
    query: (filters, params) => repeatFlowSql(filters, params, { except: 'categories' }),
    option: (rows, ctx) => repeatFlowOption(rows, ctx),
    // A node or a ribbon selects the later finding's L1 category.
    toFilter: (click) => {
      const code = clickedField(click.data, 'code');
      return code ? { dimension: 'categories', value: code } : null;
    },
  }),
  defineChart<CrossCountyCellRow>({
    id: 'cross-county-common', titleKey: 'repeats.chart.crossCounty.title', definitionKey: 'repeats.chart.crossCounty.def', dimension: 'counties',
    query: (filters, params) => crossCountyHeatmapSql(filters, params, { except: 'counties' }),
    option: crossCountyHeatmapOption,
    ...countyCell,
  }),
  defineChart<PersistenceRow>({
    id: 'persistence-index', titleKey: 'repeats.chart.persistence.title', definitionKey: 'repeats.chart.persistence.def', dimension: 'counties',
    query: (filters, params) => persistenceSql(filters, params, { except: 'counties' }),
    option: persistenceHeatmapOption,
    ...countyCell,
  }),
  defineChart<CommonCoverageRow>({
    id: 'common-coverage', titleKey: 'repeats.chart.coverage.title', definitionKey: 'repeats.chart.coverage.def', dimension: 'rounds',
    query: (filters, params) => commonCoverageSql(filters, params, { except: 'rounds' }),
    option: commonCoverageOption,
    toFilter: (click) => {
      const round = clickedField(click.data, 'round_key');
      return round ? { dimension: 'rounds', value: round } : null;
    },
  }),
];
